package com.tobacco.cmw.satisfaction;

import static com.tobacco.cmw.satisfaction.SatisfactionImprovementProcess.SCOPE_MANAGER;
import static com.tobacco.cmw.satisfaction.SatisfactionImprovementProcess.SCOPE_REGION;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Writes a checked survey: the survey and its answers, the index of the survey's scope and of
 * every customer manager whose customers answered (each compared with that scope's previous
 * period), and one open plan per customer manager to analyse it (§4.8.1). A follow-up survey is
 * linked to the cycle it follows up and each accepted target of that cycle is compared with the
 * index reached.
 */
@Component
public class SurveyLoading {

  /** What was written: the survey id, its index rows (scope first) and the managers to analyse it. */
  public record Loaded(long surveyId, List<SatisfactionRepository.IndexRow> index, List<String> managers) {}

  private final SatisfactionRepository repository;
  private final SatisfactionSettings settings;

  public SurveyLoading(SatisfactionRepository repository, SatisfactionSettings settings) {
    this.repository = repository;
    this.settings = settings;
  }

  public Loaded load(SurveyIntake.Checked c, String businessKey, String fileName, String encoding, String uploadedBy,
                     String requesterGroup, Instant at, String processInstanceId) {
    long id = repository.insertSurvey(new SatisfactionRepository.NewSurvey(businessKey, c.scopeType(), c.scopeId(),
        c.periodFrom(), c.periodTo(), fileName, encoding, uploadedBy, at, processInstanceId, c.regionCode(),
        requesterGroup));
    Map<String, List<SatisfactionIndex.Scores>> byManager = new TreeMap<>();
    List<SatisfactionIndex.Scores> all = new ArrayList<>();
    for (SurveyIntake.Answer a : c.answers()) {
      repository.insertResponse(id, a.row());
      SatisfactionIndex.Scores scores = new SatisfactionIndex.Scores(a.row().supply(), a.row().service(), a.row().market());
      all.add(scores);
      byManager.computeIfAbsent(a.customer().managerId(), m -> new ArrayList<>()).add(scores);
    }
    List<SatisfactionRepository.IndexRow> rows = new ArrayList<>();
    if (c.scopeType().equals(SCOPE_REGION)) {
      rows.add(index(id, c, SCOPE_REGION, c.scopeId(), all));
    }
    for (Map.Entry<String, List<SatisfactionIndex.Scores>> m : byManager.entrySet()) {
      rows.add(index(id, c, SCOPE_MANAGER, m.getKey(), m.getValue()));
    }
    List<String> managers = new ArrayList<>();
    for (SatisfactionRepository.IndexRow r : rows) {
      repository.insertIndex(r);
      if (r.scopeType().equals(SCOPE_MANAGER)) {
        repository.openPlan(id, r.scopeId(), r.index());
        managers.add(r.scopeId());
      }
    }
    return new Loaded(id, rows, managers);
  }

  /** Links a follow-up survey to the cycle it follows up and records each accepted target against the index reached. */
  public void followUp(long followUpSurveyId, long previousSurveyId) {
    repository.linkFollowUp(followUpSurveyId, previousSurveyId);
    for (SatisfactionRepository.Plan plan : repository.plans(previousSurveyId)) {
      if (!"ACCEPTED".equals(plan.status())) {
        continue;
      }
      BigDecimal reached = repository.index(followUpSurveyId, SCOPE_MANAGER, plan.managerId())
          .map(SatisfactionRepository.IndexRow::index).orElse(null);
      repository.recordFollowUp(previousSurveyId, plan.managerId(), reached,
          reached == null ? null : reached.compareTo(plan.targetIndex()) >= 0);
    }
  }

  private SatisfactionRepository.IndexRow index(long surveyId, SurveyIntake.Checked c, String scopeType, String scopeId,
                                                List<SatisfactionIndex.Scores> answers) {
    SatisfactionIndex.Result r = SatisfactionIndex.of(answers, settings.weights());
    var previous = repository.previousIndex(scopeType, scopeId, c.periodFrom());
    return new SatisfactionRepository.IndexRow(surveyId, scopeType, scopeId, r.respondents(), r.supplyMean(),
        r.serviceMean(), r.marketMean(), r.index(), previous.map(SatisfactionRepository.IndexRow::surveyId).orElse(null),
        previous.map(SatisfactionRepository.IndexRow::index).orElse(null),
        previous.map(p -> r.index().subtract(p.index())).orElse(null));
  }
}

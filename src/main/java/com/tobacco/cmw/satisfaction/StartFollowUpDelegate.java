package com.tobacco.cmw.satisfaction;

import static com.tobacco.cmw.satisfaction.SatisfactionImprovementProcess.PROCESS_KEY;
import static com.tobacco.cmw.satisfaction.SatisfactionImprovementProcess.Var;

import com.tobacco.cmw.process.EngineClock;
import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.process.Variables;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The follow-up measurement: the requester's follow-up survey (same scope, a period after the
 * evaluated one) starts the next cycle — a new {@code satisfactionImprovement} instance linked to
 * this one (its survey's {@code follows_survey_id}; variables {@code previousEvaluation} there and
 * {@code nextEvaluation} here) — and each accepted target of this cycle is compared with the index
 * the follow-up reached. In the requester's transaction: a bad survey answers 400 with its
 * problems, the task stays, nothing is started.
 */
@Component("startSatisfactionFollowUp")
public class StartFollowUpDelegate implements JavaDelegate {

  private final SatisfactionRepository repository;
  private final SatisfactionParties parties;
  private final FollowUps followUps;
  private final EngineClock clock;

  public StartFollowUpDelegate(SatisfactionRepository repository, SatisfactionParties parties, FollowUps followUps,
                               EngineClock clock) {
    this.repository = repository;
    this.parties = parties;
    this.followUps = followUps;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SatisfactionRepository.Survey survey = repository.ofProcessInstance(execution.getProcessInstanceId());
    parties.requireRequester(survey, Var.FOLLOW_UP_CSV, "登記隨訪調查");
    LocalDate from = Variables.requiredDate(execution, Var.FOLLOW_UP_PERIOD_FROM, "隨訪調查期間開始日", clock.zone(),
        SatisfactionParties.inForm(Var.FOLLOW_UP_PERIOD_FROM));
    LocalDate to = Variables.requiredDate(execution, Var.FOLLOW_UP_PERIOD_TO, "隨訪調查期間結束日", clock.zone(),
        SatisfactionParties.inForm(Var.FOLLOW_UP_PERIOD_TO));
    if (!from.isAfter(survey.periodTo())) {
      throw InvalidInput.inForm(Var.FOLLOW_UP_PERIOD_FROM, "隨訪調查期間應在上次調查期間(至 " + survey.periodTo()
          + ")之後:「" + from + "」/ the follow-up period must start after " + survey.periodTo());
    }
    StoredText.requireFits(execution, Var.FOLLOW_UP_CSV, "隨訪調查結果", "請改用文件上傳 POST /api/satisfaction-evaluations/"
        + survey.businessKey() + "/follow-up / upload larger surveys as a file", SatisfactionParties.inForm(Var.FOLLOW_UP_CSV));
    String csv = Variables.requiredText(execution, Var.FOLLOW_UP_CSV, "隨訪調查結果", LoadSurveyDelegate.MAX_CSV_CHARS,
        SatisfactionParties.inForm(Var.FOLLOW_UP_CSV));
    if (repository.followUpOf(survey.id()).isPresent()) {
      throw InvalidInput.inForm(Var.FOLLOW_UP_CSV, "本次測評已登記隨訪調查 / the follow-up survey is already loaded");
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(Var.SCOPE_TYPE, survey.scopeType());
    variables.put(Var.SCOPE_ID, survey.scopeId());
    variables.put(Var.PERIOD_FROM, from.toString());
    variables.put(Var.PERIOD_TO, to.toString());
    // transient: the survey goes into its tables, never into the engine's variable or history tables
    variables.put(Var.SURVEY_CSV, org.camunda.bpm.engine.variable.Variables.stringValue(csv, true));
    variables.put(Var.SURVEY_FILE_NAME, "隨訪 follow-up of " + survey.businessKey());
    ProcessInstance next;
    try {
      next = followUps.following(survey.id(), () -> execution.getProcessEngineServices().getRuntimeService()
          .startProcessInstanceByKey(PROCESS_KEY, variables));
    } catch (InvalidInput e) {
      throw InvalidInput.inForm(Var.FOLLOW_UP_CSV, e.getMessage());
    }
    execution.setVariable(Var.NEXT_EVALUATION, next.getBusinessKey());
  }
}

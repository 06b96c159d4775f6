package com.tobacco.cmw.satisfaction;

import static com.tobacco.cmw.satisfaction.SatisfactionImprovementProcess.Var;

import com.tobacco.cmw.process.EngineClock;
import com.tobacco.cmw.process.Variables;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The customer manager's analysis of the survey (§4.8.1) and the measures they commit to
 * (§4.8.2), checked and recorded in their transaction: an analysis, at least one measure (one a
 * line), a target index above the current one and at most 100 (100 when the current index is
 * already 100), a target date after today and
 * within two years. Bad input is answered with 400, the task stays and nothing is written.
 */
@Component("recordImprovementMeasures")
public class RecordMeasuresDelegate implements JavaDelegate {

  static final int MAX_ANALYSIS = 4000;
  static final int MAX_MEASURE = 500;
  static final int MAX_MEASURES = 20;
  /** All measures together, as typed (a process variable: the engine stores at most 4,000 characters). */
  static final int MAX_MEASURES_TEXT = LoadSurveyDelegate.MAX_STORED_TEXT;
  static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final SatisfactionRepository repository;
  private final SatisfactionParties parties;
  private final EngineClock clock;

  public RecordMeasuresDelegate(SatisfactionRepository repository, SatisfactionParties parties, EngineClock clock) {
    this.repository = repository;
    this.parties = parties;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SatisfactionRepository.Survey survey = repository.ofProcessInstance(execution.getProcessInstanceId());
    String managerId = SatisfactionParties.manager(execution);
    SatisfactionRepository.Plan plan = repository.plan(survey.id(), managerId).orElseThrow(() ->
        SatisfactionParties.inForm(Var.MANAGER_ID).apply("客戶經理 " + managerId + " 不在本次測評中 / " + managerId
            + " has no plan in " + survey.businessKey()));
    parties.requireActor(managerId, Var.ANALYSIS, "提交本人的分析與改進措施");
    if (!plan.status().equals("OPEN") && !plan.status().equals("RETURNED")) {
      throw SatisfactionParties.inForm(Var.ANALYSIS).apply("改進措施已提交,等待審核 / the measures are already "
          + plan.status());
    }
    StoredText.requireFits(execution, Var.ANALYSIS, "結合自身服務情況的分析", null,
        SatisfactionParties.inForm(Var.ANALYSIS));
    StoredText.requireFits(execution, Var.MEASURES, "改進措施", "每項最多 " + MAX_MEASURE + " 字 / at most " + MAX_MEASURE
        + " characters a measure", SatisfactionParties.inForm(Var.MEASURES));
    String analysis = Variables.requiredText(execution, Var.ANALYSIS, "結合自身服務情況的分析", MAX_ANALYSIS,
        SatisfactionParties.inForm(Var.ANALYSIS));
    List<String> measures = measures(execution.getVariable(Var.MEASURES));
    BigDecimal target = target(execution.getVariable(Var.TARGET_INDEX), plan.currentIndex());
    LocalDate today = clock.today();
    LocalDate date = Variables.requiredDate(execution, Var.TARGET_DATE, "目標日期", clock.zone(),
        SatisfactionParties.inForm(Var.TARGET_DATE));
    if (!date.isAfter(today)) {
      throw SatisfactionParties.inForm(Var.TARGET_DATE).apply("目標日期應在今天 " + today + " 之後:「" + date
          + "」/ the target date must be in the future");
    }
    if (date.isAfter(today.plusYears(2))) {
      throw SatisfactionParties.inForm(Var.TARGET_DATE).apply("目標日期最遲為兩年內 " + today.plusYears(2) + ":「" + date
          + "」/ the target date must be within two years");
    }
    repository.submitPlan(survey.id(), managerId, analysis, measures, target, date, clock.now());
    execution.setVariable(Var.TARGET_INDEX, target.doubleValue());
    execution.setVariable(Var.TARGET_DATE, date.toString());
    // a new round of review: the last round's decision and comment do not carry over to it
    execution.setVariable(Var.REVIEW_DECISION, null);
    execution.setVariable(Var.REVIEW_COMMENT, null);
  }

  /** The measures, one a line (list markers and numbering kept as written); empty lines ignored. */
  static List<String> measures(Object value) {
    Function<String, RuntimeException> error = SatisfactionParties.inForm(Var.MEASURES);
    List<String> measures = new ArrayList<>();
    if (value != null && value.toString().length() > MAX_MEASURES_TEXT) {
      throw error.apply("改進措施合計最多 " + MAX_MEASURES_TEXT + " 字 / the measures are limited to " + MAX_MEASURES_TEXT
          + " characters in all");
    }
    if (value != null) {
      for (String line : value.toString().split("\r\n|\r|\n")) {
        String m = line.strip();
        if (m.isEmpty()) {
          continue;
        }
        if (m.length() > MAX_MEASURE) {
          throw error.apply("每項改進措施最多 " + MAX_MEASURE + " 字:「" + m.substring(0, 20) + "…」/ a measure is longer than "
              + MAX_MEASURE);
        }
        measures.add(m);
      }
    }
    if (measures.isEmpty()) {
      throw error.apply("請至少填寫一項改進措施(每行一項)/ at least one measure is required (one a line)");
    }
    if (measures.size() > MAX_MEASURES) {
      throw error.apply("改進措施最多 " + MAX_MEASURES + " 項 / at most " + MAX_MEASURES + " measures");
    }
    return measures;
  }

  /**
   * A target index above the current one, at most 100, with at most two decimals; a manager whose
   * index is already 100 commits to keeping it (target 100).
   */
  static BigDecimal target(Object value, BigDecimal current) {
    Function<String, RuntimeException> error = SatisfactionParties.inForm(Var.TARGET_INDEX);
    BigDecimal target = Variables.number(value, "目標滿意度指數", error);
    if (target == null) {
      throw error.apply("請填寫「目標滿意度指數」/ targetIndex is required");
    }
    if (target.stripTrailingZeros().scale() > 2) {
      throw error.apply("目標滿意度指數最多兩位小數:「" + target.toPlainString() + "」/ at most two decimals");
    }
    // a manager already at 100 can only commit to keeping it: the target 100 is accepted then
    boolean keepsTheTop = current.compareTo(HUNDRED) >= 0 && target.compareTo(HUNDRED) == 0;
    if (target.compareTo(current) <= 0 && !keepsTheTop) {
      throw error.apply("目標滿意度指數應高於目前的 " + current.toPlainString() + ":「" + target.toPlainString()
          + "」/ the target must be above the current index " + current.toPlainString());
    }
    if (target.compareTo(HUNDRED) > 0) {
      throw error.apply("目標滿意度指數不能超過 100:「" + target.toPlainString() + "」/ the target must not exceed 100");
    }
    return target.setScale(2, java.math.RoundingMode.UNNECESSARY);
  }
}

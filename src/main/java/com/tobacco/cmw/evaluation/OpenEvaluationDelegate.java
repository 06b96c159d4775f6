package com.tobacco.cmw.evaluation;

import static com.tobacco.cmw.evaluation.PerformanceEvaluationProcess.Var;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tobacco.cmw.calendar.WorkCalendar;
import com.tobacco.cmw.complaint.ComplaintEvidence;
import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.process.Variables;
import com.tobacco.cmw.security.CurrentUser;
import com.tobacco.cmw.security.ProcessAccess;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Opens an evaluation: checks who evaluates whom over which period, takes the complaint
 * register's evidence for the period, writes the evaluation and gives the evaluatee and the
 * evaluators access. Runs in the starter's transaction: bad input is answered at once with 400
 * and leaves nothing behind.
 */
@Component("openEvaluation")
public class OpenEvaluationDelegate implements JavaDelegate {

  static final int SCORE_WORKING_DAYS = 5;
  private static final DateTimeFormatter KEY_DATE = DateTimeFormatter.BASIC_ISO_DATE;

  private final EvaluationParties parties;
  private final EvaluationRepository evaluations;
  private final ComplaintEvidence complaintEvidence;
  private final WorkCalendar calendar;
  private final ProcessAccess access;
  private final CurrentUser currentUser;
  private final ObjectMapper json;

  public OpenEvaluationDelegate(EvaluationParties parties, EvaluationRepository evaluations,
                                ComplaintEvidence complaintEvidence, WorkCalendar calendar, ProcessAccess access,
                                CurrentUser currentUser, ObjectMapper json) {
    this.parties = parties;
    this.evaluations = evaluations;
    this.complaintEvidence = complaintEvidence;
    this.calendar = calendar;
    this.access = access;
    this.currentUser = currentUser;
    this.json = json;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Function<String, RuntimeException> error = InvalidInput::atStart;
    String evaluator = currentUser.userId().orElse(null);
    if (evaluator == null) {
      evaluator = Variables.requiredText(execution, Var.EVALUATOR_ID, "測評人", 64, error);
    }
    if (!parties.isEvaluator(evaluator)) {
      throw error.apply("只有績效測評人可以發起測評,「" + evaluator + "」不是 / only a performance evaluator may start an evaluation");
    }
    String evaluatee = Variables.requiredText(execution, Var.EVALUATEE_ID, "被測評人", 64, error);
    if (evaluatee.equals(evaluator)) {
      throw error.apply("測評人不能測評自己 / an evaluator cannot evaluate themself");
    }
    if (!parties.isCustomerServiceManager(evaluatee)) {
      throw error.apply("被測評人「" + evaluatee + "」不是客戶服務部經理 / " + evaluatee + " is not a customer-service manager");
    }
    LocalDate from = Variables.requiredDate(execution, Var.PERIOD_FROM, "測評時段開始", calendar.zone(), error);
    LocalDate to = Variables.requiredDate(execution, Var.PERIOD_TO, "測評時段結束", calendar.zone(), error);
    if (to.isBefore(from)) {
      throw error.apply("測評時段結束日 " + to + " 早於開始日 " + from + " / the period ends before it starts");
    }
    LocalDate today = calendar.today();
    if (from.isAfter(today)) {
      throw error.apply("測評時段 " + from + " 尚未開始 / the period has not started yet");
    }
    String key = "JX-" + evaluatee + "-" + from.format(KEY_DATE) + "-" + to.format(KEY_DATE);
    if (evaluations.exists(key)) {
      throw error.apply("該時段的測評 " + key + " 已存在 / an evaluation of " + evaluatee + " for this period exists");
    }

    ComplaintEvidence.Evidence evidence = complaintEvidence.forPeriod(from, to);
    Date scoreDue = calendar.endOfWorkingDaysFromToday(SCORE_WORKING_DAYS);
    evaluations.open(key, execution.getProcessInstanceId(), evaluatee, evaluator, from, to, toJson(evidence),
        scoreDue.toInstant());
    access.grantEvaluation(execution.getProcessInstanceId(), evaluatee);

    execution.setProcessBusinessKey(key);
    execution.setVariable(Var.EVALUATION_KEY, key);
    execution.setVariable(Var.EVALUATOR_ID, evaluator);
    execution.setVariable(Var.EVALUATOR_NAME, parties.name(evaluator));
    execution.setVariable(Var.EVALUATEE_NAME, parties.name(evaluatee));
    execution.setVariable(Var.PERIOD_FROM, from.toString());
    execution.setVariable(Var.PERIOD_TO, to.toString());
    execution.setVariable(Var.SCORE_DUE, scoreDue);
    execution.setVariable(Var.EVIDENCE_TEXT, evidenceText(evidence));
    execution.setVariable(Var.SECOND_EVALUATOR_OPTIONS,
        SpinValues.jsonValue(toJson(parties.evaluatorOptions(evaluator))).create());
  }

  /** The evidence as the forms show it (read-only text). */
  static String evidenceText(ComplaintEvidence.Evidence e) {
    return "**客觀依據:客戶投訴登記 " + e.from() + " 至 " + e.to() + "**\n\n"
        + "| 項目 | 數值 |\n|---|---|\n"
        + "| 受理投訴案件 Cases reported | " + e.reported() + " |\n"
        + "| 結案 Cases closed | " + e.closed() + " |\n"
        + "| 按期結案 Closed on time | " + e.closedOnTime() + " |\n"
        + "| 按期結案率 Share on time | " + (e.onTimePercent() == null ? "—(無結案)" : e.onTimePercent().toPlainString() + " %") + " |\n"
        + "| 平均處理時間(工作日) Average resolution days | "
        + (e.averageResolutionDays() == null ? "—(無結案)" : e.averageResolutionDays().toPlainString()) + " |\n"
        + "| 期末逾期未結 Open overdue at end | " + e.openOverdueAtEnd() + " |\n"
        + "| 督辦升級 Escalations | " + e.escalations() + " |";
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

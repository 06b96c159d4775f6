package com.tobacco.cmw.evaluation;

import static com.tobacco.cmw.evaluation.PerformanceEvaluationProcess.RESPONSE_ACKNOWLEDGE;
import static com.tobacco.cmw.evaluation.PerformanceEvaluationProcess.RESPONSE_DISPUTE;
import static com.tobacco.cmw.evaluation.PerformanceEvaluationProcess.Var;

import com.tobacco.cmw.calendar.WorkCalendar;
import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.process.Variables;
import java.util.Date;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Checks the evaluatee's answer in the evaluatee's transaction: acknowledge, or dispute with a
 * reason and a second evaluator who is a performance evaluator other than the first.
 */
@Component("checkEvaluationResponse")
public class CheckResponseDelegate implements JavaDelegate {

  static final int SECOND_REVIEW_WORKING_DAYS = 5;
  static final int REASON_MIN = 10;

  private final EvaluationParties parties;
  private final WorkCalendar calendar;

  public CheckResponseDelegate(EvaluationParties parties, WorkCalendar calendar) {
    this.parties = parties;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Function<String, RuntimeException> error = m -> InvalidInput.inForm(Var.RESPONSE, m);
    String response = Variables.requiredText(execution, Var.RESPONSE, "確認或申訴", 12, error);
    String reason = Variables.optionalText(execution, Var.RESPONSE_REASON, "申訴理由", 2000, error);
    execution.setVariable(Var.RESPONDED_AT, new Date());
    if (RESPONSE_ACKNOWLEDGE.equals(response)) {
      return;
    }
    if (!RESPONSE_DISPUTE.equals(response)) {
      throw error.apply("「確認或申訴」只能是 ACKNOWLEDGE 或 DISPUTE,而不是「" + response + "」/ response must be "
          + RESPONSE_ACKNOWLEDGE + " or " + RESPONSE_DISPUTE);
    }
    if (reason == null || reason.length() < REASON_MIN) {
      throw InvalidInput.inForm(Var.RESPONSE_REASON, "申訴時請寫明理由(至少 " + REASON_MIN + " 字)/ a dispute needs a reason of at least "
          + REASON_MIN + " characters");
    }
    String second = Variables.requiredText(execution, Var.SECOND_EVALUATOR_ID, "第二測評人", 64,
        m -> InvalidInput.inForm(Var.SECOND_EVALUATOR_ID, m));
    String first = (String) execution.getVariable(Var.EVALUATOR_ID);
    if (second.equals(first)) {
      throw InvalidInput.inForm(Var.SECOND_EVALUATOR_ID, "第二測評人不能是原測評人 " + first
          + " / the second evaluator must not be the first");
    }
    if (second.equals(execution.getVariable(Var.EVALUATEE_ID)) || !parties.isEvaluator(second)) {
      throw InvalidInput.inForm(Var.SECOND_EVALUATOR_ID, "「" + second + "」不是績效測評人 / " + second
          + " is not a performance evaluator");
    }
    execution.setVariable(Var.SECOND_REVIEW_DUE, calendar.endOfWorkingDaysFromToday(SECOND_REVIEW_WORKING_DAYS));
  }
}

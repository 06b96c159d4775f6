package com.tobacco.cmw.salesreport;

import static com.tobacco.cmw.salesreport.MonthlySalesReportProcess.DECISION_APPROVE;
import static com.tobacco.cmw.salesreport.MonthlySalesReportProcess.DECISION_RETURN;
import static com.tobacco.cmw.salesreport.MonthlySalesReportProcess.Var;

import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.process.Variables;
import com.tobacco.cmw.security.CurrentUser;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Checks and records the regional manager's review (§4.5) in their transaction: approve, or
 * return with a comment (required). A returned report goes back to the manager with the
 * comment shown and the sections as submitted (read from the record, not from variables the
 * reviewer could have changed).
 */
@Component("recordReportReview")
public class RecordReportReviewDelegate implements JavaDelegate {

  static final int MIN_RETURN_COMMENT = 5;

  private final MonthlyReportRepository reports;
  private final CurrentUser currentUser;

  public RecordReportReviewDelegate(MonthlyReportRepository reports, CurrentUser currentUser) {
    this.reports = reports;
    this.currentUser = currentUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Function<String, RuntimeException> error = m -> InvalidInput.inForm(Var.REVIEW_DECISION, m);
    Object decisionValue = execution.getVariable(Var.REVIEW_DECISION);
    String decision = decisionValue == null ? "" : decisionValue.toString().strip();
    if (!DECISION_APPROVE.equals(decision) && !DECISION_RETURN.equals(decision)) {
      throw error.apply("請選擇「審閱結果」:同意或退回修改 / reviewDecision must be APPROVE or RETURN");
    }
    String comment = Variables.optionalText(execution, Var.REVIEW_COMMENT, "審閱意見", 2000,
        m -> InvalidInput.inForm(Var.REVIEW_COMMENT, m));
    if (DECISION_RETURN.equals(decision) && (comment == null || comment.codePointCount(0, comment.length()) < MIN_RETURN_COMMENT)) {
      throw InvalidInput.inForm(Var.REVIEW_COMMENT, "退回修改須填寫「審閱意見」,至少 " + MIN_RETURN_COMMENT
          + " 字 / a returned report needs a comment");
    }
    MonthlyReportRepository.Report report = reports.ofProcessInstance(execution.getProcessInstanceId());
    reports.addReview(report.reportKey(), currentUser.userId().orElse("system"), decision, comment);
    execution.setVariable(Var.REVIEW_DECISION, decision);
    if (DECISION_RETURN.equals(decision)) {
      execution.setVariable(Var.LAST_REVIEW_COMMENT, comment);
      DraftMonthlyReportDelegate.setSections(execution, report.sections());
    }
  }
}

package com.tobacco.cmw.unlicensed;

import static com.tobacco.cmw.unlicensed.UnlicensedSellerReportProcess.Var;

import com.tobacco.cmw.process.Variables;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The regional manager's decision (§4.7 由區域市場經理向專賣部門反映), checked and recorded in the
 * decider's transaction: forward to the monopoly department with its deadline, or close as a
 * duplicate of an open report of the same region (not this one). A bad decision keeps the task open.
 * The decision and the original's case number are written back as checked (stripped, upper case), so
 * the gateway's exact comparison always finds its path.
 */
@Component("recordUnlicensedReview")
public class RecordReviewDelegate implements JavaDelegate {

  private final UnlicensedReportRepository reports;
  private final UnlicensedParties parties;

  public RecordReviewDelegate(UnlicensedReportRepository reports, UnlicensedParties parties) {
    this.reports = reports;
    this.parties = parties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UnlicensedReportRepository.Report report = reports.ofProcessInstance(execution.getProcessInstanceId());
    Function<String, RuntimeException> error = UnlicensedParties.inForm(Var.REVIEW_DECISION);
    String decision = Variables.requiredText(execution, Var.REVIEW_DECISION, "處理意見", 20, error)
        .toUpperCase(Locale.ROOT);
    String comment = Variables.optionalText(execution, Var.REVIEW_COMMENT, "說明", 1000,
        UnlicensedParties.inForm(Var.REVIEW_COMMENT));
    Instant now = parties.now();
    // the gateway compares the exact text: " FORWARD " over /engine-rest must not leave it without a path
    execution.setVariable(Var.REVIEW_DECISION, decision);
    switch (decision) {
      case UnlicensedSellerReportProcess.FORWARD -> {
        Instant due = parties.investigationDue();
        reports.forward(report.caseNo(), parties.actor(), now, comment, due);
        execution.setVariable(Var.INVESTIGATION_DUE, Date.from(due));
        execution.setVariable(Var.DUE_TEXT, parties.dayTime(due) + " 前");
        execution.removeVariable(Var.DUPLICATE_OF);
      }
      case UnlicensedSellerReportProcess.DUPLICATE -> {
        Function<String, RuntimeException> dupError = UnlicensedParties.inForm(Var.DUPLICATE_OF);
        String original = Variables.requiredText(execution, Var.DUPLICATE_OF, "重複舉報的原案件編號", 20, dupError)
            .toUpperCase(Locale.ROOT);
        execution.setVariable(Var.DUPLICATE_OF, original);
        if (original.equals(report.caseNo())) {
          throw dupError.apply("舉報不能與自己併案 / a report cannot be a duplicate of itself");
        }
        UnlicensedReportRepository.Report first = reports.find(original)
            .filter(r -> r.regionCode().equals(report.regionCode()))
            .orElseThrow(() -> dupError.apply("案件 " + original + " 不是本區域的舉報 / " + original
                + " is not a report of this region"));
        if (!first.status().open()) {
          throw dupError.apply("案件 " + original + " 已" + first.status().label() + ",不能作為併案的原案件 / "
              + original + " is not open");
        }
        if (!reports.closeAsDuplicate(report.caseNo(), original, parties.actor(), now, comment)) {
          throw dupError.apply("案件 " + original + " 剛剛已被處理(已辦結或併入其他案件),不能作為併案的原案件,請重新選擇 / "
              + original + " was decided meanwhile and is not open any more");
        }
      }
      default -> throw error.apply("處理意見只能是「轉交專賣部門」(FORWARD)或「重複舉報」(DUPLICATE):「" + decision
          + "」/ reviewDecision must be FORWARD or DUPLICATE");
    }
  }
}

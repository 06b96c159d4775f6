package com.tobacco.cmw.complaint;

import static com.tobacco.cmw.complaint.QualityComplaintProcess.APPROVED;
import static com.tobacco.cmw.complaint.QualityComplaintProcess.MORE_INFO;
import static com.tobacco.cmw.complaint.QualityComplaintProcess.REJECTED;
import static com.tobacco.cmw.complaint.QualityComplaintProcess.Var;

import com.tobacco.cmw.process.Variables;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The regional manager's review of form and goods (§4.6.2–§4.6.3): approve a replacement of at
 * most the reported quantity, reject with a reason, or ask the customer manager for more
 * information. Checked and recorded in the reviewer's transaction.
 */
@Component("recordReview")
public class RecordReviewDelegate implements JavaDelegate {

  private final ComplaintCaseRepository cases;
  private final ComplaintParties parties;
  private final ComplaintDeadlines deadlines;

  public RecordReviewDelegate(ComplaintCaseRepository cases, ComplaintParties parties, ComplaintDeadlines deadlines) {
    this.cases = cases;
    this.parties = parties;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ComplaintCaseRepository.ComplaintCase c = cases.ofProcessInstance(execution.getProcessInstanceId());
    String decision = Variables.requiredText(execution, Var.REVIEW_DECISION, "審核結果", 12,
        ComplaintParties.inForm(Var.REVIEW_DECISION)).toUpperCase(Locale.ROOT);
    if (!decision.equals(APPROVED) && !decision.equals(REJECTED) && !decision.equals(MORE_INFO)) {
      throw ComplaintParties.inForm(Var.REVIEW_DECISION).apply("審核結果只能是同意調換、不同意或補充資料:「" + decision
          + "」/ reviewDecision must be APPROVED, REJECTED or MORE_INFO");
    }
    Integer approved = null;
    String comment;
    if (decision.equals(APPROVED)) {
      approved = ComplaintParties.quantity(execution, Var.APPROVED_QUANTITY, "同意調換數量", c.quantity(),
          message -> ComplaintParties.inForm(Var.APPROVED_QUANTITY).apply(message.contains("不能超過")
              ? "同意調換數量不能超過客戶反映的數量 " + c.quantity() + " " + ComplaintParties.unitName(c.quantityUnit())
                + " / the approved quantity must not exceed the reported " + c.quantity()
              : message));
      comment = Variables.optionalText(execution, Var.REVIEW_COMMENT, "審核意見", 2000,
          ComplaintParties.inForm(Var.REVIEW_COMMENT));
    } else {
      comment = Variables.requiredText(execution, Var.REVIEW_COMMENT,
          decision.equals(REJECTED) ? "不同意的理由" : "需補充的資料", 2000, ComplaintParties.inForm(Var.REVIEW_COMMENT));
    }
    cases.recordReview(c.caseNo(), Instant.now(), parties.actor(), decision, approved, comment);
    switch (decision) {
      case APPROVED -> {
        Date due = deadlines.replacementDue();
        cases.moveTo(c.caseNo(), ComplaintStep.REPLACEMENT, due.toInstant());
        execution.setVariable(Var.REPLACEMENT_DUE, due);
      }
      case MORE_INFO -> cases.moveTo(c.caseNo(), ComplaintStep.MORE_INFO, null);
      default -> cases.moveTo(c.caseNo(), ComplaintStep.FEEDBACK_TO_CUSTOMER, null);
    }
    execution.setVariable(Var.REVIEW_DECISION, decision);
    execution.setVariable(Var.APPROVED_QUANTITY, approved);
  }
}

package com.tobacco.cmw.complaint;

import static com.tobacco.cmw.complaint.QualityComplaintProcess.Var;

import com.tobacco.cmw.process.Variables;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * §4.6.2: the 《商品及服務質量信息反饋單》 filled in truthfully and signed by the customer (name and
 * confirmation required); then the form and the goods go to the regional manager, due within the
 * review deadline.
 */
@Component("recordFeedbackForm")
public class RecordFeedbackFormDelegate implements JavaDelegate {

  private final ComplaintCaseRepository cases;
  private final ComplaintParties parties;
  private final ComplaintDeadlines deadlines;

  public RecordFeedbackFormDelegate(ComplaintCaseRepository cases, ComplaintParties parties, ComplaintDeadlines deadlines) {
    this.cases = cases;
    this.parties = parties;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ComplaintCaseRepository.ComplaintCase c = cases.ofProcessInstance(execution.getProcessInstanceId());
    String signer = Variables.requiredText(execution, Var.SIGNER_NAME, "客戶簽字(姓名)", 100,
        ComplaintParties.inForm(Var.SIGNER_NAME));
    if (!Variables.flag(execution, Var.CUSTOMER_SIGNED, "客戶已簽字確認", ComplaintParties.inForm(Var.CUSTOMER_SIGNED))) {
      throw ComplaintParties.inForm(Var.CUSTOMER_SIGNED).apply("反饋單須由客戶簽字確認後才能提交 / the customer must sign the feedback form");
    }
    cases.recordFeedbackForm(c.caseNo(), Instant.now(), parties.actor(), signer);
    Date reviewDue = deadlines.reviewDue();
    cases.moveTo(c.caseNo(), ComplaintStep.REVIEW, reviewDue.toInstant());
    execution.setVariable(Var.REVIEW_DUE, reviewDue);
  }
}

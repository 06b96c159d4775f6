package com.tobacco.cmw.complaint;

import static com.tobacco.cmw.complaint.QualityComplaintProcess.Var;

import com.tobacco.cmw.process.Variables;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** §4.6.5: the result of the regional manager's decision told to the customer. */
@Component("recordFeedbackToCustomer")
public class RecordFeedbackToCustomerDelegate implements JavaDelegate {

  private final ComplaintCaseRepository cases;
  private final ComplaintParties parties;

  public RecordFeedbackToCustomerDelegate(ComplaintCaseRepository cases, ComplaintParties parties) {
    this.cases = cases;
    this.parties = parties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ComplaintCaseRepository.ComplaintCase c = cases.ofProcessInstance(execution.getProcessInstanceId());
    String note = Variables.requiredText(execution, Var.FEEDBACK_NOTE, "反饋內容", 2000,
        ComplaintParties.inForm(Var.FEEDBACK_NOTE));
    cases.recordFeedbackToCustomer(c.caseNo(), Instant.now(), parties.actor(), note);
    if (c.suspectedCounterfeit() && c.monopolyAt() == null) {
      cases.moveTo(c.caseNo(), ComplaintStep.COUNTERFEIT_REFERRAL, null);
    }
  }
}

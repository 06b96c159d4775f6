package com.tobacco.cmw.complaint;

import static com.tobacco.cmw.complaint.QualityComplaintProcess.Var;

import com.tobacco.cmw.process.Variables;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A customer-service manager has noticed an escalation: who, when and what they will do, on the
 * case's oldest escalation not yet noticed (the notice tasks of one case are interchangeable).
 */
@Component("recordEscalationNotice")
public class RecordEscalationNoticeDelegate implements JavaDelegate {

  private final ComplaintCaseRepository cases;
  private final ComplaintParties parties;

  public RecordEscalationNoticeDelegate(ComplaintCaseRepository cases, ComplaintParties parties) {
    this.cases = cases;
    this.parties = parties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ComplaintCaseRepository.ComplaintCase c = cases.ofProcessInstance(execution.getProcessInstanceId());
    String comment = Variables.requiredText(execution, Var.NOTICE_COMMENT, "督辦意見", 2000,
        ComplaintParties.inForm(Var.NOTICE_COMMENT));
    cases.notice(c.caseNo(), Instant.now(), parties.actor(), comment);
  }
}

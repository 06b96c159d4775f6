package com.tobacco.cmw.complaint;

import static com.tobacco.cmw.complaint.QualityComplaintProcess.Var;

import com.tobacco.cmw.process.Variables;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The customer manager's answer to the regional manager's question; the case goes back to review,
 * which starts without the previous decision and question.
 */
@Component("recordMoreInformation")
public class RecordMoreInformationDelegate implements JavaDelegate {

  private final ComplaintCaseRepository cases;
  private final ComplaintParties parties;
  private final ComplaintDeadlines deadlines;

  public RecordMoreInformationDelegate(ComplaintCaseRepository cases, ComplaintParties parties,
                                       ComplaintDeadlines deadlines) {
    this.cases = cases;
    this.parties = parties;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ComplaintCaseRepository.ComplaintCase c = cases.ofProcessInstance(execution.getProcessInstanceId());
    String info = Variables.requiredText(execution, Var.MORE_INFORMATION, "補充資料", 2000,
        ComplaintParties.inForm(Var.MORE_INFORMATION));
    cases.recordMoreInformation(c.caseNo(), Instant.now(), parties.actor(), info);
    Date reviewDue = deadlines.reviewDue();
    cases.moveTo(c.caseNo(), ComplaintStep.REVIEW, reviewDue.toInstant());
    execution.setVariable(Var.REVIEW_DUE, reviewDue);
    // the next review starts blank: the old decision and question (kept on the case) are neither
    // offered again by the form nor taken as the comment of a decision that gives none
    execution.removeVariable(Var.REVIEW_DECISION);
    execution.removeVariable(Var.REVIEW_COMMENT);
  }
}

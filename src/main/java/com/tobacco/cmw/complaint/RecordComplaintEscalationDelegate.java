package com.tobacco.cmw.complaint;

import static com.tobacco.cmw.complaint.QualityComplaintProcess.Element;

import com.tobacco.cmw.security.Roles;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A deadline breached (inspection, review, replacement or the whole case): recorded in
 * {@code cm_complaint_escalation} for the customer-service managers, with the deadline that
 * passed (read from the case). Runs as its own job after the timer.
 */
@Component("recordComplaintEscalation")
public class RecordComplaintEscalationDelegate implements JavaDelegate {

  static final Map<String, String> STEP_OF_ACTIVITY = Map.of(
      Element.RECORD_INSPECTION_ESCALATION, "INSPECTION",
      Element.RECORD_REVIEW_ESCALATION, "REVIEW",
      Element.RECORD_REPLACEMENT_ESCALATION, "REPLACEMENT",
      Element.RECORD_CASE_ESCALATION, "CASE");

  private final ComplaintCaseRepository cases;

  public RecordComplaintEscalationDelegate(ComplaintCaseRepository cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String step = STEP_OF_ACTIVITY.get(execution.getCurrentActivityId());
    if (step == null) {
      throw new IllegalStateException("no complaint deadline for activity " + execution.getCurrentActivityId());
    }
    ComplaintCaseRepository.ComplaintCase c = cases.ofProcessInstance(execution.getProcessInstanceId());
    Instant due = step.equals("CASE") || c.stepDueAt() == null ? c.caseDueAt() : c.stepDueAt();
    cases.addEscalation(c.caseNo(), step, due, Instant.now(), Roles.CUSTOMER_SERVICE_MANAGERS);
  }
}

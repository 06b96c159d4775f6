package com.tobacco.cmw.complaint;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Closes the case once the customer has the result (and the monopoly department its finding,
 * for a suspected counterfeit): REPLACED if goods were replaced, else REJECTED.
 */
@Component("closeComplaintCase")
public class CloseComplaintCaseDelegate implements JavaDelegate {

  private final ComplaintCaseRepository cases;

  public CloseComplaintCaseDelegate(ComplaintCaseRepository cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ComplaintCaseRepository.ComplaintCase c = cases.ofProcessInstance(execution.getProcessInstanceId());
    if (c.closedAt() == null) {
      cases.close(c.caseNo(), Instant.now(), c.replacedAt() != null ? "REPLACED" : "REJECTED");
    }
  }
}

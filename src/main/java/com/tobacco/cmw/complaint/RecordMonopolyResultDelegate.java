package com.tobacco.cmw.complaint;

import static com.tobacco.cmw.complaint.QualityComplaintProcess.Var;

import com.tobacco.cmw.process.Variables;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** What the monopoly department found about a suspected counterfeit, recorded on the case. */
@Component("recordMonopolyResult")
public class RecordMonopolyResultDelegate implements JavaDelegate {

  private final ComplaintCaseRepository cases;
  private final ComplaintParties parties;

  public RecordMonopolyResultDelegate(ComplaintCaseRepository cases, ComplaintParties parties) {
    this.cases = cases;
    this.parties = parties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ComplaintCaseRepository.ComplaintCase c = cases.ofProcessInstance(execution.getProcessInstanceId());
    String result = Variables.requiredText(execution, Var.MONOPOLY_RESULT, "查處結果", 2000,
        ComplaintParties.inForm(Var.MONOPOLY_RESULT));
    cases.recordMonopolyResult(c.caseNo(), Instant.now(), parties.actor(), result);
  }
}

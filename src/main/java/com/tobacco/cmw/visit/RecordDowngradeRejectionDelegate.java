package com.tobacco.cmw.visit;

import static com.tobacco.cmw.visit.CustomerVisitProcess.Var;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The regional manager did not approve the downgrade: the decision and its reason are recorded. */
@Component("recordDowngradeRejection")
public class RecordDowngradeRejectionDelegate implements JavaDelegate {

  private final VisitRepository visits;

  public RecordDowngradeRejectionDelegate(VisitRepository visits) {
    this.visits = visits;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long visitId = ((Number) execution.getVariable(Var.VISIT_ID)).longValue();
    visits.decideDowngrade(visitId, false, (String) execution.getVariable(CheckDowngradeDecisionDelegate.DECIDED_BY),
        (String) execution.getVariable(Var.DECISION_COMMENT), Instant.now());
  }
}

package com.tobacco.cmw.visit;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A visit not done one working day after its due day: marked escalated on the visit record. */
@Component("recordVisitEscalation")
public class RecordVisitEscalationDelegate implements JavaDelegate {

  private final VisitRepository visits;

  public RecordVisitEscalationDelegate(VisitRepository visits) {
    this.visits = visits;
  }

  @Override
  public void execute(DelegateExecution execution) {
    visits.markEscalated(visits.ofProcessInstance(execution.getProcessInstanceId()).id(), Instant.now());
  }
}

package com.tobacco.cmw.visit;

import static com.tobacco.cmw.visit.CustomerVisitProcess.Var;

import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.process.Variables;
import com.tobacco.cmw.security.CurrentUser;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Checks and records the regional manager's note on an overdue visit, with who wrote it and when. */
@Component("recordOverdueFollowUp")
public class RecordOverdueFollowUpDelegate implements JavaDelegate {

  private final VisitRepository visits;
  private final CurrentUser currentUser;

  public RecordOverdueFollowUpDelegate(VisitRepository visits, CurrentUser currentUser) {
    this.visits = visits;
    this.currentUser = currentUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String note = Variables.requiredText(execution, Var.FOLLOW_UP_NOTE, "督辦意見", 1000,
        m -> InvalidInput.inForm(Var.FOLLOW_UP_NOTE, m));
    visits.recordFollowUp(visits.ofProcessInstance(execution.getProcessInstanceId()).id(), note,
        currentUser.userId().orElse("system"), Instant.now());
  }
}

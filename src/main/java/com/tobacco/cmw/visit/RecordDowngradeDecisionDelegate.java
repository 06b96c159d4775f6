package com.tobacco.cmw.visit;

import static com.tobacco.cmw.visit.CustomerVisitProcess.DECISION_APPROVE;
import static com.tobacco.cmw.visit.CustomerVisitProcess.DECISION_REJECT;
import static com.tobacco.cmw.visit.CustomerVisitProcess.Var;

import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.process.Variables;
import com.tobacco.cmw.security.CurrentUser;
import java.time.Instant;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Checks the regional manager's downgrade decision and records it on the downgrade request with
 * the deciding user, in that user's transaction (§4.1.3 f). The grade itself changes in the next,
 * asynchronous step, from this record.
 */
@Component("recordDowngradeDecision")
public class RecordDowngradeDecisionDelegate implements JavaDelegate {

  private final VisitRepository visits;
  private final CurrentUser currentUser;

  public RecordDowngradeDecisionDelegate(VisitRepository visits, CurrentUser currentUser) {
    this.visits = visits;
    this.currentUser = currentUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Function<String, RuntimeException> error = m -> InvalidInput.inForm(Var.DOWNGRADE_DECISION, m);
    Object decision = execution.getVariable(Var.DOWNGRADE_DECISION);
    if (!DECISION_APPROVE.equals(decision) && !DECISION_REJECT.equals(decision)) {
      throw error.apply("請選擇「同意降級」或「不同意降級」/ downgradeDecision must be APPROVE or REJECT");
    }
    String comment = Variables.requiredText(execution, Var.DECISION_COMMENT, "審批意見", 1000, error);
    long visitId = visits.ofProcessInstance(execution.getProcessInstanceId()).id();
    visits.decideDowngrade(visitId, DECISION_APPROVE.equals(decision), currentUser.userId().orElse("system"), comment,
        Instant.now());
  }
}

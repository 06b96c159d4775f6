package com.tobacco.cmw.visit;

import static com.tobacco.cmw.visit.CustomerVisitProcess.DECISION_APPROVE;
import static com.tobacco.cmw.visit.CustomerVisitProcess.DECISION_REJECT;
import static com.tobacco.cmw.visit.CustomerVisitProcess.Var;

import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.process.Variables;
import com.tobacco.cmw.security.CurrentUser;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Checks the regional manager's downgrade decision and remembers who made it. */
@Component("checkDowngradeDecision")
public class CheckDowngradeDecisionDelegate implements JavaDelegate {

  static final String DECIDED_BY = "downgradeDecidedBy";

  private final CurrentUser currentUser;

  public CheckDowngradeDecisionDelegate(CurrentUser currentUser) {
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
    execution.setVariable(Var.DECISION_COMMENT, comment);
    execution.setVariable(DECIDED_BY, currentUser.userId().orElse("system"));
  }
}

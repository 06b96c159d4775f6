package com.tobacco.cmw.exit;

import static com.tobacco.cmw.exit.NetworkExitProcess.APPROVED;
import static com.tobacco.cmw.exit.NetworkExitProcess.REJECTED;
import static com.tobacco.cmw.exit.NetworkExitProcess.RETURNED;
import static com.tobacco.cmw.exit.NetworkExitProcess.Var;

import com.tobacco.cmw.process.Variables;
import java.time.Instant;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The regional manager's decision: approve, reject with a reason (the customer stays as it is),
 * or return to verification with a reason. A regional manager may approve an exit they applied
 * for themselves (decision 84). Checked and recorded in the approver's transaction.
 */
@Component("recordExitDecision")
public class RecordExitDecisionDelegate implements JavaDelegate {

  static final String OWN_APPLICATION = "區域市場經理本人申請,核實後批准 / applied for by the regional manager, approved "
      + "after the verification";

  private final NetworkExitRepository exits;
  private final ExitParties parties;

  public RecordExitDecisionDelegate(NetworkExitRepository exits, ExitParties parties) {
    this.exits = exits;
    this.parties = parties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    NetworkExitRepository.NetworkExit e = exits.ofProcessInstance(execution.getProcessInstanceId());
    String decision = Variables.requiredText(execution, Var.DECISION, "審批結果", 12, ExitParties.inForm(Var.DECISION))
        .toUpperCase(Locale.ROOT);
    if (!decision.equals(APPROVED) && !decision.equals(REJECTED) && !decision.equals(RETURNED)) {
      throw ExitParties.inForm(Var.DECISION).apply("審批結果只能是同意退網、不同意或退回核實:「" + decision
          + "」/ exitDecision must be APPROVED, REJECTED or RETURNED");
    }
    String actor = parties.actor();
    String reason = decision.equals(APPROVED)
        ? Variables.optionalText(execution, Var.DECISION_REASON, "審批意見", 2000, ExitParties.inForm(Var.DECISION_REASON))
        : Variables.requiredText(execution, Var.DECISION_REASON, decision.equals(REJECTED) ? "不同意的理由" : "退回的理由",
            2000, ExitParties.inForm(Var.DECISION_REASON));
    // a regional manager may approve an exit they applied for (only the region's regional managers are candidates,
    // and a region may have one): the approval still follows the customer manager's verification of what is open
    if (decision.equals(APPROVED) && actor.equals(e.requestedBy()) && reason == null) {
      reason = OWN_APPLICATION;
    }
    exits.recordDecision(e.id(), decision, actor, Instant.now(), reason);
    execution.setVariable(Var.DECISION, decision);
    execution.setVariable(Var.DECISION_REASON, reason);
  }
}

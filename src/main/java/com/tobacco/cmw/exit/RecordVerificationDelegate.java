package com.tobacco.cmw.exit;

import static com.tobacco.cmw.exit.NetworkExitProcess.Var;

import com.tobacco.cmw.process.Variables;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The customer manager's verification: confirms that every outstanding item is settled or
 * explained; notes are required when the system knows of something outstanding. Checked and
 * recorded in the manager's transaction.
 */
@Component("recordExitVerification")
public class RecordVerificationDelegate implements JavaDelegate {

  private final NetworkExitRepository exits;
  private final ExitParties parties;

  public RecordVerificationDelegate(NetworkExitRepository exits, ExitParties parties) {
    this.exits = exits;
    this.parties = parties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    NetworkExitRepository.NetworkExit e = exits.ofProcessInstance(execution.getProcessInstanceId());
    if (!Variables.flag(execution, Var.ALL_SETTLED, "已核實未了結事項", ExitParties.inForm(Var.ALL_SETTLED))) {
      throw ExitParties.inForm(Var.ALL_SETTLED).apply("請確認上述事項均已了結或已在說明中交代 / confirm that every "
          + "outstanding item is settled or explained");
    }
    Object count = execution.getVariable(Var.OUTSTANDING_COUNT);
    boolean somethingOpen = count instanceof Number n && n.intValue() > 0;
    String notes = somethingOpen
        ? Variables.requiredText(execution, Var.VERIFICATION_NOTES, "核實說明(有未了結事項時必填)", 2000,
            ExitParties.inForm(Var.VERIFICATION_NOTES))
        : Variables.optionalText(execution, Var.VERIFICATION_NOTES, "核實說明", 2000, ExitParties.inForm(Var.VERIFICATION_NOTES));
    exits.recordVerification(e.id(), parties.actor(), Instant.now(), notes);
    execution.setVariable(Var.VERIFICATION_NOTES, notes);
  }
}

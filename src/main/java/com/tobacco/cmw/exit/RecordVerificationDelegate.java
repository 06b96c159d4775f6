package com.tobacco.cmw.exit;

import static com.tobacco.cmw.exit.NetworkExitProcess.Var;

import com.tobacco.cmw.process.Variables;
import java.time.Instant;
import java.util.List;
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
  private final ExitOutstanding outstanding;

  public RecordVerificationDelegate(NetworkExitRepository exits, ExitParties parties, ExitOutstanding outstanding) {
    this.exits = exits;
    this.parties = parties;
    this.outstanding = outstanding;
  }

  @Override
  public void execute(DelegateExecution execution) {
    NetworkExitRepository.NetworkExit e = exits.ofProcessInstance(execution.getProcessInstanceId());
    if (!Variables.flag(execution, Var.ALL_SETTLED, "已核實未了結事項", ExitParties.inForm(Var.ALL_SETTLED))) {
      throw ExitParties.inForm(Var.ALL_SETTLED).apply("請確認上述事項均已了結或已在說明中交代 / confirm that every "
          + "outstanding item is settled or explained");
    }
    // counted again, never read from the variable outstandingCount: the manager could send 0 through the engine
    // REST; what the form showed (the stored snapshot) counts as well as what is open now
    String nothing = ExitOutstanding.text(List.of());
    boolean somethingOpen = !outstanding.of(e.customerCode(), execution.getProcessInstanceId()).isEmpty()
        || (e.outstandingSnapshot() != null && !e.outstandingSnapshot().equals(nothing));
    String notes = somethingOpen
        ? Variables.requiredText(execution, Var.VERIFICATION_NOTES, "核實說明(有未了結事項時必填)", 2000,
            ExitParties.inForm(Var.VERIFICATION_NOTES))
        : Variables.optionalText(execution, Var.VERIFICATION_NOTES, "核實說明", 2000, ExitParties.inForm(Var.VERIFICATION_NOTES));
    exits.recordVerification(e.id(), parties.actor(), Instant.now(), notes);
    execution.setVariable(Var.VERIFICATION_NOTES, notes);
  }
}

package com.tobacco.cmw.exit;

import static com.tobacco.cmw.exit.NetworkExitProcess.Var;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * When the verification task opens (first time or returned by the approver): reads what is
 * outstanding for the customer now, stores it with the application and shows it in the form.
 */
@Component("exitVerificationListener")
public class ExitVerificationListener implements TaskListener {

  private final NetworkExitRepository exits;
  private final ExitOutstanding outstanding;

  public ExitVerificationListener(NetworkExitRepository exits, ExitOutstanding outstanding) {
    this.exits = exits;
    this.outstanding = outstanding;
  }

  @Override
  public void notify(DelegateTask task) {
    NetworkExitRepository.NetworkExit e = exits.ofProcessInstance(task.getProcessInstanceId());
    List<OutstandingWork.Item> items = outstanding.of(e.customerCode(), task.getProcessInstanceId());
    String text = ExitOutstanding.text(items);
    exits.recordOutstanding(e.id(), text);
    task.getExecution().setVariable(Var.OUTSTANDING_TEXT, text);
    task.getExecution().setVariable(Var.OUTSTANDING_COUNT, items.size());
  }
}

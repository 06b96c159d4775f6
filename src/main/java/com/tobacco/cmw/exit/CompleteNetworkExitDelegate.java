package com.tobacco.cmw.exit;

import static com.tobacco.cmw.exit.NetworkExitProcess.Var;

import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Applies an approved exit ({@link CustomerExit}) in its own job after the approval (retried,
 * an incident when it keeps failing); tells the gateway whether confirmed schedules lost visits
 * and what to list for the regional managers.
 */
@Component("completeNetworkExit")
public class CompleteNetworkExitDelegate implements JavaDelegate {

  private final NetworkExitRepository exits;
  private final CustomerExit customerExit;
  private final ExitParties parties;

  public CompleteNetworkExitDelegate(NetworkExitRepository exits, CustomerExit customerExit, ExitParties parties) {
    this.exits = exits;
    this.customerExit = customerExit;
    this.parties = parties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    NetworkExitRepository.NetworkExit exit = exits.ofProcessInstance(execution.getProcessInstanceId());
    CustomerExit.Result result = customerExit.apply(exit, execution.getProcessBusinessKey(), parties.today());
    boolean changed = !result.confirmedScheduleChanges().isEmpty();
    execution.setVariable(Var.SCHEDULE_CHANGED, changed);
    execution.setVariable(Var.SCHEDULE_CHANGE_TEXT, changed
        ? "因客戶 " + exit.customerCode() + " 退網,已確認日程中的以下訪問已取消(不重新排程):\n\n"
          + result.confirmedScheduleChanges().stream()
              .map(c -> "- " + c.scheduleKey() + " 訪問日 " + (c.visitDate() == null ? "未排" : c.visitDate()))
              .collect(Collectors.joining("\n"))
        : null);
  }
}

package com.tobacco.cmw.exit;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The regional manager has taken note of the visits an exit cancelled in confirmed schedules. */
@Component("exitScheduleChangeNoted")
public class ScheduleChangeNotedListener implements TaskListener {

  private final NetworkExitRepository exits;
  private final ExitParties parties;

  public ScheduleChangeNotedListener(NetworkExitRepository exits, ExitParties parties) {
    this.exits = exits;
    this.parties = parties;
  }

  @Override
  public void notify(DelegateTask task) {
    exits.noteScheduleChanges(exits.ofProcessInstance(task.getProcessInstanceId()).id(), parties.actor(), Instant.now());
  }
}

package com.tobacco.cmw.planning;

import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.security.CurrentUser;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records on the schedule which regional manager took note of the automatic confirmation, and when. */
@Component("recordScheduleAcknowledgement")
public class RecordAcknowledgementDelegate implements JavaDelegate {

  private final VisitScheduleRepository schedules;
  private final CurrentUser currentUser;

  public RecordAcknowledgementDelegate(VisitScheduleRepository schedules, CurrentUser currentUser) {
    this.schedules = schedules;
    this.currentUser = currentUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object acknowledged = execution.getVariable("acknowledged");
    if (!Boolean.TRUE.equals(acknowledged) && !"true".equals(String.valueOf(acknowledged))) {
      throw InvalidInput.inForm("acknowledged", "請勾選「已知悉」/ acknowledged must be checked");
    }
    VisitScheduleRepository.Schedule schedule = schedules.ofProcessInstance(execution.getProcessInstanceId());
    schedules.acknowledge(schedule.id(), currentUser.userId().orElse("unknown"), Instant.now());
  }
}

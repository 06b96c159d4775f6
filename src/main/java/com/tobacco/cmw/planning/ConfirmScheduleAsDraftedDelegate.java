package com.tobacco.cmw.planning;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Not confirmed in time: the draft is confirmed as it is (AUTO_CONFIRMED, by "system"), and the
 * schedule records when the regional manager was told.
 */
@Component("confirmScheduleAsDrafted")
public class ConfirmScheduleAsDraftedDelegate implements JavaDelegate {

  static final String SYSTEM = "system";

  private final VisitScheduleRepository schedules;

  public ConfirmScheduleAsDraftedDelegate(VisitScheduleRepository schedules) {
    this.schedules = schedules;
  }

  @Override
  public void execute(DelegateExecution execution) {
    VisitScheduleRepository.Schedule schedule = schedules.ofProcessInstance(execution.getProcessInstanceId());
    schedules.confirm(schedule.id(), VisitScheduleRepository.Status.AUTO_CONFIRMED, SYSTEM, Instant.now());
  }
}

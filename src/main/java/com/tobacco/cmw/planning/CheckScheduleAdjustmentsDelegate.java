package com.tobacco.cmw.planning;

import static com.tobacco.cmw.planning.WeeklyVisitPlanningProcess.Var;

import com.tobacco.cmw.calendar.WorkCalendar;
import com.tobacco.cmw.security.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Checks the manager's adjustments in the completing user's transaction: bad input is refused
 * with a clear message, the task stays open and nothing is written. Records who confirmed.
 */
@Component("checkScheduleAdjustments")
public class CheckScheduleAdjustmentsDelegate implements JavaDelegate {

  private final VisitScheduleRepository schedules;
  private final ScheduleAdjustments adjustments;
  private final WorkCalendar calendar;
  private final CurrentUser currentUser;

  public CheckScheduleAdjustmentsDelegate(VisitScheduleRepository schedules, ScheduleAdjustments adjustments,
                                          WorkCalendar calendar, CurrentUser currentUser) {
    this.schedules = schedules;
    this.adjustments = adjustments;
    this.calendar = calendar;
    this.currentUser = currentUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    VisitScheduleRepository.Schedule schedule = schedules.ofProcessInstance(execution.getProcessInstanceId());
    adjustments.read(execution, schedule, schedules.items(schedule.id()), calendar.today());
    execution.setVariable(Var.CONFIRMED_BY, currentUser.userId().orElse(schedule.managerId()));
  }
}

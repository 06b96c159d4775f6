package com.tobacco.cmw.planning;

import static com.tobacco.cmw.planning.WeeklyVisitPlanningProcess.Var;

import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Writes the checked adjustments (moved, removed with reason, added) and marks the schedule
 * CONFIRMED. A schedule no longer in DRAFT was written by an earlier try: nothing is done twice.
 */
@Component("applyScheduleAdjustments")
public class ApplyScheduleAdjustmentsDelegate implements JavaDelegate {

  private final VisitScheduleRepository schedules;
  private final ScheduleAdjustments adjustments;

  public ApplyScheduleAdjustmentsDelegate(VisitScheduleRepository schedules, ScheduleAdjustments adjustments) {
    this.schedules = schedules;
    this.adjustments = adjustments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    VisitScheduleRepository.Schedule schedule = schedules.ofProcessInstance(execution.getProcessInstanceId());
    if (schedule.status() != VisitScheduleRepository.Status.DRAFT) {
      return;
    }
    List<VisitScheduleRepository.Item> items = schedules.items(schedule.id());
    ScheduleAdjustments.Changes changes = adjustments.read(execution, schedule, items, null);
    changes.moves().forEach(m -> schedules.move(m.itemId(), m.day()));
    changes.removals().forEach(r -> schedules.remove(r.itemId(), r.reason()));
    int priority = items.stream().mapToInt(VisitScheduleRepository.Item::priority).max().orElse(0);
    for (ScheduleAdjustments.Addition a : changes.additions()) {
      schedules.add(schedule.id(), a.customerCode(), a.day(), ++priority);
    }
    Object by = execution.getVariable(Var.CONFIRMED_BY);
    schedules.confirm(schedule.id(), VisitScheduleRepository.Status.CONFIRMED,
        by == null ? schedule.managerId() : by.toString(), Instant.now());
  }
}

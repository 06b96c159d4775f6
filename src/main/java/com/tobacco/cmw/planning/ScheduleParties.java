package com.tobacco.cmw.planning;

import com.tobacco.cmw.calendar.WorkCalendar;
import com.tobacco.cmw.security.Roles;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What the BPMN asks about a schedule by expression, read from the schedule record (found by the
 * instance's business key, which a task's assignee cannot change), never from process variables:
 * {@code ${scheduleParties.confirmBy(execution)}}, {@code ${scheduleParties.regionalManagers(execution)}},
 * {@code ${scheduleParties.autoConfirmed(execution)}}.
 */
@Component("scheduleParties")
public class ScheduleParties {

  private final VisitScheduleRepository schedules;
  private final WorkCalendar calendar;
  private final PlanningSettings settings;

  public ScheduleParties(VisitScheduleRepository schedules, WorkCalendar calendar, PlanningSettings settings) {
    this.schedules = schedules;
    this.calendar = calendar;
    this.settings = settings;
  }

  /**
   * The confirmation deadline: {@code cmw.planning.confirm-by} (09:00) on the planned week's first
   * working day, normally its Monday; after a public holiday Monday the next working day.
   */
  public Date confirmBy(DelegateExecution execution) {
    return confirmBy(schedule(execution).weekStart());
  }

  public Date confirmBy(LocalDate weekStart) {
    LocalDate first = calendar.firstWorkingDayOnOrAfter(weekStart);
    return Date.from(first.atTime(settings.getConfirmBy()).atZone(calendar.zone()).toInstant());
  }

  /** The candidate group of the regional managers of the manager's region. */
  public String regionalManagers(DelegateExecution execution) {
    return Roles.regionalManagersOf(schedule(execution).regionCode());
  }

  /** Whether the schedule was confirmed as drafted because the manager did not confirm in time. */
  public boolean autoConfirmed(DelegateExecution execution) {
    return schedule(execution).status() == VisitScheduleRepository.Status.AUTO_CONFIRMED;
  }

  VisitScheduleRepository.Schedule schedule(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    return schedules.ofBusinessKey(key)
        .orElseThrow(() -> new IllegalStateException("no visit schedule with business key " + key));
  }
}

package com.tobacco.cmw.planning;

import static com.tobacco.cmw.planning.WeeklyVisitPlanningProcess.Var;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One manager's draft in the Friday run (one job per manager, so one failure does not stop the
 * others): drafts the week and starts the manager's instance; a week drafted before is skipped,
 * so a retried job never drafts twice.
 */
@Component("draftSchedule")
public class DraftScheduleDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(DraftScheduleDelegate.class);

  private final WeeklyPlanner planner;

  public DraftScheduleDelegate(WeeklyPlanner planner) {
    this.planner = planner;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String managerId = (String) execution.getVariable(Var.MANAGER_ID);
    LocalDate week = LocalDate.parse((String) execution.getVariable(Var.WEEK_START));
    if (planner.draftAndStart(managerId, week).isEmpty()) {
      log.info("Visit schedule of {} for {} was drafted before; left as it is", managerId, WeeklyPlanner.weekLabel(week));
    }
  }
}

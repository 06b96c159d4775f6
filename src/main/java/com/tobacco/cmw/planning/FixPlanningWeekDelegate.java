package com.tobacco.cmw.planning;

import static com.tobacco.cmw.planning.WeeklyVisitPlanningProcess.Var;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The week the Friday run plans: the Monday after today (company time zone) and its ISO week. */
@Component("fixPlanningWeek")
public class FixPlanningWeekDelegate implements JavaDelegate {

  private final WeeklyPlanner planner;

  public FixPlanningWeekDelegate(WeeklyPlanner planner) {
    this.planner = planner;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate monday = planner.nextWeekStart();
    execution.setVariable(Var.WEEK_START, monday.toString());
    execution.setVariable(Var.WEEK_LABEL, WeeklyPlanner.weekLabel(monday));
    execution.setProcessBusinessKey(WeeklyVisitPlanningProcess.BUSINESS_KEY_PREFIX + WeeklyPlanner.weekLabel(monday));
  }
}

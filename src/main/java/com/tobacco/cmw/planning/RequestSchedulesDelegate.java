package com.tobacco.cmw.planning;

import static com.tobacco.cmw.planning.WeeklyVisitPlanningProcess.Var;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The Friday run: one instance per active customer manager not yet drafted or started for the
 * week ({@link WeeklyPlanner#requestAll}); each drafts in its own job, so the managers are drafted
 * in parallel and a second run starts nothing twice.
 */
@Component("requestSchedules")
public class RequestSchedulesDelegate implements JavaDelegate {

  private final WeeklyPlanner planner;

  public RequestSchedulesDelegate(WeeklyPlanner planner) {
    this.planner = planner;
  }

  @Override
  public void execute(DelegateExecution execution) {
    planner.requestAll(LocalDate.parse((String) execution.getVariable(Var.WEEK_START)));
  }
}

package com.tobacco.cmw.planning;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The first step of a manager's instance started by the Friday run, in a job of its own (one
 * failure is that manager's incident, the others are drafted): drafts the manager's week and sets
 * the form's variables ({@link WeeklyPlanner#draftInto}). Drafting and the variables commit
 * together, so a retried job starts from scratch.
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
    long started = System.currentTimeMillis();
    WeeklyPlanner.Drafted drafted = planner.draftInto(execution);
    log.debug("Visit schedule {} drafted: {} planned, {} not scheduled, in {} ms", execution.getProcessBusinessKey(),
        drafted.planned(), drafted.notScheduled(), System.currentTimeMillis() - started);
  }
}

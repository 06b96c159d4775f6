package com.tobacco.cmw.planning;

import com.tobacco.cmw.config.SetupStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Demo: drafts next week's schedules once, at the first start, so zhangwei and lina find a
 * schedule to adjust in Tasklist right away. Runs after the demo data (5) and the access model
 * (10); skipped when any schedule exists (a restart on the same database drafts nothing) or when
 * {@code cmw.planning.demo-draft} is false. Afterwards the Friday timer drafts as in production.
 */
@Component
@Profile("demo")
@Order(30)
public class PlanningDemoDraft implements SetupStep {

  private static final Logger log = LoggerFactory.getLogger(PlanningDemoDraft.class);

  private final WeeklyPlanner planner;
  private final JdbcTemplate jdbc;
  private final PlanningSettings settings;

  public PlanningDemoDraft(WeeklyPlanner planner, JdbcTemplate jdbc, PlanningSettings settings) {
    this.planner = planner;
    this.jdbc = jdbc;
    this.settings = settings;
  }

  @Override
  public void run() {
    if (!settings.isDemoDraft()) {
      return;
    }
    draftOnce();
  }

  /** Drafts next week for all active managers unless a schedule exists; true when it drafted. */
  boolean draftOnce() {
    Integer schedules = jdbc.queryForObject("SELECT COUNT(*) FROM cm_visit_schedule", Integer.class);
    if (schedules != null && schedules > 0) {
      return false;
    }
    WeeklyPlanner.DraftRun run = planner.draftAll(planner.nextWeekStart());
    log.info("Demo: next week's visit schedules drafted for {} customer managers", run.drafted());
    return true;
  }
}

package com.tobacco.cmw.salesreport;

import java.time.YearMonth;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.tobacco.cmw.config.SetupStep;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo: right after start every customer manager has last month's report drafted and waiting
 * in Tasklist. Runs after the demo data and the access model; does nothing when last month's
 * reports were already started (a restart with the same database), and the drafts are executed
 * here, not left to the job executor, so they are there when the web server opens.
 */
@Component
@Profile("demo")
@Order(30)
public class MonthlyReportDemo implements SetupStep {

  private static final Logger log = LoggerFactory.getLogger(MonthlyReportDemo.class);

  private final MonthlyReportDrafting drafting;
  private final MonthlyReportSchedule schedule;
  private final ManagementService managementService;
  private final boolean enabled;

  public MonthlyReportDemo(MonthlyReportDrafting drafting, MonthlyReportSchedule schedule, ManagementService managementService,
                           @Value("${cmw.report.demo-drafts:true}") boolean enabled) {
    this.drafting = drafting;
    this.schedule = schedule;
    this.managementService = managementService;
    this.enabled = enabled;
  }

  @Override
  public void run() {
    if (!enabled) {
      return;
    }
    YearMonth month = schedule.lastMonth();
    List<String> started = drafting.startAll(month);
    for (String processInstanceId : started) {
      for (Job job : managementService.createJobQuery().processInstanceId(processInstanceId).executable().list()) {
        try {
          managementService.executeJob(job.getId());
        } catch (RuntimeException e) {
          // the job keeps its retries: the job executor tries again and ends it as an incident
          log.warn("Demo: drafting report of instance {} failed: {}", processInstanceId, e.getMessage());
        }
      }
    }
    if (!started.isEmpty()) {
      log.info("Demo: {} monthly reports for {} drafted", started.size(), month);
    }
  }
}

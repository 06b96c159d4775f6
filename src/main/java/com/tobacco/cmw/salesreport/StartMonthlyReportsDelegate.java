package com.tobacco.cmw.salesreport;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** On the 1st: starts last month's report of every active customer manager ({@link MonthlyReportDrafting#startAll}). */
@Component("startMonthlyReports")
public class StartMonthlyReportsDelegate implements JavaDelegate {

  private final MonthlyReportDrafting drafting;
  private final MonthlyReportSchedule schedule;

  public StartMonthlyReportsDelegate(MonthlyReportDrafting drafting, MonthlyReportSchedule schedule) {
    this.drafting = drafting;
    this.schedule = schedule;
  }

  @Override
  public void execute(DelegateExecution execution) {
    drafting.startAll(schedule.lastMonth());
  }
}

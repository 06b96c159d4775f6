package com.tobacco.cmw.salesreport;

import static com.tobacco.cmw.salesreport.MonthlySalesReportProcess.Var;

import com.tobacco.cmw.security.StaffDirectory;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Starts the monthly reports of all active customer managers for a month: brings the monthly
 * sales summary up to date (one grouped INSERT … SELECT per month never summarised or marked
 * changed), then starts one
 * {@code monthlySalesReport} instance per manager (message {@value MonthlySalesReportProcess#MESSAGE_REPORT_REQUESTED},
 * business key {@code YB-<month>-<managerId>}). Each instance drafts its report in a job of its
 * own ({@code Task_DraftReport}, async), so one manager's failure becomes that report's incident
 * and does not hold up the others. A manager whose report for the month was already started is
 * skipped, so running it twice starts nothing twice.
 *
 * <p>The start timer calls {@link #startAll(YearMonth)} through {@code startMonthlyReports}; the
 * demo and benchmarks call it directly.
 */
@Service("monthlyReportDrafting")
public class MonthlyReportDrafting {

  private static final Logger log = LoggerFactory.getLogger(MonthlyReportDrafting.class);

  private final SalesMonthSummary summary;
  private final MonthlyReportBuilder builder;
  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final StaffDirectory staff;

  public MonthlyReportDrafting(SalesMonthSummary summary, MonthlyReportBuilder builder, RuntimeService runtimeService,
                               HistoryService historyService, StaffDirectory staff) {
    this.summary = summary;
    this.builder = builder;
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.staff = staff;
  }

  /** The active customer managers with a region (cm_staff), by user id. */
  public List<String> activeManagers() {
    return staff.activeCustomerManagers().stream().map(StaffDirectory.Staff::userId).toList();
  }

  /**
   * Drafts the reports of {@code month} for all active customer managers: summary refreshed, one
   * process instance started per manager not yet started; returns the process instance ids
   * started. The drafts themselves are the instances' first (asynchronous) jobs.
   */
  public List<String> startAll(YearMonth month) {
    long started = System.currentTimeMillis();
    int months = summary.ensure(builder.firstMonthNeeded(month), month);
    // the month's reports already started (running or ended), in one query rather than one per manager
    Set<String> startedKeys = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(MonthlySalesReportProcess.PROCESS_KEY)
        .processInstanceBusinessKeyLike(MonthlyReportSchedule.reportKey("%", month)).list().stream()
        .map(HistoricProcessInstance::getBusinessKey).collect(Collectors.toSet());
    List<String> instances = new ArrayList<>();
    for (String managerId : activeManagers()) {
      String key = MonthlyReportSchedule.reportKey(managerId, month);
      if (startedKeys.contains(key)) {
        continue;
      }
      instances.add(runtimeService.createMessageCorrelation(MonthlySalesReportProcess.MESSAGE_REPORT_REQUESTED)
          .processInstanceBusinessKey(key)
          .setVariable(Var.MANAGER_ID, managerId)
          .setVariable(Var.REPORT_MONTH, month.toString())
          .correlateStartMessage().getId());
    }
    log.info("Monthly reports {}: {} months summarised, {} reports started in {} ms", month, months, instances.size(),
        System.currentTimeMillis() - started);
    return instances;
  }
}

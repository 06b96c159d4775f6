package com.tobacco.cmw.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.cmw.salesreport.MonthlyReportBuilder;
import com.tobacco.cmw.salesreport.SalesMonthSummary;
import com.tobacco.cmw.security.Roles;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Date;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Benchmark 4: the scheduled work on a large data set — 15,000 active customers of 100 customer
 * managers in 10 regions and 13 months of 1,000,000 sales lines each (sizes adjustable with
 * {@code -Dbenchmark.scheduled.*}), on the H2 file database, authorizations on, and the engine's
 * own job executor running, as in production.
 *
 * <p>Measured, each from the moment its timer becomes due until every active customer manager has
 * the resulting task: the Friday timer of {@code weeklyVisitPlanning} (a draft schedule per
 * manager, task {@code Task_AdjustSchedule}) and the timer on the 1st of {@code monthlySalesReport}
 * (the monthly summary of the new month, figures and forecast of every manager, task
 * {@code Task_WriteReport}); the months before were summarised before the measurement, as the
 * earlier monthly runs would have done.
 * Goal: each under 60 s. The peak heap of each phase is recorded too.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = "camunda.bpm.job-execution.enabled=true")
@ActiveProfiles({"demo", "benchmark"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ScheduledWorkBenchmarkTest {

  static final LargeDataSet.Size SIZE = new LargeDataSet.Size(
      BenchmarkSupport.intProperty("benchmark.scheduled.regions", 10),
      BenchmarkSupport.intProperty("benchmark.scheduled.managers", 100),
      BenchmarkSupport.intProperty("benchmark.scheduled.customers-per-manager", 150),
      BenchmarkSupport.intProperty("benchmark.scheduled.months", 13),
      BenchmarkSupport.intProperty("benchmark.scheduled.lines-per-month", 1_000_000));
  static final Duration LIMIT = Duration.ofMinutes(BenchmarkSupport.intProperty("benchmark.scheduled.limit-minutes", 15));

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    BenchmarkSupport.freshDatabase("scheduled-work", registry);
  }

  @Autowired ProcessEngine engine;
  @Autowired ManagementService managementService;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcTemplate jdbc;
  @Autowired SalesMonthSummary summary;
  @Autowired MonthlyReportBuilder reportBuilder;

  @Test
  void weeklySchedulesAndMonthlyDraftsForAllManagers() throws InterruptedException {
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(config.isAuthorizationEnabled()).as("authorizations on").isTrue();
    String loadBefore = BenchmarkSupport.loadAverage();
    // the demo start drafted schedules and reports for its two managers; the benchmark's managers come on top
    awaitNoExecutableJobs();

    YearMonth reportMonth = YearMonth.now().minusMonths(1);
    LargeDataSet.Written written = new LargeDataSet(jdbc).write(SIZE, reportMonth);
    long benchLines = jdbc.queryForObject("SELECT COUNT(*) FROM cm_sales_line WHERE source_key LIKE 'bench:%'", Long.class);
    assertThat(benchLines).isEqualTo((long) SIZE.months() * SIZE.linesPerMonth());
    long allLines = jdbc.queryForObject("SELECT COUNT(*) FROM cm_sales_line", Long.class);
    int managers = jdbc.queryForObject("SELECT COUNT(*) FROM cm_staff WHERE role = ? AND active = TRUE", Integer.class,
        Roles.CUSTOMER_MANAGERS);
    int customers = jdbc.queryForObject("SELECT COUNT(*) FROM cm_customer WHERE status = 'ACTIVE'", Integer.class);

    // the state on the 1st: the months before the report month were summarised by earlier monthly
    // runs; the report month's lines are new (a one-off at installation, timed on its own)
    long summaryStarted = System.nanoTime();
    int summarised = summary.ensure(reportBuilder.firstMonthNeeded(reportMonth), reportMonth.minusMonths(1));
    double summarySeconds = (System.nanoTime() - summaryStarted) / 1e9;

    Phase weekly = measure("weeklyVisitPlanning", "Task_AdjustSchedule", managers);
    Phase monthly = measure("monthlySalesReport", "Task_WriteReport", managers);

    String report = String.join("\n",
        "# Benchmark: scheduled work on the large data set",
        "",
        "run: " + BenchmarkSupport.now() + "; machine: " + BenchmarkSupport.machine(),
        "load average before / after: " + loadBefore + " / " + BenchmarkSupport.loadAverage(),
        String.format(Locale.ROOT, "data: %d active customer managers, %d active customers, %d sales lines "
                + "(%d months × %d generated in %.0f s, customers in %.1f s)",
            managers, customers, allLines, SIZE.months(), SIZE.linesPerMonth(), written.salesMillis() / 1000.0,
            written.customerMillis() / 1000.0),
        String.format(Locale.ROOT, "earlier months summarised before the run (as earlier monthly runs would have): "
            + "%d months in %.1f s", summarised, summarySeconds),
        "",
        "| work (timer due → every manager has the task) | managers | seconds | goal | peak heap used MB |",
        "|---|---:|---:|---:|---:|",
        weekly.row("weekly schedules (weeklyVisitPlanning)"),
        monthly.row("monthly report drafts (monthlySalesReport, " + reportMonth + ")"));
    BenchmarkSupport.write("scheduled-work.md", report);
    assertThat(weekly.tasks()).as("a schedule task per manager").isGreaterThanOrEqualTo(managers);
    assertThat(monthly.tasks()).as("a report task per manager").isGreaterThanOrEqualTo(managers);
  }

  record Phase(int managers, long tasks, double seconds, long peakHeapMb) {
    String row(String label) {
      return String.format(Locale.ROOT, "| %s | %d | %.1f | 60 | %d |", label, managers, seconds, peakHeapMb);
    }
  }

  /**
   * Makes the process's timer start job due now and waits until {@code expected} tasks of
   * {@code taskKey} exist (the job executor does the work) and no job of the process is left to run.
   */
  private Phase measure(String processKey, String taskKey, int expected) throws InterruptedException {
    Job timer = managementService.createJobQuery().processDefinitionKey(processKey).timers().list().stream()
        .filter(j -> j.getExecutionId() == null)
        .findFirst().orElseThrow(() -> new IllegalStateException("no start timer of " + processKey));
    resetPeakHeap();
    long started = System.nanoTime();
    managementService.setJobDuedate(timer.getId(), new Date());
    LongSupplier tasks = () -> taskService.createTaskQuery().processDefinitionKey(processKey).taskDefinitionKey(taskKey).count();
    long deadline = started + LIMIT.toNanos();
    while (tasks.getAsLong() < expected || executableJobs(processKey) > 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(processKey + ": only " + tasks.getAsLong() + " of " + expected + " tasks after " + LIMIT);
      }
      Thread.sleep(200);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    assertThat(runtimeService.createIncidentQuery().count()).as("no incidents").isZero();
    return new Phase(expected, tasks.getAsLong(), seconds, peakHeapMb());
  }

  private long executableJobs(String processKey) {
    return managementService.createJobQuery().processDefinitionKey(processKey).executable().count();
  }

  private void awaitNoExecutableJobs() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (managementService.createJobQuery().executable().count() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
  }

  private static void resetPeakHeap() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long peakHeapMb() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum / (1024 * 1024);
  }
}

package com.tobacco.cmw.salesreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Measures the forecast's error on the full demo data set (24 months, 2 × 150 customers, the
 * generator's fixed seed): the back-test the reports show (6 months), and over every month the
 * data allows (9). Run with {@code mvn -o verify -Pbenchmark -Dtest=ForecastDemoDataMeasurementTest};
 * the figures are written in docs/processes/monthlySalesReport.md.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:forecast-measurement;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE",
    "cmw.demo.customers-per-manager=150", "cmw.demo.months-of-sales=24",
    "camunda.bpm.process-engine-name=forecastmeasurement", "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles({"demo"})
class ForecastDemoDataMeasurementTest {

  private static final Logger log = LoggerFactory.getLogger(ForecastDemoDataMeasurementTest.class);

  @Autowired MonthlyReportRepository reports;
  @Autowired MonthlyReportSchedule schedule;
  @Autowired MonthlySalesFigures figures;
  @Autowired SalesMonthSummary summary;

  @Test
  void measuresTheBackTestOnTheDemoData() {
    YearMonth month = schedule.lastMonth();
    summary.ensure(month.minusMonths(23), month); // all 24 demo months, for the longer back-test
    for (String manager : new String[] {"zhangwei", "lina"}) {
      MonthlyReportContent.Forecast f = reports.content(MonthlyReportSchedule.reportKey(manager, month)).forecast();
      assertThat(f.backTestMonths()).isEqualTo(6);
      assertThat(f.mapePercent()).isNotNull();
      Map<YearMonth, BigDecimal> cartons = new TreeMap<>();
      figures.monthlyTotals(manager, month.minusMonths(30), month).forEach((m, t) -> cartons.put(m, t.cartons()));
      SalesForecast.BackTest all = SalesForecast.backTest(cartons, month, 9);
      log.info("Forecast measurement {} report {}: MAPE {} % over {} months; over {} months {} %; trials {}",
          manager, month, f.mapePercent(), f.backTestMonths(), all.months(), all.mapePercent(), all.trials());
      log.info("Forecast measurement {}: {} forecast {} cartons, {} actual {} (error {} %), next month {} cartons",
          manager, month, f.reportMonthForecastCartons(), month, f.reportMonthActualCartons(), f.reportMonthErrorPercent(),
          f.cartons() == null ? null : f.cartons().setScale(0, RoundingMode.HALF_UP));
    }
  }
}

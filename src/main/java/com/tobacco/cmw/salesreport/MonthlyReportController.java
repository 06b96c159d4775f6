package com.tobacco.cmw.salesreport;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/monthly-reports}: the reports in the caller's scope, and one report with content and reviews. */
@RestController
@RequestMapping("/api/monthly-reports")
public class MonthlyReportController {

  private final MonthlyReports reports;

  public MonthlyReportController(MonthlyReports reports) {
    this.reports = reports;
  }

  @GetMapping
  public List<MonthlyReportRepository.Report> list(@RequestParam(required = false) String manager,
                                                   @RequestParam(required = false) String month) {
    return reports.list(manager == null || manager.isBlank() ? null : manager.strip(), month(month));
  }

  @GetMapping("/{key}")
  public MonthlyReports.ReportView get(@PathVariable String key) {
    return reports.visible(key);
  }

  private static YearMonth month(String month) {
    if (month == null || month.isBlank()) {
      return null;
    }
    try {
      return YearMonth.parse(month.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("參數 month 應為 yyyy-MM,例如 2026-10:「" + month + "」/ month must be yyyy-MM");
    }
  }
}

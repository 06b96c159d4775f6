package com.tobacco.cmw.salesreport;

import com.tobacco.cmw.security.DataScope;
import java.time.YearMonth;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.stereotype.Service;

/**
 * Reports as the current user may see them ({@link DataScope}): a customer manager their own, a
 * regional manager those of their region, head office and auditors all. A report outside the
 * scope is "not found". The document downloads use {@link #visibleContent(String)}.
 */
@Service
public class MonthlyReports {

  static final int MAX_LIST = 500;

  /** A report as listed and shown: its record, its content (frozen once approved) and its reviews. */
  public record ReportView(MonthlyReportRepository.Report report, MonthlyReportContent content,
                           List<MonthlyReportRepository.Review> reviews, int escalations) {}

  private final MonthlyReportRepository reports;
  private final DataScope scope;

  public MonthlyReports(MonthlyReportRepository reports, DataScope scope) {
    this.reports = reports;
    this.scope = scope;
  }

  /** Reports in the user's scope, optionally of one manager and/or month, newest first. */
  public List<MonthlyReportRepository.Report> list(String managerId, YearMonth month) {
    DataScope.Scope s = scope.current();
    if (s.managerId() != null && managerId != null && !s.managerId().equals(managerId)) {
      return List.of();
    }
    return reports.list(s.managerId() != null ? s.managerId() : managerId, s.regionCode(), month, MAX_LIST);
  }

  /** The report with content and reviews, if the user may see it; else NoSuchElementException (404). */
  public ReportView visible(String reportKey) {
    MonthlyReportRepository.Report report = visibleReport(reportKey);
    return new ReportView(report, reports.content(reportKey), reports.reviews(reportKey),
        reports.escalations(reportKey));
  }

  /**
   * The content of a report by key, scoped to the current user: the archived content once
   * approved, else the drafted figures with the sections as last submitted. For the PDF and
   * Excel downloads.
   */
  public MonthlyReportContent visibleContent(String reportKey) {
    visibleReport(reportKey);
    return reports.content(reportKey);
  }

  private MonthlyReportRepository.Report visibleReport(String reportKey) {
    DataScope.Scope s = scope.current();
    return reports.find(reportKey).filter(r -> s.includes(r.managerId(), r.regionCode()))
        .orElseThrow(() -> new NoSuchElementException("月度報告 " + reportKey + " 不存在或不在您的權限範圍內 / report "
            + reportKey + " not found"));
  }
}

package com.tobacco.cmw.salesreport;

import com.tobacco.cmw.salesreport.documents.MonthlyReportDocuments;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/monthly-reports}: the reports in the caller's scope, one report with content and
 * reviews, and the report as PDF ({@code /{key}/pdf}) or Excel ({@code /{key}/xlsx}) — the
 * archived copy once approved, the current draft before.
 */
@RestController
@RequestMapping("/api/monthly-reports")
public class MonthlyReportController {

  private final MonthlyReports reports;
  private final MonthlyReportDocuments documents;

  public MonthlyReportController(MonthlyReports reports, MonthlyReportDocuments documents) {
    this.reports = reports;
    this.documents = documents;
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

  @GetMapping("/{key}/pdf")
  public ResponseEntity<byte[]> pdf(@PathVariable String key) {
    MonthlyReportContent content = reports.visibleContent(key);
    return download(documents.pdf(content), MonthlyReportDocuments.PDF_CONTENT_TYPE,
        MonthlyReportDocuments.fileName(content, "pdf"));
  }

  @GetMapping("/{key}/xlsx")
  public ResponseEntity<byte[]> excel(@PathVariable String key) {
    MonthlyReportContent content = reports.visibleContent(key);
    return download(documents.excel(content), MonthlyReportDocuments.EXCEL_CONTENT_TYPE,
        MonthlyReportDocuments.fileName(content, "xlsx"));
  }

  /** A file to save: the Chinese file name as RFC 5987 {@code filename*}, never cached by a shared proxy. */
  private static ResponseEntity<byte[]> download(byte[] body, String contentType, String fileName) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(contentType))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .body(body);
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

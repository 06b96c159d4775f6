package com.tobacco.cmw.salesreport.documents;

import com.tobacco.cmw.salesreport.MonthlyReportContent;
import org.springframework.stereotype.Component;

/**
 * The downloads of a 《客戶月度銷售情況分析報告》: the same content as an A4 PDF (for reading,
 * printing and the archive) and as an Excel workbook (for further analysis), both with the
 * 13-month trend and the structure by price class. See {@code docs/report-documents.md}.
 */
@Component
public class MonthlyReportDocuments {

  public static final String PDF_CONTENT_TYPE = "application/pdf";
  public static final String EXCEL_CONTENT_TYPE =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final ReportFont font;
  private final ReportCharts charts;

  public MonthlyReportDocuments(ReportFont font, ReportCharts charts) {
    this.font = font;
    this.charts = charts;
  }

  /** The report as a PDF with the report font embedded. */
  public byte[] pdf(MonthlyReportContent content) {
    return new ReportPdf(ReportLabels.required(content), font, charts).write();
  }

  /** The report as an .xlsx workbook. */
  public byte[] excel(MonthlyReportContent content) {
    return new ReportWorkbook(ReportLabels.required(content)).write();
  }

  /** A file name for the download, e.g. {@code 客戶月度銷售情況分析報告-zhangwei-2026-10.pdf}. */
  public static String fileName(MonthlyReportContent content, String extension) {
    MonthlyReportContent c = ReportLabels.required(content);
    return ReportLabels.TITLE + "-" + ReportFormat.value(c.managerId()) + "-"
        + (c.month() == null ? ReportFormat.NONE : c.month().toString()) + "." + extension;
  }
}

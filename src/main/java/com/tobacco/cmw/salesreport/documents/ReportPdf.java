package com.tobacco.cmw.salesreport.documents;

import static com.tobacco.cmw.salesreport.documents.ReportFormat.change;
import static com.tobacco.cmw.salesreport.documents.ReportFormat.date;
import static com.tobacco.cmw.salesreport.documents.ReportFormat.month;
import static com.tobacco.cmw.salesreport.documents.ReportFormat.percent;
import static com.tobacco.cmw.salesreport.documents.ReportFormat.quantity;
import static com.tobacco.cmw.salesreport.documents.ReportFormat.signedQuantity;
import static com.tobacco.cmw.salesreport.documents.ReportFormat.value;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import com.tobacco.cmw.salesreport.MonthlyReportContent;
import com.tobacco.cmw.salesreport.MonthlyReportContent.BrandLine;
import com.tobacco.cmw.salesreport.MonthlyReportContent.ComplaintLine;
import com.tobacco.cmw.salesreport.MonthlyReportContent.CustomerChange;
import com.tobacco.cmw.salesreport.MonthlyReportContent.CustomerRef;
import com.tobacco.cmw.salesreport.MonthlyReportContent.Forecast;
import com.tobacco.cmw.salesreport.MonthlyReportContent.PriceClassLine;
import com.tobacco.cmw.salesreport.MonthlyReportContent.SpecialVisitLine;
import com.tobacco.cmw.salesreport.MonthlyReportContent.Totals;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

/** Writes the report as an A4 PDF (OpenPDF); one instance per document. */
final class ReportPdf {

  private static final Color HEADER_BACKGROUND = new Color(0xE8, 0xEE, 0xF6);
  private static final float MARGIN = 42f;

  private final MonthlyReportContent content;
  private final ReportFont font;
  private final ReportCharts charts;
  private final Font title;
  private final Font heading;
  private final Font subheading;
  private final Font body;
  private final Font bold;

  ReportPdf(MonthlyReportContent content, ReportFont font, ReportCharts charts) {
    this.content = content;
    this.font = font;
    this.charts = charts;
    this.title = new Font(font.pdf(true), 18f);
    this.heading = new Font(font.pdf(true), 13f);
    this.subheading = new Font(font.pdf(true), 10.5f);
    this.body = new Font(font.pdf(false), 9.5f);
    this.bold = new Font(font.pdf(true), 9.5f);
  }

  byte[] write() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, MARGIN + 14f);
    try {
      PdfWriter writer = PdfWriter.getInstance(document, out);
      writer.setPageEvent(new Footer());
      document.addTitle(ReportLabels.TITLE + " " + value(content.managerName()) + " " + month(content.month()));
      document.addAuthor(value(content.managerName()));
      document.addCreator("customer-manager-workflow");
      document.open();
      header(document);
      keyFigures(document);
      sections(document);
      trend(document);
      priceClasses(document);
      brands(document);
      customerChanges(document);
      customersWithoutOrders(document);
      specialVisits(document);
      complaints(document);
      forecast(document);
      document.close();
    } catch (DocumentException e) {
      throw new IllegalStateException("Cannot write the report PDF " + content.reportKey(), e);
    }
    return out.toByteArray();
  }

  private void header(Document document) throws DocumentException {
    Paragraph p = new Paragraph(ReportLabels.TITLE_QUOTED, title);
    p.setAlignment(Element.ALIGN_CENTER);
    p.setSpacingAfter(10f);
    document.add(p);
    PdfPTable meta = new PdfPTable(new float[] {1f, 2f, 1f, 2f});
    meta.setWidthPercentage(100);
    metaCell(meta, "客戶經理");
    metaValue(meta, value(content.managerName()) + "(" + value(content.managerId()) + ")");
    metaCell(meta, "區域");
    metaValue(meta, value(content.regionName()) + "(" + value(content.regionCode()) + ")");
    metaCell(meta, "報告月份");
    metaValue(meta, month(content.month()));
    metaCell(meta, "報告編號");
    metaValue(meta, value(content.reportKey()));
    document.add(meta);
  }

  private void metaCell(PdfPTable table, String text) {
    PdfPCell cell = new PdfPCell(new Phrase(text, bold));
    cell.setBorder(Rectangle.NO_BORDER);
    cell.setPadding(3f);
    table.addCell(cell);
  }

  private void metaValue(PdfPTable table, String text) {
    PdfPCell cell = new PdfPCell(new Phrase(text, body));
    cell.setBorder(Rectangle.NO_BORDER);
    cell.setPadding(3f);
    table.addCell(cell);
  }

  private void keyFigures(Document document) throws DocumentException {
    heading(document, "一、主要指標");
    PdfPTable table = table(new float[] {2f, 2f, 2f, 2f}, "指標", "本月", "上月", "去年同月");
    Totals now = content.totals();
    Totals prev = content.previousMonth();
    Totals year = content.sameMonthLastYear();
    totalsRow(table, ReportLabels.CARTONS, t -> quantity(t.cartons()), now, prev, year);
    totalsRow(table, ReportLabels.CASES, t -> quantity(t.cases()), now, prev, year);
    totalsRow(table, ReportLabels.AMOUNT, t -> quantity(t.amount()), now, prev, year);
    totalsRow(table, ReportLabels.AVERAGE_PRICE, t -> quantity(t.averagePricePerCase()), now, prev, year);
    totalsRow(table, ReportLabels.ORDERING_CUSTOMERS, t -> Integer.toString(t.orderingCustomers()), now, prev, year);
    changeRow(table, ReportLabels.MONTH_ON_MONTH, change(content.monthOnMonthPercent()), "較上月");
    changeRow(table, ReportLabels.YEAR_ON_YEAR, change(content.yearOnYearPercent()), "較去年同月");
    document.add(table);
  }

  private void changeRow(PdfPTable table, String label, String value, String against) {
    text(table, label);
    number(table, value);
    PdfPCell note = new PdfPCell(new Phrase(against, body));
    note.setColspan(2);
    note.setPadding(3.5f);
    table.addCell(note);
  }

  private void totalsRow(PdfPTable table, String label, Function<Totals, String> f, Totals... periods) {
    text(table, label);
    for (Totals t : periods) {
      number(table, t == null ? ReportFormat.NONE : f.apply(t));
    }
  }

  private void sections(Document document) throws DocumentException {
    heading(document, "二、銷售情況分析(§4.4.2)");
    List<String> texts = ReportLabels.sectionTexts(content.sections());
    for (int i = 0; i < ReportLabels.SECTION_HEADINGS.size(); i++) {
      Paragraph h = new Paragraph(ReportLabels.SECTION_HEADINGS.get(i), subheading);
      h.setSpacingBefore(6f);
      h.setSpacingAfter(2f);
      document.add(h);
      Paragraph p = new Paragraph(13.5f, ReportFormat.text(texts.get(i)), body);
      p.setFirstLineIndent(19f);
      p.setAlignment(Element.ALIGN_JUSTIFIED);
      document.add(p);
    }
  }

  private void trend(Document document) throws DocumentException {
    String caption = "三、近13個月銷量趨勢";
    if (ReportLabels.list(content.trend()).isEmpty()) {
      heading(document, caption);
      nothing(document);
      return;
    }
    document.add(chart(caption, charts.trendPng(content)));
  }

  private void priceClasses(Document document) throws DocumentException {
    String caption = "四、價類結構";
    List<PriceClassLine> lines = ReportLabels.list(content.byPriceClass());
    if (lines.isEmpty()) {
      heading(document, caption);
      nothing(document);
      return;
    }
    document.add(chart(caption, charts.priceClassPng(content)));
    PdfPTable table = table(new float[] {1f, 2f, 2f, 1.2f}, "價類", ReportLabels.CARTONS, ReportLabels.AMOUNT, "佔比");
    for (PriceClassLine l : lines) {
      text(table, ReportLabels.priceClass(l.priceClass()));
      number(table, quantity(l.cartons()));
      number(table, quantity(l.amount()));
      number(table, percent(l.sharePercent()));
    }
    document.add(table);
  }

  private void brands(Document document) throws DocumentException {
    heading(document, "五、品牌結構");
    List<BrandLine> lines = ReportLabels.list(content.byBrand());
    if (lines.isEmpty()) {
      nothing(document);
      return;
    }
    PdfPTable table = table(new float[] {1.3f, 2.6f, 0.8f, 1.6f, 1.9f, 1f, 1.6f, 1.6f},
        "品牌代碼", "品牌", "價類", ReportLabels.CARTONS, ReportLabels.AMOUNT, "佔比", "上月(條)", "去年同月(條)");
    for (BrandLine l : lines) {
      text(table, value(l.brandCode()));
      text(table, value(l.brandName()));
      text(table, ReportLabels.priceClass(l.priceClass()));
      number(table, quantity(l.cartons()));
      number(table, quantity(l.amount()));
      number(table, percent(l.sharePercent()));
      number(table, quantity(l.previousMonthCartons()));
      number(table, quantity(l.lastYearCartons()));
    }
    document.add(table);
  }

  private void customerChanges(Document document) throws DocumentException {
    heading(document, "六、客戶銷量變化");
    changes(document, "銷量增長最多的客戶", content.largestGrowth());
    changes(document, "銷量下降最多的客戶", content.largestDrop());
  }

  private void changes(Document document, String caption, List<CustomerChange> changes) throws DocumentException {
    subheading(document, caption);
    List<CustomerChange> lines = ReportLabels.list(changes);
    if (lines.isEmpty()) {
      nothing(document);
      return;
    }
    PdfPTable table = table(new float[] {1.6f, 3f, 1.5f, 1.5f, 1.5f, 1.2f},
        "客戶編號", "店名", "本月(條)", "上月(條)", "變化(條)", "變化率");
    for (CustomerChange c : lines) {
      text(table, value(c.customerCode()));
      text(table, value(c.storeName()));
      number(table, quantity(c.cartons()));
      number(table, quantity(c.previousCartons()));
      number(table, signedQuantity(c.change()));
      number(table, change(c.changePercent()));
    }
    document.add(table);
  }

  private void customersWithoutOrders(Document document) throws DocumentException {
    heading(document, "七、本月無訂單客戶");
    List<CustomerRef> lines = ReportLabels.list(content.customersWithoutOrders());
    if (lines.isEmpty()) {
      nothing(document);
      return;
    }
    PdfPTable table = table(new float[] {1.6f, 4f, 1f}, "客戶編號", "店名", "檔位");
    for (CustomerRef c : lines) {
      text(table, value(c.customerCode()));
      text(table, value(c.storeName()));
      text(table, c.grade() + "檔");
    }
    document.add(table);
  }

  private void specialVisits(Document document) throws DocumentException {
    heading(document, "八、特殊訪問記錄");
    List<SpecialVisitLine> lines = ReportLabels.list(content.specialVisits());
    if (lines.isEmpty()) {
      nothing(document);
      return;
    }
    PdfPTable table = table(new float[] {1.3f, 1.4f, 2f, 3f, 3f}, "日期", "客戶編號", "店名", "特殊情況", "處理");
    for (SpecialVisitLine v : lines) {
      text(table, date(v.date()));
      text(table, value(v.customerCode()));
      text(table, value(v.storeName()));
      text(table, value(v.situation()));
      text(table, value(v.handling()));
    }
    document.add(table);
  }

  private void complaints(Document document) throws DocumentException {
    heading(document, "九、質量投訴");
    List<ComplaintLine> lines = ReportLabels.list(content.complaints());
    if (lines.isEmpty()) {
      nothing(document);
      return;
    }
    PdfPTable table = table(new float[] {1.4f, 1.3f, 2.2f, 1.4f, 3f, 1f},
        "案號", "日期", "客戶", "品牌", "摘要", "狀態");
    for (ComplaintLine c : lines) {
      text(table, value(c.caseNumber()));
      text(table, date(c.date()));
      text(table, value(c.customerCode()) + " " + value(c.storeName()));
      text(table, value(c.brandName()));
      text(table, value(c.summary()));
      text(table, value(c.status()));
    }
    document.add(table);
  }

  private void forecast(Document document) throws DocumentException {
    heading(document, "十、次月預測");
    Forecast f = content.forecast();
    if (f == null) {
      nothing(document);
      return;
    }
    PdfPTable table = table(new float[] {2f, 3f}, "項目", "數值");
    text(table, "預測月份");
    text(table, month(f.month()));
    text(table, "預測" + ReportLabels.CARTONS);
    number(table, quantity(f.cartons()));
    text(table, "預測" + ReportLabels.AMOUNT);
    number(table, quantity(f.amount()));
    text(table, "預測方法");
    text(table, value(f.method()));
    text(table, "回測誤差 MAPE(近" + f.backTestMonths() + "個月)");
    number(table, percent(f.mapePercent()));
    text(table, "本月預測銷量(條)");
    number(table, quantity(f.reportMonthForecastCartons()));
    text(table, "本月實際銷量(條)");
    number(table, quantity(f.reportMonthActualCartons()));
    text(table, "本月預測誤差");
    number(table, change(f.reportMonthErrorPercent()));
    document.add(table);
  }

  // --- building blocks

  private void heading(Document document, String text) throws DocumentException {
    Paragraph p = new Paragraph(text, heading);
    p.setSpacingBefore(12f);
    p.setSpacingAfter(6f);
    document.add(p);
  }

  private void subheading(Document document, String text) throws DocumentException {
    Paragraph p = new Paragraph(text, subheading);
    p.setSpacingBefore(4f);
    p.setSpacingAfter(4f);
    document.add(p);
  }

  private void nothing(Document document) throws DocumentException {
    document.add(new Paragraph(ReportFormat.NOTHING, body));
  }

  private PdfPTable table(float[] widths, String... headers) {
    PdfPTable table = new PdfPTable(widths);
    table.setWidthPercentage(100);
    table.setHeaderRows(1);
    table.setSpacingAfter(4f);
    for (String h : headers) {
      PdfPCell cell = new PdfPCell(new Phrase(h, bold));
      cell.setBackgroundColor(HEADER_BACKGROUND);
      cell.setPadding(3.5f);
      table.addCell(cell);
    }
    return table;
  }

  private void text(PdfPTable table, String text) {
    PdfPCell cell = new PdfPCell(new Phrase(text, body));
    cell.setPadding(3.5f);
    table.addCell(cell);
  }

  private void number(PdfPTable table, String text) {
    PdfPCell cell = new PdfPCell(new Phrase(text, body));
    cell.setPadding(3.5f);
    cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
    table.addCell(cell);
  }

  /** A heading with its chart, kept on one page (a heading never stays behind at a page's foot). */
  private PdfPTable chart(String caption, byte[] png) {
    Image image;
    try {
      image = Image.getInstance(png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    image.scaleToFit(PageSize.A4.getWidth() - 2 * MARGIN, 210f);
    PdfPTable block = new PdfPTable(1);
    block.setWidthPercentage(100);
    block.setKeepTogether(true);
    block.setSpacingBefore(12f);
    block.setSpacingAfter(4f);
    PdfPCell head = new PdfPCell(new Phrase(caption, heading));
    head.setBorder(Rectangle.NO_BORDER);
    head.setPaddingBottom(6f);
    block.addCell(head);
    PdfPCell picture = new PdfPCell(image, false);
    picture.setBorder(Rectangle.NO_BORDER);
    picture.setHorizontalAlignment(Element.ALIGN_CENTER);
    block.addCell(picture);
    return block;
  }

  /** 第 n 頁 / 共 m 頁 at the foot of every page; the total is written when the document closes. */
  private final class Footer extends PdfPageEventHelper {
    private PdfTemplate total;

    @Override
    public void onOpenDocument(PdfWriter writer, Document document) {
      total = writer.getDirectContent().createTemplate(40f, 12f);
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
      PdfContentByte cb = writer.getDirectContent();
      BaseFont base = font.pdf(false);
      float y = MARGIN - 6f;
      String left = ReportLabels.TITLE_QUOTED + " " + value(content.managerName()) + " " + month(content.month());
      String page = "第 " + writer.getPageNumber() + " 頁 / 共 ";
      float pageWidth = base.getWidthPoint(page, 8f);
      float right = document.getPageSize().getWidth() - MARGIN;
      cb.saveState();
      cb.beginText();
      cb.setFontAndSize(base, 8f);
      cb.setColorFill(Color.DARK_GRAY);
      cb.setTextMatrix(MARGIN, y);
      cb.showText(left);
      cb.setTextMatrix(right - 40f - pageWidth, y);
      cb.showText(page);
      cb.endText();
      cb.addTemplate(total, right - 40f, y);
      cb.restoreState();
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
      BaseFont base = font.pdf(false);
      total.beginText();
      total.setFontAndSize(base, 8f);
      total.setColorFill(Color.DARK_GRAY);
      total.setTextMatrix(0, 0);
      total.showText((writer.getPageNumber() - 1) + " 頁");
      total.endText();
    }
  }
}

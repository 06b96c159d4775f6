package com.tobacco.cmw.salesreport.documents;

import com.tobacco.cmw.salesreport.MonthlyReportContent;
import com.tobacco.cmw.salesreport.MonthlyReportContent.BrandLine;
import com.tobacco.cmw.salesreport.MonthlyReportContent.ComplaintLine;
import com.tobacco.cmw.salesreport.MonthlyReportContent.CustomerChange;
import com.tobacco.cmw.salesreport.MonthlyReportContent.CustomerRef;
import com.tobacco.cmw.salesreport.MonthlyReportContent.Forecast;
import com.tobacco.cmw.salesreport.MonthlyReportContent.MonthPoint;
import com.tobacco.cmw.salesreport.MonthlyReportContent.PriceClassLine;
import com.tobacco.cmw.salesreport.MonthlyReportContent.SpecialVisitLine;
import com.tobacco.cmw.salesreport.MonthlyReportContent.Totals;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFPieChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTDLbls;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the report as an Excel workbook (POI XSSF): one sheet per part, numbers as numbers with
 * cell formats, native Excel charts on 趨勢 and 價類; one instance per document.
 */
final class ReportWorkbook {

  /** Spreadsheets name their font; a Chinese one that Office and WPS have on Windows. */
  static final String FONT_NAME = "Microsoft YaHei";
  static final String QUANTITY_FORMAT = "#,##0.00";
  static final String PERCENT_FORMAT = "0.0%";
  static final String CHANGE_FORMAT = "+0.0%;-0.0%;0.0%";
  /** Characters of the wrapped text rows of 概要 per line (a Chinese character is two). */
  private static final int SECTION_COLUMNS = 4;
  private static final int[][] SLICE_COLOURS = {
      {0x2E, 0x6F, 0xB5}, {0xD9, 0x6B, 0x1E}, {0x3C, 0x9D, 0x5D}, {0xB8, 0x3B, 0x5E}, {0x7A, 0x5C, 0xB0},
      {0x8C, 0x8C, 0x8C}};
  private static final int SECTION_COLUMN_WIDTH = 20;

  private final MonthlyReportContent content;
  private final XSSFWorkbook workbook = new XSSFWorkbook();
  private final CellStyle title;
  private final CellStyle header;
  private final CellStyle label;
  private final CellStyle text;
  private final CellStyle wrapped;
  private final CellStyle quantity;
  private final CellStyle integer;
  private final CellStyle percent;
  private final CellStyle change;
  private final CellStyle date;
  private final CellStyle none;

  ReportWorkbook(MonthlyReportContent content) {
    this.content = content;
    XSSFFont base = workbook.getFontAt(0);
    base.setFontName(FONT_NAME);
    base.setFontHeightInPoints((short) 10);
    XSSFFont boldFont = workbook.createFont();
    boldFont.setFontName(FONT_NAME);
    boldFont.setFontHeightInPoints((short) 10);
    boldFont.setBold(true);
    XSSFFont titleFont = workbook.createFont();
    titleFont.setFontName(FONT_NAME);
    titleFont.setFontHeightInPoints((short) 16);
    titleFont.setBold(true);

    title = workbook.createCellStyle();
    title.setFont(titleFont);
    header = bordered();
    header.setFont(boldFont);
    header.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
    header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    header.setWrapText(true);
    label = workbook.createCellStyle();
    label.setFont(boldFont);
    label.setVerticalAlignment(VerticalAlignment.TOP);
    text = bordered();
    wrapped = bordered();
    wrapped.setWrapText(true);
    wrapped.setVerticalAlignment(VerticalAlignment.TOP);
    quantity = numeric(QUANTITY_FORMAT);
    integer = numeric("0");
    percent = numeric(PERCENT_FORMAT);
    change = numeric(CHANGE_FORMAT);
    date = numeric("yyyy-mm-dd");
    none = bordered();
    none.setAlignment(HorizontalAlignment.RIGHT);
  }

  byte[] write() {
    summary();
    trend();
    priceClasses();
    brands();
    customerChanges();
    customersWithoutOrders();
    specialVisits();
    complaints();
    forecast();
    workbook.getProperties().getCoreProperties().setTitle(ReportLabels.TITLE);
    workbook.getProperties().getCoreProperties().setCreator(ReportFormat.value(content.managerName()));
    try (workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the report workbook " + content.reportKey(), e);
    }
  }

  // --- sheets

  private void summary() {
    XSSFSheet sheet = workbook.createSheet("概要");
    for (int c = 0; c < SECTION_COLUMNS; c++) {
      sheet.setColumnWidth(c, SECTION_COLUMN_WIDTH * 256);
    }
    cell(sheet, 0, 0, ReportLabels.TITLE_QUOTED, title);
    sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, SECTION_COLUMNS - 1));
    sheet.getRow(0).setHeightInPoints(26);
    String[][] meta = {
        {"客戶經理", ReportFormat.value(content.managerName())},
        {"客戶經理編號", ReportFormat.value(content.managerId())},
        {"區域", ReportFormat.value(content.regionName()) + "(" + ReportFormat.value(content.regionCode()) + ")"},
        {"報告月份", ReportFormat.month(content.month())},
        {"報告編號", ReportFormat.value(content.reportKey())}};
    int r = 2;
    for (String[] m : meta) {
      cell(sheet, r, 0, m[0], label);
      sheet.getRow(r).createCell(1).setCellValue(m[1]);
      r++;
    }

    r++;
    cell(sheet, r++, 0, "主要指標", label);
    headerRow(sheet, r++, "指標", "本月", "上月", "去年同月");
    Totals[] periods = {content.totals(), content.previousMonth(), content.sameMonthLastYear()};
    r = totalsRow(sheet, r, ReportLabels.CARTONS, Totals::cartons, periods);
    r = totalsRow(sheet, r, ReportLabels.CASES, Totals::cases, periods);
    r = totalsRow(sheet, r, ReportLabels.AMOUNT, Totals::amount, periods);
    r = totalsRow(sheet, r, ReportLabels.AVERAGE_PRICE, Totals::averagePricePerCase, periods);
    XSSFRow customers = sheet.createRow(r++);
    text(customers, 0, ReportLabels.ORDERING_CUSTOMERS);
    for (int i = 0; i < periods.length; i++) {
      if (periods[i] == null) {
        none(customers, i + 1);
      } else {
        integer(customers, i + 1, periods[i].orderingCustomers());
      }
    }
    XSSFRow mom = sheet.createRow(r++);
    text(mom, 0, ReportLabels.MONTH_ON_MONTH);
    percentage(mom, 1, content.monthOnMonthPercent(), change);
    XSSFRow yoy = sheet.createRow(r++);
    text(yoy, 0, ReportLabels.YEAR_ON_YEAR);
    percentage(yoy, 1, content.yearOnYearPercent(), change);

    r++;
    cell(sheet, r++, 0, "銷售情況分析(§4.4.2)", label);
    List<String> texts = ReportLabels.sectionTexts(content.sections());
    for (int i = 0; i < ReportLabels.SECTION_HEADINGS.size(); i++) {
      cell(sheet, r++, 0, ReportLabels.SECTION_HEADINGS.get(i), label);
      String body = ReportFormat.text(texts.get(i));
      cell(sheet, r, 0, body, wrapped);
      for (int c = 1; c < SECTION_COLUMNS; c++) {
        sheet.getRow(r).createCell(c).setCellStyle(wrapped);
      }
      sheet.addMergedRegion(new CellRangeAddress(r, r, 0, SECTION_COLUMNS - 1));
      // merged cells do not grow by themselves: give the row the height of its wrapped lines
      sheet.getRow(r).setHeightInPoints(13.5f * lines(body, SECTION_COLUMNS * SECTION_COLUMN_WIDTH - 2) + 4);
      r++;
    }
  }

  private int totalsRow(XSSFSheet sheet, int r, String name, Function<Totals, BigDecimal> f, Totals[] periods) {
    XSSFRow row = sheet.createRow(r);
    text(row, 0, name);
    for (int i = 0; i < periods.length; i++) {
      quantity(row, i + 1, periods[i] == null ? null : f.apply(periods[i]));
    }
    return r + 1;
  }

  private void trend() {
    XSSFSheet sheet = sheet("趨勢", new int[] {12, 14, 18}, "月份", ReportLabels.CARTONS, ReportLabels.AMOUNT);
    List<MonthPoint> points = ReportLabels.list(content.trend());
    int r = 1;
    for (MonthPoint p : points) {
      XSSFRow row = sheet.createRow(r++);
      text(row, 0, p.month() == null ? ReportFormat.NONE : p.month().toString());
      quantity(row, 1, p.cartons());
      quantity(row, 2, p.amount());
    }
    if (points.isEmpty()) {
      nothing(sheet, 1);
      return;
    }
    XSSFDrawing drawing = sheet.createDrawingPatriarch();
    XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, 4, 1, 16, 24));
    chart.setTitleText(ReportLabels.TREND_TITLE);
    chart.setTitleOverlay(false);
    chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
    int last = points.size();
    XDDFDataSource<String> months = XDDFDataSourcesFactory.fromStringCellRange(sheet,
        new CellRangeAddress(1, last, 0, 0));
    XDDFNumericalDataSource<Double> cartons = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
        new CellRangeAddress(1, last, 1, 1));
    XDDFNumericalDataSource<Double> amounts = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
        new CellRangeAddress(1, last, 2, 2));

    XDDFCategoryAxis barMonths = chart.createCategoryAxis(AxisPosition.BOTTOM);
    XDDFValueAxis left = chart.createValueAxis(AxisPosition.LEFT);
    left.setTitle(ReportLabels.CARTONS);
    left.setCrosses(AxisCrosses.AUTO_ZERO);
    left.setMinimum(0);
    barMonths.crossAxis(left);
    left.crossAxis(barMonths);
    XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, barMonths, left);
    bars.setBarDirection(BarDirection.COL);
    bars.setVaryColors(false);
    XDDFChartData.Series cartonSeries = bars.addSeries(months, cartons);
    cartonSeries.setTitle(ReportLabels.CARTONS, new CellReference(sheet.getSheetName(), 0, 1, true, true));
    // explicit colours: without them some spreadsheet programs draw no bars and no line
    XDDFShapeProperties barShape = new XDDFShapeProperties();
    barShape.setFillProperties(solid(0x2E, 0x6F, 0xB5));
    cartonSeries.setShapeProperties(barShape);
    bars.setGapWidth(60);
    chart.plot(bars);

    // the amount on a second axis at the right, over the same months
    XDDFCategoryAxis lineMonths = chart.createCategoryAxis(AxisPosition.BOTTOM);
    lineMonths.setVisible(false);
    XDDFValueAxis right = chart.createValueAxis(AxisPosition.RIGHT);
    right.setTitle(ReportLabels.AMOUNT);
    right.setCrosses(AxisCrosses.MAX);
    right.setMinimum(0);
    lineMonths.crossAxis(right);
    right.crossAxis(lineMonths);
    XDDFLineChartData line = (XDDFLineChartData) chart.createData(ChartTypes.LINE, lineMonths, right);
    line.setVaryColors(false);
    XDDFChartData.Series amountSeries = line.addSeries(months, amounts);
    amountSeries.setTitle(ReportLabels.AMOUNT, new CellReference(sheet.getSheetName(), 0, 2, true, true));
    XDDFLineProperties stroke = new XDDFLineProperties(solid(0xD9, 0x6B, 0x1E));
    stroke.setWidth(2.25);
    XDDFShapeProperties lineShape = new XDDFShapeProperties();
    lineShape.setLineProperties(stroke);
    amountSeries.setShapeProperties(lineShape);
    ((XDDFLineChartData.Series) amountSeries).setMarkerStyle(MarkerStyle.CIRCLE);
    ((XDDFLineChartData.Series) amountSeries).setSmooth(false);
    chart.plot(line);
  }

  private void priceClasses() {
    XSSFSheet sheet = sheet("價類", new int[] {10, 14, 18, 10}, "價類", ReportLabels.CARTONS, ReportLabels.AMOUNT, "佔比");
    List<PriceClassLine> lines = ReportLabels.list(content.byPriceClass());
    int r = 1;
    for (PriceClassLine l : lines) {
      XSSFRow row = sheet.createRow(r++);
      text(row, 0, ReportLabels.priceClass(l.priceClass()));
      quantity(row, 1, l.cartons());
      quantity(row, 2, l.amount());
      percentage(row, 3, l.sharePercent(), percent);
    }
    if (lines.isEmpty()) {
      nothing(sheet, 1);
      return;
    }
    XSSFDrawing drawing = sheet.createDrawingPatriarch();
    XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, 5, 1, 13, 20));
    chart.setTitleText(ReportLabels.PRICE_CLASS_TITLE);
    chart.setTitleOverlay(false);
    chart.getOrAddLegend().setPosition(LegendPosition.RIGHT);
    XDDFPieChartData pie = (XDDFPieChartData) chart.createData(ChartTypes.PIE, null, null);
    pie.setVaryColors(true);
    XDDFPieChartData.Series series = (XDDFPieChartData.Series) pie.addSeries(
        XDDFDataSourcesFactory.fromStringCellRange(sheet, new CellRangeAddress(1, lines.size(), 0, 0)),
        XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(1, lines.size(), 1, 1)));
    series.setTitle(ReportLabels.CARTONS, new CellReference(sheet.getSheetName(), 0, 1, true, true));
    // one colour per slice, as in the PDF's pie; labels: price class and share
    for (int i = 0; i < lines.size(); i++) {
      int[] rgb = SLICE_COLOURS[i % SLICE_COLOURS.length];
      series.getDataPoint(i).setFillProperties(solid(rgb[0], rgb[1], rgb[2]));
    }
    CTDLbls labels = series.getCTPieSer().addNewDLbls();
    labels.addNewShowLegendKey().setVal(false);
    labels.addNewShowVal().setVal(false);
    labels.addNewShowCatName().setVal(true);
    labels.addNewShowSerName().setVal(false);
    labels.addNewShowPercent().setVal(true);
    labels.addNewShowBubbleSize().setVal(false);
    chart.plot(pie);
  }

  private void brands() {
    XSSFSheet sheet = sheet("品牌", new int[] {12, 22, 8, 14, 18, 10, 14, 16},
        "品牌代碼", "品牌", "價類", ReportLabels.CARTONS, ReportLabels.AMOUNT, "佔比", "上月(條)", "去年同月(條)");
    List<BrandLine> lines = ReportLabels.list(content.byBrand());
    int r = 1;
    for (BrandLine l : lines) {
      XSSFRow row = sheet.createRow(r++);
      text(row, 0, l.brandCode());
      text(row, 1, l.brandName());
      text(row, 2, ReportLabels.priceClass(l.priceClass()));
      quantity(row, 3, l.cartons());
      quantity(row, 4, l.amount());
      percentage(row, 5, l.sharePercent(), percent);
      quantity(row, 6, l.previousMonthCartons());
      quantity(row, 7, l.lastYearCartons());
    }
    if (lines.isEmpty()) {
      nothing(sheet, 1);
    }
  }

  private void customerChanges() {
    XSSFSheet sheet = sheet("客戶變化", new int[] {10, 14, 26, 12, 12, 12, 10},
        "類別", "客戶編號", "店名", "本月(條)", "上月(條)", "變化(條)", "變化率");
    int r = changeRows(sheet, 1, "增長", content.largestGrowth());
    changeRows(sheet, r, "下降", content.largestDrop());
  }

  private int changeRows(XSSFSheet sheet, int r, String kind, List<CustomerChange> changes) {
    List<CustomerChange> lines = ReportLabels.list(changes);
    if (lines.isEmpty()) {
      XSSFRow row = sheet.createRow(r);
      text(row, 0, kind);
      text(row, 1, ReportFormat.NOTHING);
      return r + 1;
    }
    for (CustomerChange c : lines) {
      XSSFRow row = sheet.createRow(r++);
      text(row, 0, kind);
      text(row, 1, c.customerCode());
      text(row, 2, c.storeName());
      quantity(row, 3, c.cartons());
      quantity(row, 4, c.previousCartons());
      quantity(row, 5, c.change());
      percentage(row, 6, c.changePercent(), change);
    }
    return r;
  }

  private void customersWithoutOrders() {
    XSSFSheet sheet = sheet("無訂單客戶", new int[] {14, 30, 8}, "客戶編號", "店名", "檔位");
    List<CustomerRef> lines = ReportLabels.list(content.customersWithoutOrders());
    int r = 1;
    for (CustomerRef c : lines) {
      XSSFRow row = sheet.createRow(r++);
      text(row, 0, c.customerCode());
      text(row, 1, c.storeName());
      integer(row, 2, c.grade());
    }
    if (lines.isEmpty()) {
      nothing(sheet, 1);
    }
  }

  private void specialVisits() {
    XSSFSheet sheet = sheet("特殊訪問", new int[] {12, 14, 24, 40, 40}, "日期", "客戶編號", "店名", "特殊情況", "處理");
    List<SpecialVisitLine> lines = ReportLabels.list(content.specialVisits());
    int r = 1;
    for (SpecialVisitLine v : lines) {
      XSSFRow row = sheet.createRow(r++);
      date(row, 0, v.date());
      text(row, 1, v.customerCode());
      text(row, 2, v.storeName());
      wrapped(row, 3, v.situation());
      wrapped(row, 4, v.handling());
    }
    if (lines.isEmpty()) {
      nothing(sheet, 1);
    }
  }

  private void complaints() {
    XSSFSheet sheet = sheet("投訴", new int[] {14, 12, 14, 24, 14, 40, 10},
        "案號", "日期", "客戶編號", "店名", "品牌", "摘要", "狀態");
    List<ComplaintLine> lines = ReportLabels.list(content.complaints());
    int r = 1;
    for (ComplaintLine c : lines) {
      XSSFRow row = sheet.createRow(r++);
      text(row, 0, c.caseNumber());
      date(row, 1, c.date());
      text(row, 2, c.customerCode());
      text(row, 3, c.storeName());
      text(row, 4, c.brandName());
      wrapped(row, 5, c.summary());
      text(row, 6, c.status());
    }
    if (lines.isEmpty()) {
      nothing(sheet, 1);
    }
  }

  private void forecast() {
    XSSFSheet sheet = sheet("預測", new int[] {28, 30}, "項目", "數值");
    Forecast f = content.forecast();
    if (f == null) {
      nothing(sheet, 1);
      return;
    }
    int r = 1;
    XSSFRow row = sheet.createRow(r++);
    text(row, 0, "預測月份");
    text(row, 1, f.month() == null ? null : f.month().toString());
    row = sheet.createRow(r++);
    text(row, 0, "預測" + ReportLabels.CARTONS);
    quantity(row, 1, f.cartons());
    row = sheet.createRow(r++);
    text(row, 0, "預測" + ReportLabels.AMOUNT);
    quantity(row, 1, f.amount());
    row = sheet.createRow(r++);
    text(row, 0, "預測方法");
    wrapped(row, 1, f.method());
    row = sheet.createRow(r++);
    text(row, 0, "回測誤差 MAPE(近" + f.backTestMonths() + "個月)");
    percentage(row, 1, f.mapePercent(), percent);
    row = sheet.createRow(r++);
    text(row, 0, "本月預測銷量(條)");
    quantity(row, 1, f.reportMonthForecastCartons());
    row = sheet.createRow(r++);
    text(row, 0, "本月實際銷量(條)");
    quantity(row, 1, f.reportMonthActualCartons());
    row = sheet.createRow(r);
    text(row, 0, "本月預測誤差");
    percentage(row, 1, f.reportMonthErrorPercent(), change);
  }

  // --- building blocks

  private XSSFSheet sheet(String name, int[] widths, String... headers) {
    XSSFSheet sheet = workbook.createSheet(name);
    for (int c = 0; c < widths.length; c++) {
      sheet.setColumnWidth(c, widths[c] * 256);
    }
    headerRow(sheet, 0, headers);
    sheet.createFreezePane(0, 1);
    return sheet;
  }

  private void headerRow(XSSFSheet sheet, int r, String... headers) {
    XSSFRow row = sheet.createRow(r);
    for (int c = 0; c < headers.length; c++) {
      XSSFCell cell = row.createCell(c);
      cell.setCellValue(headers[c]);
      cell.setCellStyle(header);
    }
  }

  private void nothing(XSSFSheet sheet, int r) {
    text(sheet.createRow(r), 0, ReportFormat.NOTHING);
  }

  private void cell(XSSFSheet sheet, int r, int c, String value, CellStyle style) {
    XSSFRow row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
    XSSFCell cell = row.createCell(c);
    cell.setCellValue(value);
    cell.setCellStyle(style);
  }

  private void text(XSSFRow row, int c, String value) {
    XSSFCell cell = row.createCell(c);
    cell.setCellValue(ReportFormat.value(value));
    cell.setCellStyle(text);
  }

  private void wrapped(XSSFRow row, int c, String value) {
    XSSFCell cell = row.createCell(c);
    cell.setCellValue(ReportFormat.value(value));
    cell.setCellStyle(wrapped);
  }

  private void none(XSSFRow row, int c) {
    XSSFCell cell = row.createCell(c);
    cell.setCellValue(ReportFormat.NONE);
    cell.setCellStyle(none);
  }

  private void quantity(XSSFRow row, int c, BigDecimal value) {
    if (value == null) {
      none(row, c);
      return;
    }
    XSSFCell cell = row.createCell(c);
    cell.setCellValue(value.doubleValue());
    cell.setCellStyle(quantity);
  }

  private void integer(XSSFRow row, int c, int value) {
    XSSFCell cell = row.createCell(c);
    cell.setCellValue(value);
    cell.setCellStyle(integer);
  }

  /** Plain percentages (12.5) become Excel fractions (0.125) shown with a percent format. */
  private void percentage(XSSFRow row, int c, BigDecimal plainPercent, CellStyle style) {
    if (plainPercent == null) {
      none(row, c);
      return;
    }
    XSSFCell cell = row.createCell(c);
    cell.setCellValue(plainPercent.movePointLeft(2).doubleValue());
    cell.setCellStyle(style);
  }

  private void date(XSSFRow row, int c, LocalDate value) {
    if (value == null) {
      none(row, c);
      return;
    }
    XSSFCell cell = row.createCell(c);
    cell.setCellValue(value);
    cell.setCellStyle(date);
  }

  private static XDDFSolidFillProperties solid(int red, int green, int blue) {
    return new XDDFSolidFillProperties(XDDFColor.from(new byte[] {(byte) red, (byte) green, (byte) blue}));
  }

  private CellStyle bordered() {
    CellStyle style = workbook.createCellStyle();
    style.setBorderTop(BorderStyle.THIN);
    style.setBorderBottom(BorderStyle.THIN);
    style.setBorderLeft(BorderStyle.THIN);
    style.setBorderRight(BorderStyle.THIN);
    style.setVerticalAlignment(VerticalAlignment.CENTER);
    return style;
  }

  private CellStyle numeric(String format) {
    CellStyle style = bordered();
    style.setDataFormat(workbook.createDataFormat().getFormat(format));
    style.setAlignment(HorizontalAlignment.RIGHT);
    return style;
  }

  /** Lines a text takes in a cell of {@code width} characters; a Chinese character counts two. */
  static int lines(String text, int width) {
    int lines = 0;
    for (String paragraph : text.split("\n", -1)) {
      int w = 0;
      for (int i = 0; i < paragraph.length(); i++) {
        w += paragraph.charAt(i) < 0x2E80 ? 1 : 2;
      }
      lines += Math.max(1, (w + width - 1) / width);
    }
    return lines;
  }
}

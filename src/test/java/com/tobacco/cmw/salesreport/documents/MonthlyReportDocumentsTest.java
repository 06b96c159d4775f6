package com.tobacco.cmw.salesreport.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tobacco.cmw.salesreport.MonthlyReportContent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The documents made and read back: PDF with PDFBox, the workbook with POI. */
class MonthlyReportDocumentsTest {

  private static final MonthlyReportDocuments DOCUMENTS = ReportContents.DOCUMENTS;
  private static byte[] fullPdf;
  private static byte[] fullExcel;

  @BeforeAll
  static void makeDocuments() {
    fullPdf = DOCUMENTS.pdf(ReportContents.full());
    fullExcel = DOCUMENTS.excel(ReportContents.full());
  }

  // --- PDF

  @Test
  void pdfShowsTheManagerTheMonthAndItsTotalsAsFormatted() throws IOException {
    String text = pdfText(fullPdf);

    assertThat(text).startsWith("《客戶月度銷售情況分析報告》")
        .contains("張偉(zhangwei)", "東區(EAST)", "2026年10月", "RPT-zhangwei-2026-10")
        .contains("12,345.50", "49.38", "1,234,567.89", "+4.6%", "+7.4%")
        .contains("第 1 頁 / 共 ");
    assertThat(text).doesNotContain("null");
  }

  @Test
  void pdfHasTheFourSectionsOfTheProcedureAndEveryPart() throws IOException {
    String text = pdfText(fullPdf);

    assertThat(text).contains(ReportLabels.SECTION_HEADINGS.toArray(String[]::new))
        .contains("一、主要指標", "近13個月銷量趨勢", "價類結構", "品牌結構", "銷量增長最多的客戶", "銷量下降最多的客戶",
            "本月無訂單客戶", "特殊訪問記錄", "質量投訴", "次月預測")
        .contains("門店裝修暫停營業兩週", "QC-2026-0012", "季節性加趨勢", "4.3%", "南路小賣部10", "西門便利店10");
  }

  @Test
  void pdfListsAllTwentyBrandsAndWrapsLongTextWithoutLosingIt() throws IOException {
    String text = pdfText(fullPdf);

    for (int i = 1; i < ReportContents.BRANDS; i++) {
      assertThat(text).contains("品牌" + i + "號");
    }
    assertThat(text).contains(ReportContents.LAST_BRAND);
    // section a) is 60 sentences long: wrapped over many lines, its last sentence still there
    String withoutBreaks = text.replace("\n", "").replace("\r", "");
    assertThat(withoutBreaks).contains(ReportContents.SECTION_A_END);
    long linesOfSectionA = text.lines().filter(l -> l.contains("穩中有升")).count();
    assertThat(linesOfSectionA).isGreaterThan(10);
  }

  @Test
  void pdfEmbedsTheChineseFontWithAUnicodeMap() throws IOException {
    try (PDDocument pdf = Loader.loadPDF(fullPdf)) {
      assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(3);
      List<PDFont> fonts = new ArrayList<>();
      for (PDPage page : pdf.getPages()) {
        PDResources resources = page.getResources();
        for (var name : resources.getFontNames()) {
          fonts.add(resources.getFont(name));
        }
      }
      assertThat(fonts).isNotEmpty().allSatisfy(font -> {
        assertThat(font).isInstanceOf(PDType0Font.class);
        assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
        assertThat(font.getName()).contains("NotoSansSC");
        assertThat(font.getCOSObject().containsKey(org.apache.pdfbox.cos.COSName.TO_UNICODE)).isTrue();
      });
      // the two charts are images in the PDF
      long images = 0;
      for (PDPage page : pdf.getPages()) {
        for (var name : page.getResources().getXObjectNames()) {
          if (page.getResources().isImageXObject(name)) {
            images++;
          }
        }
      }
      assertThat(images).isEqualTo(2);
    }
  }

  @Test
  void emptyReportSaysNothingInsteadOfNullOrFailing() throws IOException {
    String text = pdfText(DOCUMENTS.pdf(ReportContents.empty()));

    assertThat(text).contains("李娜(lina)", "0.00", "—", "無").doesNotContain("null");
    // every empty part says 無 on a line of its own: sections a–d, trend, price classes, brands,
    // growth, drop, no orders, special visits, complaints, forecast; no chart without data
    assertThat(text.lines().filter(l -> l.strip().equals("無")).count()).isEqualTo(13);
    try (PDDocument pdf = Loader.loadPDF(DOCUMENTS.pdf(ReportContents.empty()))) {
      for (PDPage page : pdf.getPages()) {
        for (var name : page.getResources().getXObjectNames()) {
          assertThat(page.getResources().isImageXObject(name)).isFalse();
        }
      }
    }
  }

  @Test
  void documentsMadeAtTheSameTimeShareTheFontSafely() throws Exception {
    // two managers download at once: the font objects are shared, each document gets its own glyphs
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<byte[]>> pdfs = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        MonthlyReportContent content = i % 2 == 0 ? ReportContents.full() : ReportContents.empty();
        pdfs.add(pool.submit(() -> DOCUMENTS.pdf(content)));
      }
      for (int i = 0; i < pdfs.size(); i++) {
        String text = pdfText(pdfs.get(i).get());
        assertThat(text).contains(i % 2 == 0 ? "張偉(zhangwei)" : "李娜(lina)");
        if (i % 2 == 0) {
          assertThat(text).contains("12,345.50", ReportContents.LAST_BRAND);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void nullContentIsRefusedClearly() {
    assertThatThrownBy(() -> DOCUMENTS.pdf(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("monthly report's content is required");
    assertThatThrownBy(() -> DOCUMENTS.excel(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("monthly report's content is required");
  }

  // --- Excel

  @Test
  void excelHasOneSheetPerPartWithTheManagerAndTotalsAsNumbers() throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(fullExcel))) {
      assertThat(sheetNames(workbook))
          .containsExactly("概要", "趨勢", "價類", "品牌", "客戶變化", "無訂單客戶", "特殊訪問", "投訴", "預測");
      Sheet summary = workbook.getSheet("概要");
      assertThat(rowAfter(summary, "客戶經理").getCell(1).getStringCellValue()).isEqualTo("張偉");
      Row cartons = rowAfter(summary, ReportLabels.CARTONS);
      assertThat(cartons.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(cartons.getCell(1).getNumericCellValue()).isEqualTo(12345.50);
      assertThat(cartons.getCell(1).getCellStyle().getDataFormatString()).isEqualTo(ReportWorkbook.QUANTITY_FORMAT);
      assertThat(rowAfter(summary, ReportLabels.AMOUNT).getCell(1).getNumericCellValue()).isEqualTo(1234567.89);
      Cell mom = rowAfter(summary, ReportLabels.MONTH_ON_MONTH).getCell(1);
      assertThat(mom.getNumericCellValue()).isCloseTo(0.046207, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(mom.getCellStyle().getDataFormatString()).isEqualTo(ReportWorkbook.CHANGE_FORMAT);
      assertThat(cellTexts(summary)).contains(ReportLabels.SECTION_HEADINGS.toArray(String[]::new));
      assertThat(workbook.getFontAt(0).getFontName()).isEqualTo(ReportWorkbook.FONT_NAME);
    }
  }

  @Test
  void excelHasAllBrandsAndTheTrendAndNativeCharts() throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(fullExcel))) {
      XSSFSheet brands = workbook.getSheet("品牌");
      assertThat(brands.getLastRowNum()).isEqualTo(ReportContents.BRANDS);
      assertThat(brands.getRow(ReportContents.BRANDS).getCell(1).getStringCellValue()).isEqualTo(ReportContents.LAST_BRAND);
      assertThat(brands.getColumnWidth(1)).isGreaterThanOrEqualTo(20 * 256);

      XSSFSheet trend = workbook.getSheet("趨勢");
      assertThat(trend.getLastRowNum()).isEqualTo(13);
      assertThat(trend.getRow(13).getCell(0).getStringCellValue()).isEqualTo("2026-10");
      XSSFChart trendChart = onlyChart(trend);
      assertThat(trendChart.getTitleText().getString()).isEqualTo(ReportLabels.TREND_TITLE);
      assertThat(trendChart.getChartSeries()).hasSize(2);

      XSSFChart pie = onlyChart(workbook.getSheet("價類"));
      assertThat(pie.getChartSeries()).singleElement()
          .satisfies(data -> assertThat(data).isInstanceOf(org.apache.poi.xddf.usermodel.chart.XDDFPieChartData.class));
      assertThat(pie.getChartSeries().get(0).getSeriesCount()).isEqualTo(1);
      assertThat(pie.getChartSeries().get(0).getSeries(0).getCategoryData().getPointCount()).isEqualTo(5);
      // coloured slices labelled with their share (without colours some programs draw no pie)
      var slices = ((org.apache.poi.xddf.usermodel.chart.XDDFPieChartData.Series)
          pie.getChartSeries().get(0).getSeries(0)).getCTPieSer();
      assertThat(slices.getDPtList()).hasSize(5).allSatisfy(point -> assertThat(point.getSpPr().isSetSolidFill()).isTrue());
      assertThat(slices.getDLbls().getShowPercent().getVal()).isTrue();

      Row drop = rowAfter(workbook.getSheet("客戶變化"), "下降");
      assertThat(drop.getCell(5).getNumericCellValue()).isEqualTo(-41.0);
      assertThat(drop.getCell(6).getStringCellValue()).isEqualTo("—");
    }
  }

  @Test
  void emptyExcelSaysNothingAndHasNoChartWithoutData() throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(DOCUMENTS.excel(ReportContents.empty())))) {
      for (Sheet sheet : workbook) {
        assertThat(cellTexts(sheet)).as(sheet.getSheetName()).doesNotContain("null");
      }
      for (String name : List.of("趨勢", "價類", "品牌", "無訂單客戶", "特殊訪問", "投訴", "預測")) {
        assertThat(workbook.getSheet(name).getRow(1).getCell(0).getStringCellValue()).as(name).isEqualTo("無");
      }
      assertThat(workbook.getSheet("趨勢").getDrawingPatriarch()).isNull();
      Row mom = rowAfter(workbook.getSheet("概要"), ReportLabels.MONTH_ON_MONTH);
      assertThat(mom.getCell(1).getStringCellValue()).isEqualTo("—");
    }
  }

  @Test
  void downloadFileNamesSayWhoseReportAndWhichMonth() {
    assertThat(MonthlyReportDocuments.fileName(ReportContents.full(), "pdf"))
        .isEqualTo("客戶月度銷售情況分析報告-zhangwei-2026-10.pdf");
  }

  // --- helpers

  private static String pdfText(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  private static List<String> sheetNames(XSSFWorkbook workbook) {
    List<String> names = new ArrayList<>();
    workbook.forEach(s -> names.add(s.getSheetName()));
    return names;
  }

  /** The first row whose first cell is the given text. */
  private static Row rowAfter(Sheet sheet, String firstCell) {
    for (Row row : sheet) {
      Cell cell = row.getCell(0);
      if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(firstCell)) {
        return row;
      }
    }
    throw new AssertionError("no row " + firstCell + " in " + sheet.getSheetName());
  }

  private static List<String> cellTexts(Sheet sheet) {
    List<String> texts = new ArrayList<>();
    for (Row row : sheet) {
      for (Cell cell : row) {
        if (cell.getCellType() == CellType.STRING) {
          texts.add(cell.getStringCellValue());
        }
      }
    }
    return texts;
  }

  private static XSSFChart onlyChart(XSSFSheet sheet) {
    XSSFDrawing drawing = sheet.getDrawingPatriarch();
    assertThat(drawing).as("drawing of " + sheet.getSheetName()).isNotNull();
    assertThat(drawing.getCharts()).hasSize(1);
    return drawing.getCharts().get(0);
  }
}

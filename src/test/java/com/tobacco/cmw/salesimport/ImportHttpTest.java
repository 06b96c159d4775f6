package com.tobacco.cmw.salesimport;

import static com.tobacco.cmw.salesimport.Uploads.SALES_HEADER;
import static com.tobacco.cmw.salesimport.Uploads.csv;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tobacco.cmw.customer.SalesMonthChanges;
import com.tobacco.cmw.salesreport.MonthlyReportBuilder;
import com.tobacco.cmw.salesreport.SalesMonthSummary;
import com.tobacco.cmw.support.RestClient;
import com.tobacco.cmw.support.SpringTestBase;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The import over HTTP: uploads as sunli (卷煙經營部), encodings, Excel, all-or-nothing and
 * partial, re-import, the log, and who may import. Each test uses its own order dates, so the
 * shared database does not mix their lines.
 */
class ImportHttpTest extends SpringTestBase {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired SalesMonthSummary summary;
  @Autowired MonthlyReportBuilder reportBuilder;
  RestClient rest;

  @AfterEach
  void removeImportedData() {
    ImportCleanup.removeImportedData(jdbc);
  }

  @BeforeEach
  void setUp() {
    rest = new RestClient(port);
  }

  HttpResponse<String> upload(String user, String kind, String fileName, byte[] content) {
    return upload(user, "/api/imports/" + kind, fileName, "text/csv", content);
  }

  HttpResponse<String> upload(String user, String path, String fileName, String contentType, byte[] content) {
    return rest.send(user, "demo", Uploads.upload(port, path, fileName, contentType, content));
  }

  static String text(Object value) {
    return value == null ? "" : value.toString();
  }

  JsonNode body(HttpResponse<String> r) throws Exception {
    return json.readTree(r.body());
  }

  long lines(String date) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM cm_sales_line WHERE order_date = ?", Long.class, LocalDate.parse(date));
  }

  BigDecimal cartons(String date) {
    return jdbc.queryForObject("SELECT COALESCE(SUM(quantity_cartons), 0) FROM cm_sales_line WHERE order_date = ?",
        BigDecimal.class, LocalDate.parse(date));
  }

  @Test
  void aUtf8FileWithoutBomIsImportedAndLogged() throws Exception {
    byte[] file = Uploads.bytes(csv(SALES_HEADER,
        "C10001,2025-01-06,B001,2,760.00",
        "C10002,2025-01-06,B009,10,1100",
        "C20001,2025/1/6,B020,5,100"), StandardCharsets.UTF_8);
    HttpResponse<String> r = upload("sunli", "sales", "一月銷售.csv", file);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode b = body(r);
    assertThat(b.get("status").asText()).isEqualTo("IMPORTED");
    assertThat(b.get("encoding").asText()).isEqualTo("UTF-8");
    assertThat(b.get("format").asText()).isEqualTo("CSV");
    assertThat(b.get("read").asLong()).isEqualTo(3);
    assertThat(b.get("imported").asLong()).isEqualTo(3);
    assertThat(b.get("replaced").asLong()).isZero();
    assertThat(b.get("rejected").asLong()).isZero();
    assertThat(lines("2025-01-06")).isEqualTo(3);
    assertThat(jdbc.queryForObject("SELECT source_key FROM cm_sales_line WHERE customer_code = 'C20001' AND order_date = ?",
        String.class, LocalDate.of(2025, 1, 6))).isEqualTo("day:C20001:2025-01-06:B020");

    JsonNode logged = body(rest.get("sunli", "/api/imports?limit=5")).get(0);
    assertThat(logged.get("id").asLong()).isEqualTo(b.get("importId").asLong());
    assertThat(logged.get("fileName").asText()).isEqualTo("一月銷售.csv");
    assertThat(logged.get("importedBy").asText()).isEqualTo("sunli");
    assertThat(logged.get("kind").asText()).isEqualTo("SALES");
    assertThat(logged.get("encoding").asText()).isEqualTo("UTF-8");
    assertThat(logged.get("status").asText()).isEqualTo("IMPORTED");
    assertThat(logged.get("imported").asLong()).isEqualTo(3);
  }

  @Test
  void aGbkFileIsDetectedAndItsChineseHeaderRead() throws Exception {
    String text = csv("客户编码,订单日期,品牌编码,数量(条),金额(元),备注",
        "C10003,2025-01-07,B002,3,900,春节前备货",
        "C10004,2025-01-07,B003,1,520,");
    byte[] gbk = Uploads.bytes(text, Uploads.GBK);
    assertThat(gbk).isNotEqualTo(text.getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r = upload("sunli", "sales", "sales-gbk.csv", gbk);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(body(r).get("encoding").asText()).isEqualTo("GBK/GB18030");
    assertThat(lines("2025-01-07")).isEqualTo(2);
  }

  @Test
  void aUtf8FileWithBomIsImported() throws Exception {
    byte[] file = Uploads.utf8WithBom(csv(SALES_HEADER, "C10005,2025-01-08,B004,1,850"));
    HttpResponse<String> r = upload("admin", "sales", "bom.csv", file);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(body(r).get("encoding").asText()).isEqualTo("UTF-8 BOM");
    assertThat(lines("2025-01-08")).isEqualTo(1);
  }

  @Test
  void anExcelWorkbookIsImportedWithDateAndNumberCells() throws Exception {
    byte[] file = Uploads.xlsx(List.of("客戶編碼", "訂單日期", "品牌編碼", "數量(條)", "金額(元)"), List.of(
        List.of("C10006", LocalDate.of(2025, 1, 9), "B001", 4, 1520.0),
        List.of("C10007", "2025-01-09", "B005", 2, 380.0)));
    HttpResponse<String> r = upload("sunli", "/api/imports/sales", "sales.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(body(r).get("format").asText()).isEqualTo("XLSX");
    assertThat(body(r).get("imported").asLong()).isEqualTo(2);
    assertThat(cartons("2025-01-09")).isEqualByComparingTo("6");
    assertThat(jdbc.queryForObject("SELECT amount FROM cm_sales_line WHERE customer_code = 'C10006' AND order_date = ?",
        BigDecimal.class, LocalDate.of(2025, 1, 9))).isEqualByComparingTo("1520.00");
  }

  @Test
  void aFileWithErrorsImportsNothingAndReportsEveryBadRowWithItsNumber() throws Exception {
    byte[] file = Uploads.bytes(csv(SALES_HEADER,
        "C10001,2025-01-10,B001,1,380",
        "C10001,2025-13-01,B001,1,380",
        "",
        "C99999,2025-01-10,B001,1,380",
        "C10002,2025-01-10,B002,-3,900",
        "C10001,2025-01-10,B001,2,760"), StandardCharsets.UTF_8);
    HttpResponse<String> r = upload("sunli", "sales", "bad.csv", file);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
    JsonNode b = body(r);
    assertThat(b.get("status").asText()).isEqualTo("REJECTED");
    assertThat(b.get("read").asLong()).isEqualTo(5);
    assertThat(b.get("imported").asLong()).isZero();
    assertThat(b.get("rejected").asLong()).isEqualTo(4);
    assertThat(json.convertValue(b.get("rejects"), List.class)).containsExactly(
        Map.of("row", 3, "reason", "「訂單日期」的值「2025-13-01」不是有效日期,應為 yyyy-MM-dd / order date '2025-13-01' is not a date yyyy-MM-dd"),
        Map.of("row", 5, "reason", "客戶編碼「C99999」不存在 / unknown customer C99999"),
        Map.of("row", 6, "reason", "「數量(條)」必須大於 0,實為 -3 / quantity (cartons) must be greater than 0, is -3"),
        Map.of("row", 7, "reason", "與第 2 行重複(同一客戶、訂單日期和品牌)/ duplicate of row 2 (same customer, order date and brand)"));
    assertThat(b.get("message").asText()).isEqualTo(
        "文件有 4 行錯誤,未導入任何數據;可改正後重新導入,或選擇部分導入 / 4 rows have errors, nothing was imported; correct them or import with partial=true");
    assertThat(lines("2025-01-10")).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cm_sales_line WHERE import_id = ?", Long.class,
        b.get("importId").asLong())).isZero();
    JsonNode logged = body(rest.get("sunli", "/api/imports?limit=1")).get(0);
    assertThat(logged.get("status").asText()).isEqualTo("REJECTED");
    assertThat(logged.get("rejected").asLong()).isEqualTo(4);
  }

  @Test
  void partialImportWritesTheValidRowsAndReportsTheOthers() throws Exception {
    byte[] file = Uploads.bytes(csv(SALES_HEADER,
        "C10001,2025-01-13,B001,1,380",
        "C10001,2025-01-13,B999,1,380",
        "C10002,2025-01-13,B002,2,600",
        "C10002,2025-01-13,B002,5,1500"), StandardCharsets.UTF_8);
    HttpResponse<String> r = upload("sunli", "/api/imports/sales?partial=true", "partial.csv", "text/csv", file);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode b = body(r);
    assertThat(b.get("status").asText()).isEqualTo("PARTIAL");
    assertThat(b.get("imported").asLong()).isEqualTo(2);
    assertThat(b.get("rejected").asLong()).isEqualTo(2);
    assertThat(b.get("rejects").get(0).get("row").asLong()).isEqualTo(3);
    assertThat(b.get("rejects").get(1).get("row").asLong()).isEqualTo(5);
    // the first of two duplicates is kept
    assertThat(cartons("2025-01-13")).isEqualByComparingTo("3");
    assertThat(jdbc.queryForList("SELECT import_row FROM cm_sales_line WHERE import_id = ? ORDER BY import_row", Long.class,
        b.get("importId").asLong())).containsExactly(2L, 4L);
  }

  @Test
  void reImportingTheSameFileReplacesAndNeverDoubles() throws Exception {
    byte[] first = Uploads.bytes(csv(SALES_HEADER,
        "C10008,2025-01-14,B001,1,380",
        "C10008,2025-01-15,B001,2,760"), StandardCharsets.UTF_8);
    assertThat(upload("sunli", "sales", "week.csv", first).statusCode()).isEqualTo(200);
    HttpResponse<String> again = upload("sunli", "sales", "week.csv", first);
    assertThat(body(again).get("imported").asLong()).isEqualTo(2);
    assertThat(body(again).get("replaced").asLong()).isEqualTo(2);
    assertThat(lines("2025-01-14") + lines("2025-01-15")).isEqualTo(2);

    // an overlapping period with a corrected quantity: the line of the 15th is replaced, the 16th added
    byte[] overlap = Uploads.bytes(csv(SALES_HEADER,
        "C10008,2025-01-15,B001,3,1140",
        "C10008,2025-01-16,B001,1,380"), StandardCharsets.UTF_8);
    JsonNode b = body(upload("sunli", "sales", "overlap.csv", overlap));
    assertThat(b.get("replaced").asLong()).isEqualTo(1);
    assertThat(cartons("2025-01-14")).isEqualByComparingTo("1");
    assertThat(cartons("2025-01-15")).isEqualByComparingTo("3");
    assertThat(cartons("2025-01-16")).isEqualByComparingTo("1");
  }

  @Test
  void orderNumbersAreTheKeyWhenTheFileHasThem() throws Exception {
    String header = SALES_HEADER + ",訂單號,行號";
    byte[] file = Uploads.bytes(csv(header,
        "C10009,2025-01-17,B001,1,380,SO-1001,1",
        "C10009,2025-01-17,B001,2,760,SO-1002,1"), StandardCharsets.UTF_8);
    HttpResponse<String> r = upload("sunli", "sales", "orders.csv", file);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(lines("2025-01-17")).isEqualTo(2);
    assertThat(jdbc.queryForList("SELECT source_key FROM cm_sales_line WHERE order_date = ? ORDER BY source_key", String.class,
        LocalDate.of(2025, 1, 17))).containsExactly("order:SO-1001:1", "order:SO-1002:1");
    JsonNode again = body(upload("sunli", "sales", "orders.csv", file));
    assertThat(again.get("replaced").asLong()).isEqualTo(2);
    assertThat(lines("2025-01-17")).isEqualTo(2);
  }

  @Test
  void aDayLineReplacesTheDemoLineOfTheSameCustomerDayAndBrand() throws Exception {
    Map<String, Object> demo = jdbc.queryForMap("SELECT customer_code, order_date, brand_code, quantity_cartons, amount, source_key "
        + "FROM cm_sales_line WHERE source_key LIKE 'demo:%' ORDER BY id FETCH FIRST 1 ROWS ONLY");
    String customer = (String) demo.get("customer_code");
    LocalDate day = ((java.sql.Date) demo.get("order_date")).toLocalDate();
    String brand = (String) demo.get("brand_code");
    BigDecimal price = jdbc.queryForObject("SELECT wholesale_price_carton FROM cm_brand WHERE brand_code = ?", BigDecimal.class, brand);
    byte[] file = Uploads.bytes(csv(SALES_HEADER, customer + "," + day + "," + brand + ",7," + price.multiply(BigDecimal.valueOf(7))),
        StandardCharsets.UTF_8);
    try {
      JsonNode b = body(upload("sunli", "sales", "demo-day.csv", file));
      assertThat(b.get("replaced").asLong()).isEqualTo(1);
      assertThat(jdbc.queryForObject("SELECT SUM(quantity_cartons) FROM cm_sales_line WHERE customer_code = ? AND order_date = ? "
          + "AND brand_code = ?", BigDecimal.class, customer, day, brand)).isEqualByComparingTo("7");
    } finally {
      // the demo line back, for the other tests
      jdbc.update("DELETE FROM cm_sales_line WHERE customer_code = ? AND order_date = ? AND brand_code = ?", customer, day, brand);
      jdbc.update("INSERT INTO cm_sales_line (customer_code, order_date, brand_code, quantity_cartons, amount, source_key) "
          + "VALUES (?,?,?,?,?,?)", customer, day, brand, demo.get("quantity_cartons"), demo.get("amount"), demo.get("source_key"));
      new SalesMonthChanges(jdbc).markDays(List.of(day));
    }
  }

  // ---------------------------------------------------------------- months marked changed

  /** Marks of the month in cm_sales_month_changed (SalesMonthSummary#ensure consumes them). */
  long marks(YearMonth month) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM cm_sales_month_changed WHERE month_start = ?", Long.class, month.atDay(1));
  }

  Timestamp summarisedAt(YearMonth month) {
    return jdbc.queryForObject("SELECT summarised_at FROM cm_sales_month_summarised WHERE month_start = ?", Timestamp.class,
        month.atDay(1));
  }

  @Test
  void anImportIntoASummarisedMonthIsInTheNextRunsFigures() throws Exception {
    YearMonth month = YearMonth.of(2024, 12);
    summary.ensure(month, month);
    Timestamp summarised = summarisedAt(month);
    String manager = jdbc.queryForObject("SELECT manager_id FROM cm_customer WHERE customer_code = 'C10011'", String.class);
    BigDecimal before = reportBuilder.build(manager, month).totals().cartons();
    // summarised and unchanged: not summarised again
    assertThat(summary.ensure(month, month)).isZero();
    assertThat(summarisedAt(month)).isEqualTo(summarised);

    JsonNode b = body(upload("sunli", "sales", "late.csv", Uploads.bytes(csv(SALES_HEADER + ",訂單號,行號",
        "C10011,2024-12-30,B001,4,1520,SO-9001,1"),
        StandardCharsets.UTF_8)));
    assertThat(b.get("imported").asLong()).isEqualTo(1);
    assertThat(marks(month)).isEqualTo(1);
    assertThat(summary.ensure(month, month)).isEqualTo(1);
    assertThat(marks(month)).isZero();
    assertThat(reportBuilder.build(manager, month).totals().cartons()).isEqualByComparingTo(before.add(BigDecimal.valueOf(4)));
  }

  @Test
  void aReImportThatReplacesALineMarksItsOldAndNewMonth() throws Exception {
    YearMonth nov = YearMonth.of(2024, 11);
    YearMonth dec = YearMonth.of(2024, 12);
    String header = SALES_HEADER + ",訂單號,行號";
    byte[] file = Uploads.bytes(csv(header, "C10012,2024-12-12,B001,2,760,SO-9002,1"), StandardCharsets.UTF_8);
    assertThat(body(upload("sunli", "sales", "so-9002.csv", file)).get("imported").asLong()).isEqualTo(1);
    summary.ensure(nov, dec);
    assertThat(marks(nov) + marks(dec)).isZero();

    // the same file again replaces the line in place: its month is marked
    assertThat(body(upload("sunli", "sales", "so-9002.csv", file)).get("replaced").asLong()).isEqualTo(1);
    assertThat(marks(dec)).isEqualTo(1);
    assertThat(marks(nov)).isZero();
    summary.ensure(nov, dec);

    // a correction moves the line to November: both months changed
    byte[] moved = Uploads.bytes(csv(header, "C10012,2024-11-28,B001,2,760,SO-9002,1"), StandardCharsets.UTF_8);
    assertThat(body(upload("sunli", "sales", "so-9002-fix.csv", moved)).get("replaced").asLong()).isEqualTo(1);
    assertThat(marks(nov)).isEqualTo(1);
    assertThat(marks(dec)).isEqualTo(1);
    assertThat(summary.ensure(nov, dec)).isEqualTo(2);
  }

  @Test
  void aRejectedImportMarksNothing() throws Exception {
    YearMonth month = YearMonth.of(2024, 12);
    summary.ensure(month, month);
    HttpResponse<String> r = upload("sunli", "sales", "rejected.csv", Uploads.bytes(csv(SALES_HEADER,
        "C10013,2024-12-13,B001,1,380",
        "C99999,2024-12-13,B001,1,380"), StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
    assertThat(body(r).get("status").asText()).isEqualTo("REJECTED");
    assertThat(marks(month)).isZero();
    assertThat(summary.ensure(month, month)).isZero();
  }

  @Test
  void aZeroByteUploadIsRefused() throws Exception {
    HttpResponse<String> r = upload("sunli", "sales", "empty.csv", new byte[0]);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(body(r).get("message").asText()).isEqualTo("上傳的文件是空的(0 字節)/ the uploaded file is empty (0 bytes)");
  }

  @Test
  void aFileWithAHeaderAndNoRowsIsRefused() throws Exception {
    HttpResponse<String> r = upload("sunli", "sales", "header-only.csv", Uploads.bytes(csv(SALES_HEADER, "", ""), StandardCharsets.UTF_8));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(body(r).get("message").asText()).isEqualTo("文件中沒有數據行,只有表頭 / the file has no data rows below the header");
  }

  @Test
  void aFileOfBlankLinesHasNoHeader() throws Exception {
    HttpResponse<String> r = upload("sunli", "sales", "blank.csv", Uploads.utf8WithBom("\r\n\r\n"));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(body(r).get("message").asText()).isEqualTo("文件中沒有表頭(第 1 行)/ the file has no header row");
  }

  @Test
  void aMissingRequiredColumnIsNamed() throws Exception {
    HttpResponse<String> r = upload("sunli", "sales", "cols.csv", Uploads.bytes(csv("客戶編碼,訂單日期,品牌編碼", "C10001,2025-01-20,B001"),
        StandardCharsets.UTF_8));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(body(r).get("message").asText()).isEqualTo(
        "第 1 行(表頭)缺少必需的列:數量(條)、金額(元) / the header (row 1) lacks required columns: quantity (cartons), amount (yuan)");
  }

  @Test
  void aWrongFileTypeIsRefusedWith415() throws Exception {
    HttpResponse<String> pdf = upload("sunli", "/api/imports/sales", "sales.pdf", "application/pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII));
    assertThat(pdf.statusCode()).isEqualTo(415);
    assertThat(body(pdf).get("message").asText()).isEqualTo(
        "不支持的文件類型「sales.pdf」:請上傳 CSV(.csv)或 Excel(.xlsx)文件 / unsupported file type, upload a .csv or .xlsx file");
    HttpResponse<String> fakeXlsx = upload("sunli", "sales", "sales.xlsx", "not a workbook".getBytes(StandardCharsets.US_ASCII));
    assertThat(fakeXlsx.statusCode()).isEqualTo(415);
    assertThat(body(fakeXlsx).get("message").asText()).isEqualTo(
        "文件「sales.xlsx」的擴展名是 .xlsx,但內容不是 Excel 工作簿 / sales.xlsx is not an Excel .xlsx workbook");
    byte[] workbook = Uploads.xlsx(List.of("客戶編碼"), List.of());
    HttpResponse<String> xlsxAsCsv = upload("sunli", "sales", "sales.csv", workbook);
    assertThat(xlsxAsCsv.statusCode()).isEqualTo(415);
    assertThat(body(xlsxAsCsv).get("message").asText()).isEqualTo(
        "文件「sales.csv」的擴展名是 .csv,但內容不是文本 / sales.csv is not a CSV text file");
  }

  @Test
  void aRequestWithoutAFileGetsAClearMessage() throws Exception {
    HttpResponse<String> r = rest.post("sunli", "/api/imports/sales", "{}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(body(r).get("message").asText()).isEqualTo(ImportErrors.NO_FILE);
  }

  @Test
  void onlySalesOperationsAndAdministratorsMayImport() throws Exception {
    byte[] file = Uploads.bytes(csv(SALES_HEADER, "C10001,2025-01-21,B001,1,380"), StandardCharsets.UTF_8);
    HttpResponse<String> manager = upload("zhangwei", "sales", "s.csv", file);
    assertThat(manager.statusCode()).isEqualTo(403);
    assertThat(body(manager).get("message").asText()).isEqualTo(
        "用戶 zhangwei 無權導入數據:只有卷煙經營部和系統管理員可以導入 / only sales-operations and administrators may import data");
    assertThat(upload("wangfang", "sales", "s.csv", file).statusCode()).isEqualTo(403);
    assertThat(upload("auditor", "sales", "s.csv", file).statusCode()).isEqualTo(403);
    assertThat(upload(null, "sales", "s.csv", file).statusCode()).isEqualTo(401);
    assertThat(rest.get(null, "/api/imports").statusCode()).isEqualTo(401);
    assertThat(rest.get("zhangwei", "/api/imports").statusCode()).isEqualTo(403);
    assertThat(rest.get("auditor", "/api/imports").statusCode()).isEqualTo(200);
    assertThat(lines("2025-01-21")).isZero();
  }

  @Test
  void brandsAndCustomersAreImportedAndUpdated() throws Exception {
    byte[] brands = Uploads.bytes(csv("品牌編碼,品牌名稱,價類,批發價(元/條),最低零售價(元/包),最低零售價(元/條)",
        "B901,測試(硬),3,100.00,12.00,120.00",
        "B001,雲峰(硬金),1,390.00,46.00,460.00"), StandardCharsets.UTF_8);
    JsonNode b = body(upload("sunli", "brands", "brands.csv", brands));
    assertThat(b.get("status").asText()).isEqualTo("IMPORTED");
    assertThat(b.get("imported").asLong()).isEqualTo(2);
    assertThat(b.get("replaced").asLong()).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT name FROM cm_brand WHERE brand_code = 'B901'", String.class)).isEqualTo("測試(硬)");
    // put the price back for the other tests' amounts
    jdbc.update("UPDATE cm_brand SET wholesale_price_carton = 380, min_retail_price_pack = 45, min_retail_price_carton = 450 WHERE brand_code = 'B001'");

    String header = "客戶編碼,店名,許可證號,許可證有效期,地址,區域,客戶經理,等級,業態,聯繫人,電話,狀態,入網日期,退出日期";
    Map<String, Object> c10 = jdbc.queryForMap("SELECT * FROM cm_customer WHERE customer_code = 'C10010'");
    int grade = ((Number) c10.get("grade")).intValue();
    int newGrade = grade == 1 ? 2 : grade - 1;
    String same = String.join(",", "C10010", (String) c10.get("store_name"), (String) c10.get("licence_no"),
        c10.get("licence_expiry").toString(), (String) c10.get("address"), (String) c10.get("region_code"),
        (String) c10.get("manager_id"), String.valueOf(newGrade), (String) c10.get("business_type"),
        text(c10.get("contact_name")), text(c10.get("phone")), (String) c10.get("status"), text(c10.get("entry_date")), "");
    byte[] customers = Uploads.bytes(csv(header,
        "C30001,新開便利店,330102199001,2028-12-31,東區新路1號,EAST,zhangwei,3,便利店,王一,13500000000,正常,2025-01-01,",
        same), StandardCharsets.UTF_8);
    try {
      JsonNode c = body(upload("sunli", "customers", "customers.csv", customers));
      assertThat(c.get("status").asText()).as(c.toString()).isEqualTo("IMPORTED");
      assertThat(c.get("imported").asLong()).isEqualTo(2);
      assertThat(c.get("replaced").asLong()).isEqualTo(1);
      assertThat(jdbc.queryForObject("SELECT manager_id FROM cm_customer WHERE customer_code = 'C30001'", String.class)).isEqualTo("zhangwei");
      assertThat(jdbc.queryForObject("SELECT grade FROM cm_customer WHERE customer_code = 'C10010'", Integer.class)).isEqualTo(newGrade);
      // only the changed field is logged
      assertThat(jdbc.queryForList("SELECT field_name || '=' || new_value FROM cm_customer_change WHERE customer_code = 'C10010' "
          + "AND reason LIKE '數據導入%'", String.class)).containsExactly("grade=" + newGrade);
    } finally {
      jdbc.update("UPDATE cm_customer SET grade = ? WHERE customer_code = 'C10010'", grade);
    }
  }

  @Test
  void badCustomerRowsAreRejectedWithTheirReasons() throws Exception {
    String header = "客戶編碼,店名,許可證號,許可證有效期,地址,區域,客戶經理,等級,業態";
    String taken = jdbc.queryForObject("SELECT licence_no FROM cm_customer WHERE customer_code = 'C10011'", String.class);
    byte[] customers = Uploads.bytes(csv(header,
        "C30101,甲店,33010212345,2028-12-31,地址1,EAST,zhangwei,3,便利店",
        "C30102,乙店,330102199102,2028-12-31,地址2,NORTH,zhangwei,3,便利店",
        "C30103,丙店,330102199103,2028-12-31,地址3,EAST,lina,3,便利店",
        "C30104,丁店,330102199104,2028-12-31,地址4,EAST,sunli,6,便利店",
        "C30105,戊店," + taken + ",2028-12-31,地址5,EAST,zhangwei,3,便利店"), StandardCharsets.UTF_8);
    HttpResponse<String> r = upload("sunli", "customers", "bad-customers.csv", customers);
    assertThat(r.statusCode()).isEqualTo(422);
    JsonNode rejects = body(r).get("rejects");
    assertThat(rejects.get(0).get("reason").asText()).isEqualTo("許可證號「33010212345」格式不正確:應為 6 位行政區劃代碼 + 1 位持證人類型(1 個體、2 企業)+ 5 位序號"
        + " / licence number must be 6-digit area code, holder type 1 or 2, 5-digit serial");
    assertThat(rejects.get(1).get("reason").asText()).isEqualTo("區域「NORTH」不存在 / unknown region NORTH");
    assertThat(rejects.get(2).get("reason").asText()).isEqualTo("客戶經理「lina」屬於區域 WEST,與「區域」EAST 不符 / lina works in region WEST, not EAST");
    assertThat(rejects.get(3).get("reason").asText()).isEqualTo("客戶經理「sunli」不存在或不是在職的客戶經理 / sunli is not an active customer manager; "
        + "「等級」的值「6」應為 1 到 5 的整數 / grade '6' must be a whole number from 1 to 5");
    assertThat(rejects.get(4).get("reason").asText()).isEqualTo("許可證號「" + taken + "」已屬於客戶 C10011 / licence number " + taken
        + " belongs to customer C10011");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cm_customer WHERE customer_code LIKE 'C301%'", Long.class)).isZero();
  }
}

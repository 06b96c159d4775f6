package com.tobacco.cmw.complaint;

import static com.tobacco.cmw.complaint.RegisterFixture.no;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tobacco.cmw.support.RestClient;
import com.tobacco.cmw.support.SpringTestBase;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code /api/complaint-register} and {@code /api/complaint-statistics} over HTTP as each role:
 * the customer-service manager, the auditor and the administrator see every case, a regional
 * manager their region, a customer manager their own cases, everyone else 403; wrong filter
 * values are a 400 with a message; the Excel files and the chart are what they claim to be.
 */
class ComplaintRegisterHttpTest extends SpringTestBase {

  static final String PERIOD = "from=2026-02-01&to=2026-04-30&limit=1000";
  static final List<String> ALL = names("A1", "A2", "A3", "B1", "C1", "D1", "D2", "D3", "D4", "E1");

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  RestClient rest;
  RegisterFixture fixture;

  @BeforeEach
  void insert() {
    rest = new RestClient(port);
    fixture = new RegisterFixture(jdbc);
    fixture.insert();
  }

  @AfterEach
  void delete() {
    fixture.delete();
  }

  @Test
  void eachRoleSeesItsScope() throws Exception {
    assertThat(cases("wuqiang", PERIOD)).containsExactlyInAnyOrderElementsOf(ALL);
    assertThat(cases("auditor", PERIOD)).containsExactlyInAnyOrderElementsOf(ALL);
    assertThat(cases("admin", PERIOD)).containsExactlyInAnyOrderElementsOf(ALL);
    List<String> east = new ArrayList<>(ALL);
    east.remove(no("C1"));
    assertThat(cases("wangfang", PERIOD)).containsExactlyInAnyOrderElementsOf(east);
    assertThat(cases("zhangwei", PERIOD)).containsExactlyInAnyOrderElementsOf(east);
    assertThat(cases("chenjing", PERIOD)).containsExactly(no("C1"));
    assertThat(cases("lina", PERIOD)).containsExactly(no("C1"));
    // asking for another's region or cases gives nothing, not more
    assertThat(cases("chenjing", PERIOD + "&region=EAST")).isEmpty();
    assertThat(cases("lina", PERIOD + "&manager=zhangwei")).isEmpty();

    for (String user : List.of("liuyang", "zhaolei", "sunli", "zhoumin")) {
      for (String path : List.of("/api/complaint-register", "/api/complaint-register.xlsx", "/api/complaint-statistics",
          "/api/complaint-statistics.xlsx", "/api/complaint-statistics/chart.png")) {
        HttpResponse<String> r = rest.get(user, path);
        assertThat(r.statusCode()).as(user + " " + path).isEqualTo(403);
        assertThat(r.body()).contains("無權查看客戶投訴案件登記追蹤表").contains("not allowed");
      }
    }
    assertThat(rest.get(null, "/api/complaint-register").statusCode()).isEqualTo(401);
  }

  @Test
  void rowsCarryTheStepsAndTheFiltersNarrow() throws Exception {
    JsonNode page = json.readTree(rest.get("wuqiang", "/api/complaint-register?customer=" + fixture.eastCustomer
        + "&brand=" + RegisterFixture.BRAND_1 + "&from=2026-02-12&to=2026-02-12").body());
    assertThat(page.get("total").asInt()).isEqualTo(1);
    JsonNode a1 = page.get("rows").get(0);
    assertThat(a1.get("caseNo").asText()).isEqualTo(no("A1"));
    assertThat(a1.get("storeName").asText()).isNotBlank();
    assertThat(a1.get("regionName").asText()).isEqualTo("東區");
    assertThat(a1.get("managerName").asText()).isEqualTo("張偉");
    assertThat(a1.get("brandName").asText()).isEqualTo("測試品牌甲");
    assertThat(a1.get("reviewedBy").asText()).isEqualTo("wangfang");
    assertThat(a1.get("reviewedAt").asText()).startsWith("2026-02-24T07:00");
    assertThat(a1.get("causeName").asText()).isEqualTo("生產質量問題");
    assertThat(a1.get("currentStepName").asText()).isEqualTo("結案");
    assertThat(a1.get("resolutionDays").asInt()).isEqualTo(3);
    assertThat(a1.get("closedOnTime").asBoolean()).isTrue();
    assertThat(a1.get("overdue").asBoolean()).isFalse();
    assertThat(a1.get("result").asText()).isEqualTo("REPLACED");

    // B1 is open past its review deadline; E1 is open within its deadlines
    assertThat(cases("wuqiang", PERIOD + "&overdue=true")).containsExactly(no("B1"));
    assertThat(cases("wuqiang", PERIOD + "&status=open")).containsExactlyInAnyOrderElementsOf(names("B1", "E1"));
    assertThat(cases("wuqiang", PERIOD + "&step=inspection")).containsExactly(no("E1"));
    assertThat(cases("wuqiang", PERIOD + "&cause=TRANSPORT")).containsExactly(no("C1"));
    assertThat(cases("wuqiang", PERIOD + "&result=rejected")).containsExactlyInAnyOrderElementsOf(names("A3", "D3"));
    assertThat(cases("wuqiang", "status=closed&region=EAST&manager=zhangwei&from=2026-04-01&to=2026-04-30"))
        .containsExactlyInAnyOrderElementsOf(names("D1", "D2", "D3", "D4"));
    JsonNode overdue = json.readTree(rest.get("wuqiang", "/api/complaint-register?overdue=true&brand="
        + RegisterFixture.BRAND_2).body()).get("rows").get(0);
    assertThat(overdue.get("escalations").asInt()).isEqualTo(1);
    assertThat(overdue.get("currentStepName").asText()).isEqualTo("區域市場經理審核");

    // paging: newest report first
    JsonNode first = json.readTree(rest.get("wuqiang", "/api/complaint-register?brand=" + RegisterFixture.BRAND_1
        + "&limit=2&offset=1").body());
    assertThat(first.get("total").asInt()).isEqualTo(8);
    assertThat(first.get("rows")).hasSize(2);
    assertThat(first.get("rows").get(0).get("caseNo").asText()).isEqualTo(no("D1"));
  }

  @Test
  void badFilterValuesAreRefusedWithAMessage() {
    bad("/api/complaint-register?from=2026-13-01", "from", "yyyy-MM-dd");
    bad("/api/complaint-register?from=2026-03-01&to=2026-02-01", "to", "before");
    bad("/api/complaint-register?cause=BROKEN", "cause", "MANUFACTURING");
    bad("/api/complaint-register?step=DONE", "step", "INSPECTION");
    bad("/api/complaint-register?status=maybe", "status", "OPEN");
    bad("/api/complaint-register?overdue=perhaps", "overdue", "true");
    bad("/api/complaint-register?result=LOST", "result", "REPLACED");
    bad("/api/complaint-register?limit=x", "limit", "整數");
    bad("/api/complaint-register?limit=0", "limit", "1");
    bad("/api/complaint-register.xlsx?cause=x", "cause", "TRANSPORT");
    bad("/api/complaint-statistics?from=2026-1", "from", "yyyy-MM");
    bad("/api/complaint-statistics?from=2026-05&to=2026-04", "結束月份早於開始月份", "before");
    bad("/api/complaint-statistics/chart.png?cause=x", "cause", "OTHER");
  }

  @Test
  void theRegisterAsExcel() throws Exception {
    HttpResponse<byte[]> r = rest.getBytes("wuqiang", "/api/complaint-register.xlsx?brand=" + RegisterFixture.BRAND_2);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith(ComplaintWorkbook.CONTENT_TYPE);
    assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains("attachment").contains(".xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
      Sheet sheet = wb.getSheetAt(0);
      assertThat(sheet.getSheetName()).isEqualTo("客戶投訴案件登記追蹤表");
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("客戶投訴案件登記追蹤表");
      assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).contains("品牌 ZTB2").contains("共 2 件");
      Row heading = sheet.getRow(2);
      assertThat(heading.getCell(0).getStringCellValue()).isEqualTo("案件編號");
      assertThat(heading.getCell(28).getStringCellValue()).isEqualTo("當前環節");
      assertThat(heading.getCell(31).getStringCellValue()).isEqualTo("是否逾期");
      assertThat(sheet.getLastRowNum()).isEqualTo(ComplaintWorkbook.FIRST_DATA_ROW + 1);
      Row e1 = sheet.getRow(ComplaintWorkbook.FIRST_DATA_ROW);
      Row b1 = sheet.getRow(ComplaintWorkbook.FIRST_DATA_ROW + 1);
      assertThat(e1.getCell(0).getStringCellValue()).isEqualTo(no("E1"));
      assertThat(e1.getCell(13).getStringCellValue()).isEmpty();
      assertThat(e1.getCell(28).getStringCellValue()).isEqualTo("現場查看不合格品");
      assertThat(e1.getCell(31).getStringCellValue()).isEqualTo("否");
      assertThat(b1.getCell(0).getStringCellValue()).isEqualTo(no("B1"));
      assertThat(b1.getCell(1).getStringCellValue()).isEqualTo("2026-02-25 10:00");
      assertThat(b1.getCell(7).getStringCellValue()).isEqualTo("測試品牌乙");
      assertThat(b1.getCell(29).getStringCellValue()).isEqualTo("2026-02-27 18:00");
      assertThat(b1.getCell(31).getStringCellValue()).isEqualTo("逾期");
      assertThat(b1.getCell(35).getNumericCellValue()).isEqualTo(1.0);
    }
    // a customer manager's export holds only their cases
    HttpResponse<byte[]> lina = rest.getBytes("lina", "/api/complaint-register.xlsx?brand=" + RegisterFixture.BRAND_2);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(lina.body()))) {
      assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(ComplaintWorkbook.FIRST_DATA_ROW - 1);
    }
  }

  @Test
  void theStatisticsAsJsonExcelAndChart() throws Exception {
    String query = "?from=2026-01&to=2026-06&brand=" + RegisterFixture.BRAND_1;
    JsonNode table = json.readTree(rest.get("auditor", "/api/complaint-statistics" + query).body());
    assertThat(table.get("lines")).hasSize(3);
    assertThat(table.at("/total/reported").asInt()).isEqualTo(8);
    assertThat(table.at("/total/averageResolutionDays").decimalValue()).isEqualByComparingTo("4.9");
    assertThat(table.at("/total/p90ResolutionDays").asInt()).isEqualTo(12);
    assertThat(table.at("/total/onTimePercent").decimalValue()).isEqualByComparingTo("75.0");
    assertThat(table.at("/lines/0/causeName").asText()).isEqualTo("生產質量問題");
    // the regional manager of WEST counts only C1
    JsonNode west = json.readTree(rest.get("chenjing", "/api/complaint-statistics" + query).body());
    assertThat(west.at("/total/reported").asInt()).isEqualTo(1);
    assertThat(west.at("/total/replacedCartons").decimalValue()).isEqualByComparingTo("1.5");

    HttpResponse<byte[]> xlsx = rest.getBytes("wuqiang", "/api/complaint-statistics.xlsx" + query);
    assertThat(xlsx.statusCode()).isEqualTo(200);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      Sheet sheet = wb.getSheet("客戶投訴案件統計表");
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("客戶投訴案件統計表");
      assertThat(sheet.getRow(2).getCell(10).getStringCellValue()).isEqualTo("90%分位處理時長(工作日)");
      Row a = sheet.getRow(ComplaintWorkbook.FIRST_DATA_ROW);
      assertThat(a.getCell(0).getStringCellValue()).isEqualTo("2026-02");
      assertThat(a.getCell(1).getStringCellValue()).isEqualTo("東區");
      assertThat(a.getCell(2).getStringCellValue()).isEqualTo("生產質量問題");
      assertThat(a.getCell(3).getStringCellValue()).isEqualTo("測試品牌甲");
      assertThat(numbers(a, 4, 12)).containsExactly(3.0, 3.0, 2.0, 0.0, 5.0, 5.0, 12.0, 66.7);
      Row total = sheet.getRow(ComplaintWorkbook.FIRST_DATA_ROW + 3);
      assertThat(total.getCell(0).getStringCellValue()).isEqualTo("合計");
      assertThat(numbers(total, 4, 12)).containsExactly(8.0, 8.0, 6.0, 0.0, 10.2, 4.9, 12.0, 75.0);
      assertThat(wb.getSheet("圖表").getDrawingPatriarch().getShapes()).hasSize(1);
      assertThat(wb.getAllPictures()).hasSize(1);
    }

    HttpResponse<byte[]> png = rest.getBytes("zhangwei", "/api/complaint-statistics/chart.png" + query);
    assertThat(png.statusCode()).isEqualTo(200);
    assertThat(png.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
    assertThat(Arrays.copyOf(png.body(), 8)).containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n');
    assertThat(png.body().length).isGreaterThan(5_000);
  }

  private List<String> cases(String user, String query) throws Exception {
    HttpResponse<String> r = rest.get(user, "/api/complaint-register?" + query);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    List<String> numbers = new ArrayList<>();
    json.readTree(r.body()).get("rows").forEach(row -> {
      if (row.get("caseNo").asText().startsWith(RegisterFixture.PREFIX)) {
        numbers.add(row.get("caseNo").asText());
      }
    });
    return numbers;
  }

  private void bad(String path, String... contains) {
    HttpResponse<String> r = rest.get("wuqiang", path);
    assertThat(r.statusCode()).as(path).isEqualTo(400);
    assertThat(r.body()).as(path).contains(contains).doesNotContain("Exception");
  }

  private static List<Double> numbers(Row row, int from, int to) {
    List<Double> values = new ArrayList<>();
    for (int i = from; i < to; i++) {
      values.add(row.getCell(i).getNumericCellValue());
    }
    return values;
  }

  private static List<String> names(String... names) {
    return Arrays.stream(names).map(RegisterFixture::no).toList();
  }
}

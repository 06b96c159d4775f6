package com.tobacco.cmw.salesreport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tobacco.cmw.support.RestClient;
import com.tobacco.cmw.support.SpringTestBase;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The demo's drafted reports and {@code /api/monthly-reports} over HTTP: a customer manager sees
 * only their own report and task, a regional manager those of the region (SPEC §4, §5).
 */
class MonthlyReportHttpTest extends SpringTestBase {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired MonthlyReportSchedule schedule;
  RestClient rest;
  String zhangweiKey;
  String linaKey;

  @BeforeEach
  void setUp() {
    rest = new RestClient(port);
    zhangweiKey = MonthlyReportSchedule.reportKey("zhangwei", schedule.lastMonth());
    linaKey = MonthlyReportSchedule.reportKey("lina", schedule.lastMonth());
  }

  @Test
  void afterTheDemoStartZhangweiAndLinaEachHaveLastMonthsReportInTasklist() throws Exception {
    JsonNode zhangwei = tasks("zhangwei");
    assertThat(zhangwei).hasSize(1);
    assertThat(zhangwei.get(0).get("assignee").asText()).isEqualTo("zhangwei");
    assertThat(zhangwei.get(0).get("name").asText()).contains(schedule.lastMonth().toString());
    assertThat(zhangwei.get(0).get("due").asText()).isNotBlank();
    JsonNode lina = tasks("lina");
    assertThat(lina).hasSize(1);
    assertThat(lina.get(0).get("id").asText()).isNotEqualTo(zhangwei.get(0).get("id").asText());

    // the pre-filled sections and the figures are on the task
    HttpResponse<String> vars = rest.get("zhangwei", "/engine-rest/task/" + zhangwei.get(0).get("id").asText() + "/variables");
    assertThat(vars.statusCode()).isEqualTo(200);
    assertThat(vars.body()).contains("reportFigures").contains("overallAnalysis").contains("單箱均價");
    // lina cannot read or complete zhangwei's task
    assertThat(rest.get("lina", "/engine-rest/task/" + zhangwei.get(0).get("id").asText()).statusCode()).isIn(403, 404);
    assertThat(rest.post("lina", "/engine-rest/task/" + zhangwei.get(0).get("id").asText() + "/complete", "{}").statusCode())
        .isIn(403, 404);
    // the regional manager of the region sees (not works on) the writing task; the other region does not
    assertThat(ids(tasks("wangfang"))).contains(zhangwei.get(0).get("id").asText()).doesNotContain(lina.get(0).get("id").asText());
    assertThat(ids(tasks("chenjing"))).contains(lina.get(0).get("id").asText()).doesNotContain(zhangwei.get(0).get("id").asText());
  }

  @Test
  void aCustomerManagerSeesOnlyOwnReportsAndARegionalManagerTheRegion() throws Exception {
    assertThat(keys(list("zhangwei", ""))).contains(zhangweiKey).doesNotContain(linaKey);
    assertThat(keys(list("zhangwei", "?manager=lina"))).isEmpty();
    assertThat(keys(list("lina", "?month=" + schedule.lastMonth()))).contains(linaKey).doesNotContain(zhangweiKey);
    assertThat(keys(list("wangfang", ""))).contains(zhangweiKey).doesNotContain(linaKey);
    assertThat(keys(list("chenjing", "?manager=lina&month=" + schedule.lastMonth()))).containsExactly(linaKey);
    assertThat(keys(list("auditor", "?month=" + schedule.lastMonth()))).contains(zhangweiKey, linaKey);

    HttpResponse<String> own = rest.get("zhangwei", "/api/monthly-reports/" + zhangweiKey);
    assertThat(own.statusCode()).isEqualTo(200);
    JsonNode report = json.readTree(own.body());
    assertThat(report.at("/content/managerName").asText()).isEqualTo("張偉");
    assertThat(report.at("/content/month").asText()).isEqualTo(schedule.lastMonth().toString());
    assertThat(report.at("/content/trend")).hasSize(13);
    assertThat(report.at("/content/sections/overallAnalysis").asText()).contains("單箱均價");
    assertThat(report.at("/content/totals/cartons").decimalValue()).isPositive();
    assertThat(report.at("/report/status").asText()).isEqualTo("DRAFT");
    assertThat(report.at("/reviews")).isEmpty();

    assertThat(rest.get("lina", "/api/monthly-reports/" + zhangweiKey).statusCode()).isEqualTo(404);
    assertThat(rest.get("chenjing", "/api/monthly-reports/" + zhangweiKey).statusCode()).isEqualTo(404);
    assertThat(rest.get("wangfang", "/api/monthly-reports/" + zhangweiKey).statusCode()).isEqualTo(200);
    assertThat(rest.get("wangfang", "/api/monthly-reports/" + linaKey).statusCode()).isEqualTo(404);
    assertThat(rest.get("zhangwei", "/api/monthly-reports/YB-1999-01-nobody").statusCode()).isEqualTo(404);
    assertThat(rest.get(null, "/api/monthly-reports").statusCode()).isEqualTo(401);
  }

  @Test
  void theReportDownloadsAsPdfAndExcelWithTheManagersNameAndTheMonthsTotals() throws Exception {
    JsonNode content = json.readTree(rest.get("zhangwei", "/api/monthly-reports/" + zhangweiKey).body()).get("content");
    String cartons = new java.text.DecimalFormat("#,##0.00").format(content.at("/totals/cartons").decimalValue());
    double amount = content.at("/totals/amount").doubleValue();

    HttpResponse<byte[]> pdf = rest.getBytes("zhangwei", "/api/monthly-reports/" + zhangweiKey + "/pdf");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment")
        .contains("filename*=UTF-8''");
    try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
      String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
      assertThat(text).contains("張偉").contains(schedule.lastMonth().getYear() + "年").contains(cartons);
    }

    HttpResponse<byte[]> xlsx = rest.getBytes("wangfang", "/api/monthly-reports/" + zhangweiKey + "/xlsx");
    assertThat(xlsx.statusCode()).isEqualTo(200);
    try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
      List<String> texts = new ArrayList<>();
      List<Double> numbers = new ArrayList<>();
      for (var row : book.getSheetAt(0)) {
        for (var cell : row) {
          switch (cell.getCellType()) {
            case STRING -> texts.add(cell.getStringCellValue());
            case NUMERIC -> numbers.add(cell.getNumericCellValue());
            default -> { }
          }
        }
      }
      assertThat(String.join(" ", texts)).contains("張偉");
      assertThat(numbers).anySatisfy(n -> assertThat(n).isCloseTo(amount, org.assertj.core.data.Offset.offset(0.005)));
    }

    // another manager's report and anonymous callers get nothing
    assertThat(rest.getBytes("lina", "/api/monthly-reports/" + zhangweiKey + "/pdf").statusCode()).isEqualTo(404);
    assertThat(rest.getBytes("chenjing", "/api/monthly-reports/" + zhangweiKey + "/xlsx").statusCode()).isEqualTo(404);
    assertThat(rest.getBytes(null, "/api/monthly-reports/" + zhangweiKey + "/pdf").statusCode()).isEqualTo(401);
  }

  @Test
  void aBadMonthIsAnsweredWithAClearMessage() {
    HttpResponse<String> r = rest.get("zhangwei", "/api/monthly-reports?month=2026-13");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("參數 month 應為 yyyy-MM");
  }

  private JsonNode tasks(String user) throws Exception {
    HttpResponse<String> r = rest.get(user, "/engine-rest/task?processDefinitionKey=" + MonthlySalesReportProcess.PROCESS_KEY
        + "&processInstanceBusinessKeyLike=YB-" + schedule.lastMonth() + "-%25");
    assertThat(r.statusCode()).isEqualTo(200);
    return json.readTree(r.body());
  }

  private JsonNode list(String user, String query) throws Exception {
    HttpResponse<String> r = rest.get(user, "/api/monthly-reports" + query);
    assertThat(r.statusCode()).isEqualTo(200);
    return json.readTree(r.body());
  }

  private static List<String> keys(JsonNode reports) {
    List<String> keys = new ArrayList<>();
    reports.forEach(r -> keys.add(r.get("reportKey").asText()));
    return keys;
  }

  private static List<String> ids(JsonNode tasks) {
    List<String> ids = new ArrayList<>();
    tasks.forEach(t -> ids.add(t.get("id").asText()));
    return ids;
  }
}

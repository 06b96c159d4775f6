package com.tobacco.cmw.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tobacco.cmw.support.RestClient;
import com.tobacco.cmw.support.SpringTestBase;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code /api/complaints} and the Tasklist calls of a complaint over HTTP, per role: who may file,
 * who sees a case and its printed feedback form, and bad input answered with 400 and a message.
 */
class ComplaintHttpTest extends SpringTestBase {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  RestClient rest;
  final List<String> caseNos = new ArrayList<>();
  Integer counterBefore;
  int year;

  @BeforeEach
  void setUp() {
    rest = new RestClient(port);
    year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
    counterBefore = jdbc.queryForList("SELECT last_number FROM cm_complaint_number WHERE case_year = ?", Integer.class, year)
        .stream().findFirst().orElse(null);
  }

  @AfterEach
  void cleanUp() {
    for (String caseNo : caseNos) {
      String pi = jdbc.queryForObject("SELECT process_instance_id FROM cm_complaint_case WHERE case_no = ?", String.class, caseNo);
      if (runtimeService.createProcessInstanceQuery().processInstanceId(pi).count() > 0) {
        runtimeService.deleteProcessInstance(pi, "test clean-up");
      }
      jdbc.update("DELETE FROM cm_complaint_step WHERE case_no = ?", caseNo);
      jdbc.update("DELETE FROM cm_complaint_escalation WHERE case_no = ?", caseNo);
      jdbc.update("DELETE FROM cm_complaint_case WHERE case_no = ?", caseNo);
    }
    if (counterBefore == null) {
      jdbc.update("DELETE FROM cm_complaint_number WHERE case_year = ?", year);
    } else {
      jdbc.update("UPDATE cm_complaint_number SET last_number = ? WHERE case_year = ?", counterBefore, year);
    }
  }

  @Test
  void theCustomersManagerFilesAndEachRoleSeesWhatBelongsToIt() throws Exception {
    String caseNo = file("zhangwei", customerOf("zhangwei"));
    assertThat(caseNo).startsWith("ZL-" + year + "-");

    for (String user : List.of("zhangwei", "wangfang", "wuqiang", "auditor", "admin")) {
      HttpResponse<String> r = rest.get(user, "/api/complaints/" + caseNo);
      assertThat(r.statusCode()).as(user).isEqualTo(200);
      assertThat(json.readTree(r.body()).path("complaint").path("caseNo").asText()).isEqualTo(caseNo);
    }
    // auditors find the case in the history under the public process key, with the case number as
    // business key (tests give numbers back, so earlier tests' instances may carry the same number)
    String instance = jdbc.queryForObject("SELECT process_instance_id FROM cm_complaint_case WHERE case_no = ?", String.class, caseNo);
    JsonNode history = json.readTree(rest.get("auditor", "/engine-rest/history/process-instance"
        + "?processDefinitionKey=qualityComplaint&processInstanceId=" + instance).body());
    assertThat(history).hasSize(1);
    assertThat(history.get(0).path("businessKey").asText()).isEqualTo(caseNo);
    // other manager, other region, the monopoly department for a case not referred to it: not found
    for (String user : List.of("lina", "chenjing", "zhaolei")) {
      assertThat(rest.get(user, "/api/complaints/" + caseNo).statusCode()).as(user).isEqualTo(404);
    }
    // roles with no business in complaints
    for (String user : List.of("liuyang", "sunli")) {
      HttpResponse<String> r = rest.get(user, "/api/complaints/" + caseNo);
      assertThat(r.statusCode()).as(user).isEqualTo(403);
      assertThat(r.body()).contains("無權查看質量投訴案件");
    }
    assertThat(rest.get(null, "/api/complaints/" + caseNo).statusCode()).isEqualTo(401);

    HttpResponse<byte[]> pdf = rest.getBytes("zhangwei", "/api/complaints/" + caseNo + "/feedback-form.pdf");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
      String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
      assertThat(doc.getNumberOfPages()).isOne();
      assertThat(text).contains("商品及服務質量信息反饋單", caseNo, "客戶確認", "審核人", "煙支斷裂", "5 條", "東區");
    }
    assertThat(rest.getBytes("lina", "/api/complaints/" + caseNo + "/feedback-form.pdf").statusCode()).isEqualTo(404);

    // Tasklist: zhangwei sees and works his inspection task, lina does not see it
    JsonNode mine = tasks("zhangwei", caseNo);
    assertThat(mine).hasSize(1);
    assertThat(mine.get(0).path("taskDefinitionKey").asText()).isEqualTo("Task_InspectDefectiveGoods");
    assertThat(tasks("lina", caseNo)).isEmpty();
    String taskId = mine.get(0).path("id").asText();
    HttpResponse<String> foreign = rest.post("lina", "/engine-rest/task/" + taskId + "/submit-form",
        "{\"variables\":{\"defectConfirmed\":{\"value\":true},\"cause\":{\"value\":\"MANUFACTURING\"}}}");
    assertThat(foreign.statusCode()).isIn(403, 404);
    HttpResponse<String> bad = rest.post("zhangwei", "/engine-rest/task/" + taskId + "/submit-form",
        "{\"variables\":{\"defectConfirmed\":{\"value\":true},\"cause\":{\"value\":\"WEATHER\"}}}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("不在可選範圍內");
    HttpResponse<String> good = rest.post("zhangwei", "/engine-rest/task/" + taskId + "/submit-form",
        "{\"variables\":{\"defectConfirmed\":{\"value\":true},\"cause\":{\"value\":\"MANUFACTURING\"}}}");
    assertThat(good.statusCode()).isEqualTo(204);
    assertThat(tasks("zhangwei", caseNo).get(0).path("taskDefinitionKey").asText()).isEqualTo("Task_FillFeedbackForm");
  }

  @Test
  void onlyTheCustomersOwnManagerMayFileAndBadInputIsAnsweredWith400() throws Exception {
    String customer = customerOf("zhangwei");
    HttpResponse<String> foreign = rest.post("lina", "/api/complaints", body(customer, "5"));
    assertThat(foreign.statusCode()).isEqualTo(400);
    assertThat(foreign.body()).contains("不是您負責的客戶");
    HttpResponse<String> regional = rest.post("wangfang", "/api/complaints", body(customer, "5"));
    assertThat(regional.statusCode()).isEqualTo(403);
    assertThat(rest.post("wuqiang", "/api/complaints", body(customer, "5")).statusCode()).isEqualTo(403);
    assertThat(rest.post(null, "/api/complaints", body(customer, "5")).statusCode()).isEqualTo(401);

    long rows = jdbc.queryForObject("SELECT COUNT(*) FROM cm_complaint_case", Long.class);
    for (String quantity : List.of("0", "-2", "1.5", "many")) {
      HttpResponse<String> r = rest.post("zhangwei", "/api/complaints", body(customer, quantity));
      assertThat(r.statusCode()).as(quantity).isEqualTo(400);
      assertThat(json.readTree(r.body()).path("message").asText()).as(quantity).contains("數量");
    }
    HttpResponse<String> unknownBrand = rest.post("zhangwei", "/api/complaints",
        body(customer, "5").replace("\"brandCode\":\"" + brand() + "\"", "\"brandCode\":\"B999\""));
    assertThat(unknownBrand.statusCode()).isEqualTo(400);
    assertThat(unknownBrand.body()).contains("不在品牌目錄中");
    // the Tasklist start form answers the same way
    HttpResponse<String> startForm = rest.post("zhangwei", "/engine-rest/process-definition/key/qualityComplaint/submit-form",
        "{\"variables\":{\"customerCode\":{\"value\":\"" + customer + "\"},\"brandCode\":{\"value\":\"" + brand()
            + "\"},\"quantity\":{\"value\":0},\"quantityUnit\":{\"value\":\"CARTON\"},\"defectDescription\":{\"value\":\"破損\"}}}");
    assertThat(startForm.statusCode()).isEqualTo(400);
    assertThat(startForm.body()).contains("應大於 0");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cm_complaint_case", Long.class)).isEqualTo(rows);
  }

  private String file(String user, String customer) throws Exception {
    HttpResponse<String> r = rest.post(user, "/api/complaints", body(customer, "5"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String caseNo = json.readTree(r.body()).path("caseNo").asText();
    caseNos.add(caseNo);
    return caseNo;
  }

  private String body(String customer, String quantity) {
    return "{\"customerCode\":\"" + customer + "\",\"brandCode\":\"" + brand() + "\",\"quantity\":\"" + quantity
        + "\",\"quantityUnit\":\"CARTON\",\"defectDescription\":\"煙支斷裂\"}";
  }

  private JsonNode tasks(String user, String caseNo) throws Exception {
    HttpResponse<String> r = rest.get(user, "/engine-rest/task?processInstanceBusinessKey=" + caseNo);
    assertThat(r.statusCode()).isEqualTo(200);
    return json.readTree(r.body());
  }

  private String customerOf(String manager) {
    return jdbc.queryForObject("SELECT MAX(customer_code) FROM cm_customer WHERE manager_id = ? AND status = 'ACTIVE'",
        String.class, manager);
  }

  private String brand() {
    return jdbc.queryForObject("SELECT MIN(brand_code) FROM cm_brand", String.class);
  }
}

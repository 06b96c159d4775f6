package com.tobacco.cmw.unlicensed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tobacco.cmw.calendar.WorkCalendar;
import com.tobacco.cmw.support.RestClient;
import com.tobacco.cmw.support.SpringTestBase;
import com.tobacco.cmw.support.VisitReports;
import com.tobacco.cmw.support.VisitRows;
import com.tobacco.cmw.visit.CustomerVisitProcess;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code /api/unlicensed-reports} and the Tasklist calls of {@code unlicensedSellerReport} over
 * HTTP, per role: who may report, who sees a report, who may decide, investigate and acknowledge;
 * bad input answered with 400 and a message; evidence files; and the done-when: a sighting
 * recorded in zhangwei's visit form reaches zhaolei (monopoly department) and its result reaches
 * sunli (sales operations) and zhangwei. Rows created here are deleted after each test.
 */
class UnlicensedReportHttpTest extends SpringTestBase {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired WorkCalendar calendar;
  @Autowired org.camunda.bpm.engine.IdentityService identityService;
  @Autowired org.springframework.context.ApplicationEventPublisher events;
  @Autowired org.springframework.transaction.support.TransactionTemplate transactions;
  RestClient rest;
  final List<String> caseNos = new ArrayList<>();
  final List<String> visitInstances = new ArrayList<>();
  final List<Map<String, Object>> stockBefore = new ArrayList<>();
  String visitedCustomer;
  Integer counterBefore;
  int year;

  @BeforeEach
  void setUp() {
    rest = new RestClient(port);
    year = calendar.today().getYear();
    counterBefore = jdbc.queryForList("SELECT last_number FROM cm_unlicensed_number WHERE case_year = ?", Integer.class, year)
        .stream().findFirst().orElse(null);
  }

  @AfterEach
  void cleanUp() {
    // the reports the test's visits started, also when an assertion failed before the test saw them
    for (String pi : visitInstances) {
      caseNos.addAll(jdbc.queryForList("SELECT r.case_no FROM cm_unlicensed_report r JOIN cm_visit v ON v.id = r.visit_id "
          + "WHERE v.process_instance_id = ?", String.class, pi));
    }
    for (String caseNo : caseNos) {
      jdbc.queryForList("SELECT process_instance_id FROM cm_unlicensed_report WHERE case_no = ?", String.class, caseNo)
          .forEach(pi -> {
            if (runtimeService.createProcessInstanceQuery().processInstanceId(pi).count() > 0) {
              runtimeService.deleteProcessInstance(pi, "test clean-up");
            }
          });
      jdbc.update("UPDATE cm_unlicensed_report SET duplicate_of = NULL WHERE case_no = ?", caseNo);
    }
    for (String caseNo : caseNos) {
      jdbc.update("UPDATE cm_unlicensed_sighting SET report_case_no = NULL, status = 'NEW' WHERE report_case_no = ?",
          caseNo);
      jdbc.update("DELETE FROM cm_unlicensed_evidence WHERE case_no = ?", caseNo);
      jdbc.update("DELETE FROM cm_unlicensed_report WHERE case_no = ?", caseNo);
    }
    visitInstances.forEach(pi -> VisitRows.delete(runtimeService, jdbc, pi));
    if (visitedCustomer != null) {
      VisitRows.restoreStock(jdbc, List.of(visitedCustomer), stockBefore);
    }
    // back to the highest number still in use, never below a row that exists
    Integer highest = jdbc.queryForObject("SELECT MAX(case_seq) FROM cm_unlicensed_report WHERE case_year = ?",
        Integer.class, year);
    if (highest == null) {
      jdbc.update("DELETE FROM cm_unlicensed_number WHERE case_year = ?", year);
    } else {
      jdbc.update("UPDATE cm_unlicensed_number SET last_number = ? WHERE case_year = ?", highest, year);
    }
  }

  // ---------------------------------------------------------------- the done-when

  @Test
  void aSightingInZhangweisVisitReachesTheMonopolyDepartmentAndItsResultReachesSalesOperations() throws Exception {
    visitedCustomer = jdbc.queryForObject("SELECT MAX(customer_code) FROM cm_customer WHERE manager_id = 'zhangwei' "
        + "AND status = 'ACTIVE'", String.class);
    stockBefore.addAll(jdbc.queryForList("SELECT * FROM cm_stock WHERE customer_code = ?", visitedCustomer));
    HttpResponse<String> started = rest.post("zhangwei", "/engine-rest/process-definition/key/customerVisit/start",
        "{\"variables\":{\"customerCode\":{\"value\":\"" + visitedCustomer + "\"},\"plannedDate\":{\"value\":\""
            + calendar.firstWorkingDayOnOrAfter(calendar.today()) + "\"}}}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String visit = json.readTree(started.body()).path("id").asText();
    visitInstances.add(visit);
    String visitTask = json.readTree(rest.get("zhangwei", "/engine-rest/task?processInstanceId=" + visit).body())
        .get(0).path("id").asText();

    // zhangwei's visit form: the report a–f, and an unlicensed seller seen nearby
    List<Map<String, Object>> rows = VisitReports.filledRows(json,
        runtimeService.getVariable(visit, CustomerVisitProcess.Var.BRAND_CHECKS).toString(), null);
    String variables = VisitReports.submitFormBody(json, rows, "張老闆", "\"unlicensedSellerSeen\":{\"value\":true},"
        + "\"unlicensedPlace\":{\"value\":\"文化路菜市場東門流動攤位\"},"
        + "\"unlicensedDescription\":{\"value\":\"一名男子推車兜售散裝卷煙\"}");
    HttpResponse<String> submitted = rest.post("zhangwei", "/engine-rest/task/" + visitTask + "/submit-form",
        variables);
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
    runJobs(visit);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(visit).count()).isZero();

    // zhangwei finds the report the visit made, in his region, near the visited customer
    JsonNode mine = json.readTree(rest.get("zhangwei", "/api/unlicensed-reports").body());
    JsonNode line = find(mine, "place", "文化路菜市場東門流動攤位");
    String caseNo = line.path("caseNo").asText();
    caseNos.add(caseNo);
    assertThat(caseNo).matches("WZ-" + year + "-\\d{5}");
    assertThat(line.path("status").asText()).isEqualTo("REPORTED");
    JsonNode detail = json.readTree(rest.get("zhangwei", "/api/unlicensed-reports/" + caseNo).body());
    assertThat(detail.path("nearCustomerCode").asText()).isEqualTo(visitedCustomer);
    assertThat(detail.path("regionCode").asText()).isEqualTo("EAST");
    assertThat(detail.path("visitId").isNumber()).isTrue();

    // the regional manager of the region forwards it
    String review = onlyTask("wangfang", caseNo, "Task_ReviewReport");
    assertThat(rest.post("wangfang", "/engine-rest/task/" + review + "/claim", "{\"userId\":\"wangfang\"}").statusCode())
        .isEqualTo(204);
    assertThat(rest.post("wangfang", "/engine-rest/task/" + review + "/submit-form",
        "{\"variables\":{\"reviewDecision\":{\"value\":\"FORWARD\"}}}").statusCode()).isEqualTo(204);

    // zhaolei (monopoly department) records the result
    String investigate = onlyTask("zhaolei", caseNo, "Task_InvestigateReport");
    assertThat(rest.post("zhaolei", "/engine-rest/task/" + investigate + "/claim", "{\"userId\":\"zhaolei\"}").statusCode())
        .isEqualTo(204);
    assertThat(rest.post("zhaolei", "/engine-rest/task/" + investigate + "/submit-form",
        "{\"variables\":{\"monopolyResult\":{\"value\":\"CONFIRMED_DEALT\"},\"resultNote\":{\"value\":\"已取締,暫扣卷煙 12 條\"},"
            + "\"resultDate\":{\"value\":\"" + calendar.today() + "\"}}}").statusCode()).isEqualTo(204);

    // sunli (sales operations, 卷煙經營部) receives it
    String acknowledge = onlyTask("sunli", caseNo, "Task_AcknowledgeResult");
    JsonNode form = json.readTree(rest.get("sunli", "/engine-rest/task/" + acknowledge + "/form-variables").body());
    assertThat(form.path("resultText").path("value").asText()).contains("確認并已處理", "已取締,暫扣卷煙 12 條");
    assertThat(rest.post("sunli", "/engine-rest/task/" + acknowledge + "/claim", "{\"userId\":\"sunli\"}").statusCode())
        .isEqualTo(204);
    assertThat(rest.post("sunli", "/engine-rest/task/" + acknowledge + "/submit-form", "{\"variables\":{}}").statusCode())
        .isEqualTo(204);

    // and the reporting customer manager sees the result
    JsonNode done = json.readTree(rest.get("zhangwei", "/api/unlicensed-reports/" + caseNo).body());
    assertThat(done.path("status").asText()).isEqualTo("CLOSED");
    assertThat(done.path("result").asText()).isEqualTo("CONFIRMED_DEALT");
    assertThat(done.path("resultLabel").asText()).isEqualTo("確認并已處理");
    assertThat(done.path("resultBy").asText()).isEqualTo("zhaolei");
    assertThat(done.path("acknowledgedBy").asText()).isEqualTo("sunli");
    assertThat(done.path("resultDate").asText()).isEqualTo(calendar.today().toString());
  }

  @Test
  void aSightingWhoseVisitEndedWithTheCustomersExitIsReportedByTheSystem() {
    String customer = jdbc.queryForObject("SELECT MIN(customer_code) FROM cm_customer WHERE manager_id = 'lina' "
        + "AND status = 'ACTIVE'", String.class);
    List<String> before = jdbc.queryForList("SELECT case_no FROM cm_unlicensed_report WHERE near_customer_code = ?",
        String.class, customer);
    jdbc.update("INSERT INTO cm_unlicensed_sighting (customer_code, place, description, reported_by, reported_at) "
        + "VALUES (?, '西門橋下流動攤位', '攤主兜售卷煙', 'lina', CURRENT_TIMESTAMP)", customer);
    long sighting = jdbc.queryForObject("SELECT MAX(id) FROM cm_unlicensed_sighting WHERE customer_code = ?", Long.class,
        customer);
    try {
      // published by an approved exit, in the approving regional manager's transaction
      identityService.setAuthentication("chenjing", List.of("regional-managers", "regional-managers-west"));
      transactions.executeWithoutResult(status -> events.publishEvent(
          new com.tobacco.cmw.customer.CustomerExited(customer, "店鋪關閉", "TW-TEST", "chenjing", "exit-test")));
      // every report the exit started for this customer is cleaned up, not only the one of this sighting
      jdbc.queryForList("SELECT case_no FROM cm_unlicensed_report WHERE near_customer_code = ?", String.class, customer)
          .stream().filter(c -> !before.contains(c)).forEach(caseNos::add);
      assertThat(identityService.getCurrentAuthentication().getUserId()).isEqualTo("chenjing");
      identityService.clearAuthentication();
      String caseNo = jdbc.queryForObject("SELECT report_case_no FROM cm_unlicensed_sighting WHERE id = ?", String.class,
          sighting);
      assertThat(caseNos).contains(caseNo);
      Map<String, Object> row = jdbc.queryForMap("SELECT reporter_id, region_code, near_customer_code, status "
          + "FROM cm_unlicensed_report WHERE case_no = ?", caseNo);
      assertThat(row).containsEntry("REPORTER_ID", "lina").containsEntry("REGION_CODE", "WEST")
          .containsEntry("NEAR_CUSTOMER_CODE", customer).containsEntry("STATUS", "REPORTED");
      // a second exit event reports nothing twice
      transactions.executeWithoutResult(status -> events.publishEvent(
          new com.tobacco.cmw.customer.CustomerExited(customer, "店鋪關閉", "TW-TEST", "chenjing", "exit-test")));
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cm_unlicensed_report WHERE near_customer_code = ? "
          + "AND place = '西門橋下流動攤位'", Long.class, customer)).isOne();
    } finally {
      identityService.clearAuthentication();
      jdbc.update("UPDATE cm_unlicensed_sighting SET report_case_no = NULL WHERE id = ?", sighting);
      jdbc.update("DELETE FROM cm_unlicensed_sighting WHERE id = ?", sighting);
    }
  }

  // ---------------------------------------------------------------- security per role

  @Test
  void eachRoleSeesAndWorksOnlyWhatBelongsToIt() throws Exception {
    String caseNo = reportAs("zhangwei", "人民路 18 號小賣部", "店內無證銷售卷煙");
    for (String user : List.of("zhangwei", "wangfang", "zhaolei", "sunli", "auditor", "admin")) {
      HttpResponse<String> r = rest.get(user, "/api/unlicensed-reports/" + caseNo);
      assertThat(r.statusCode()).as(user).isEqualTo(200);
      assertThat(json.readTree(r.body()).path("caseNo").asText()).isEqualTo(caseNo);
    }
    for (String user : List.of("lina", "chenjing")) {
      assertThat(rest.get(user, "/api/unlicensed-reports/" + caseNo).statusCode()).as(user).isEqualTo(404);
      assertThat(rest.get(user, "/api/unlicensed-reports").body()).as(user).doesNotContain(caseNo);
    }
    for (String user : List.of("liuyang", "zhoumin")) {
      HttpResponse<String> r = rest.get(user, "/api/unlicensed-reports/" + caseNo);
      assertThat(r.statusCode()).as(user).isEqualTo(403);
      assertThat(r.body()).contains("無權查看無證經營舉報");
    }
    assertThat(rest.get(null, "/api/unlicensed-reports/" + caseNo).statusCode()).isEqualTo(401);
    assertThat(rest.get("wangfang", "/api/unlicensed-reports").body()).contains(caseNo);
    assertThat(rest.get("zhaolei", "/api/unlicensed-reports").body()).contains(caseNo);

    // lina does not see the review, chenjing (WEST) cannot claim or decide an EAST report
    assertThat(json.readTree(rest.get("lina", "/engine-rest/task?processInstanceBusinessKey=" + caseNo).body())).isEmpty();
    assertThat(json.readTree(rest.get("chenjing", "/engine-rest/task?processInstanceBusinessKey=" + caseNo).body())).isEmpty();
    String review = onlyTask("wangfang", caseNo, "Task_ReviewReport");
    assertThat(rest.post("chenjing", "/engine-rest/task/" + review + "/claim", "{\"userId\":\"chenjing\"}").statusCode())
        .isIn(403, 404);
    assertThat(rest.post("chenjing", "/engine-rest/task/" + review + "/submit-form",
        "{\"variables\":{\"reviewDecision\":{\"value\":\"FORWARD\"}}}").statusCode()).isIn(403, 404);
    assertThat(rest.post("lina", "/engine-rest/task/" + review + "/submit-form",
        "{\"variables\":{\"reviewDecision\":{\"value\":\"FORWARD\"}}}").statusCode()).isIn(403, 404);
    // wangfang: a duplicate of itself is refused with a message, the task stays
    rest.post("wangfang", "/engine-rest/task/" + review + "/claim", "{\"userId\":\"wangfang\"}");
    HttpResponse<String> self = rest.post("wangfang", "/engine-rest/task/" + review + "/submit-form",
        "{\"variables\":{\"reviewDecision\":{\"value\":\"DUPLICATE\"},\"duplicateOf\":{\"value\":\"" + caseNo + "\"}}}");
    assertThat(self.statusCode()).isEqualTo(400);
    assertThat(self.body()).contains("不能與自己併案");
    assertThat(rest.post("wangfang", "/engine-rest/task/" + review + "/submit-form",
        "{\"variables\":{\"reviewDecision\":{\"value\":\"FORWARD\"}}}").statusCode()).isEqualTo(204);

    // a customer manager cannot record the monopoly department's result
    String investigate = onlyTask("zhaolei", caseNo, "Task_InvestigateReport");
    String result = "{\"variables\":{\"monopolyResult\":{\"value\":\"NOT_FOUND\"},\"resultNote\":{\"value\":\"未發現\"},"
        + "\"resultDate\":{\"value\":\"" + calendar.today() + "\"}}}";
    for (String user : List.of("zhangwei", "wangfang", "sunli")) {
      assertThat(rest.post(user, "/engine-rest/task/" + investigate + "/claim", "{\"userId\":\"" + user + "\"}")
          .statusCode()).as(user).isIn(403, 404);
      assertThat(rest.post(user, "/engine-rest/task/" + investigate + "/submit-form", result).statusCode()).as(user)
          .isIn(403, 404);
    }
    HttpResponse<String> future = rest.post("zhaolei", "/engine-rest/task/" + investigate + "/submit-form",
        result.replace(calendar.today().toString(), calendar.today().plusDays(3).toString()));
    assertThat(future.statusCode()).isEqualTo(400);
    assertThat(future.body()).contains("不能晚於今天");
    assertThat(rest.post("zhaolei", "/engine-rest/task/" + investigate + "/submit-form", result).statusCode()).isEqualTo(204);

    // the auditor reads the history under the public process key, with the case number as business key
    String instance = jdbc.queryForObject("SELECT process_instance_id FROM cm_unlicensed_report WHERE case_no = ?",
        String.class, caseNo);
    JsonNode history = json.readTree(rest.get("auditor", "/engine-rest/history/process-instance"
        + "?processDefinitionKey=unlicensedSellerReport&processInstanceId=" + instance).body());
    assertThat(history).hasSize(1);
    assertThat(history.get(0).path("businessKey").asText()).isEqualTo(caseNo);
    assertThat(json.readTree(rest.get("zhangwei", "/api/unlicensed-reports/" + caseNo).body()).path("historyUrl").asText())
        .isEqualTo("/engine-rest/history/process-instance/" + instance);
  }

  // ---------------------------------------------------------------- bad input

  @Test
  void onlyCustomerManagersReportAndBadInputIsAnsweredWith400() throws Exception {
    long rows = jdbc.queryForObject("SELECT COUNT(*) FROM cm_unlicensed_report", Long.class);
    assertThat(rest.post("wangfang", "/api/unlicensed-reports", body("北門", "售煙", seenHoursAgo(1))).statusCode())
        .isEqualTo(403);
    assertThat(rest.post("zhaolei", "/api/unlicensed-reports", body("北門", "售煙", seenHoursAgo(1))).statusCode())
        .isEqualTo(403);
    assertThat(rest.post(null, "/api/unlicensed-reports", body("北門", "售煙", seenHoursAgo(1))).statusCode())
        .isEqualTo(401);
    Map<String, String> bad = Map.of(
        "{\"description\":\"售煙\",\"seenAt\":\"" + seenHoursAgo(1) + "\"}", "請填寫「無證經營地點」",
        body("北門", "售煙", seenHoursAgo(-3)), "不能晚於現在",
        body("北門", "煙".repeat(2001), seenHoursAgo(1)), "最多 2000 字",
        body("北門", "售煙", "明天"), "不是日期時間");
    for (Map.Entry<String, String> e : bad.entrySet()) {
      HttpResponse<String> r = rest.post("zhangwei", "/api/unlicensed-reports", e.getKey());
      assertThat(r.statusCode()).as(e.getValue()).isEqualTo(400);
      assertThat(json.readTree(r.body()).path("message").asText()).contains(e.getValue()).doesNotContain("Exception");
    }
    // the Tasklist start form answers the same way
    HttpResponse<String> startForm = rest.post("zhangwei",
        "/engine-rest/process-definition/key/unlicensedSellerReport/submit-form",
        "{\"variables\":{\"place\":{\"value\":\"北門\"},\"description\":{\"value\":\"售煙\"},\"seenAt\":{\"value\":\""
            + seenHoursAgo(-3) + "\"}}}");
    assertThat(startForm.statusCode()).isEqualTo(400);
    assertThat(startForm.body()).contains("不能晚於現在");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cm_unlicensed_report", Long.class)).isEqualTo(rows);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("unlicensedSellerReport")
        .variableValueEquals("place", "北門").count()).isZero();
  }

  @Test
  void theReporterAddsEvidenceFilesThatWhoeverSeesTheReportDownloads() throws Exception {
    String caseNo = reportAs("zhangwei", "新華路 6 號", "無證售煙");
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};
    HttpResponse<String> uploaded = upload("zhangwei", caseNo, "攤位照片.png", "image/png", png);
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    long id = json.readTree(uploaded.body()).path("id").asLong();
    JsonNode detail = json.readTree(rest.get("wangfang", "/api/unlicensed-reports/" + caseNo).body());
    assertThat(detail.path("evidence").get(0).path("fileName").asText()).isEqualTo("攤位照片.png");
    HttpResponse<byte[]> download = rest.getBytes("wangfang", "/api/unlicensed-reports/" + caseNo + "/evidence/" + id);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(png);
    assertThat(rest.getBytes("lina", "/api/unlicensed-reports/" + caseNo + "/evidence/" + id).statusCode()).isEqualTo(404);
    assertThat(upload("lina", caseNo, "x.png", "image/png", png).statusCode()).isEqualTo(404);
    assertThat(upload("wangfang", caseNo, "x.png", "image/png", png).statusCode()).isEqualTo(403);
    HttpResponse<String> text = upload("zhangwei", caseNo, "note.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8));
    assertThat(text.statusCode()).isEqualTo(400);
    assertThat(text.body()).contains("JPEG、PNG 圖片或 PDF");
  }

  // ---------------------------------------------------------------- helpers

  private String reportAs(String user, String place, String description) throws Exception {
    HttpResponse<String> r = rest.post(user, "/api/unlicensed-reports", body(place, description, seenHoursAgo(2)));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String caseNo = json.readTree(r.body()).path("caseNo").asText();
    caseNos.add(caseNo);
    return caseNo;
  }

  private String body(String place, String description, String seenAt) {
    return "{\"place\":\"" + place + "\",\"description\":\"" + description + "\",\"seenAt\":\"" + seenAt
        + "\",\"evidenceNote\":\"照片兩張\"}";
  }

  private String seenHoursAgo(int hours) {
    return ZonedDateTime.now(calendar.zone()).minusHours(hours).withNano(0).toOffsetDateTime().toString();
  }

  private String onlyTask(String user, String caseNo, String taskDefinitionKey) throws Exception {
    JsonNode tasks = json.readTree(rest.get(user, "/engine-rest/task?processInstanceBusinessKey=" + caseNo).body());
    assertThat(tasks).as(user).hasSize(1);
    assertThat(tasks.get(0).path("taskDefinitionKey").asText()).isEqualTo(taskDefinitionKey);
    return tasks.get(0).path("id").asText();
  }

  private void runJobs(String processInstanceId) {
    for (int i = 0; i < 10; i++) {
      List<Job> jobs = managementService.createJobQuery().processInstanceId(processInstanceId).executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  private static JsonNode find(JsonNode array, String field, String value) {
    for (JsonNode node : array) {
      if (value.equals(node.path(field).asText())) {
        return node;
      }
    }
    throw new AssertionError("no " + field + " = " + value + " in " + array);
  }

  private HttpResponse<String> upload(String user, String caseNo, String fileName, String contentType, byte[] content)
      throws Exception {
    String boundary = "----cmw" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return rest.send(user, "demo", HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/api/unlicensed-reports/" + caseNo + "/evidence"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }
}

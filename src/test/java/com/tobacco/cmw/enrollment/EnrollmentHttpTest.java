package com.tobacco.cmw.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tobacco.cmw.calendar.WorkCalendar;
import com.tobacco.cmw.support.RestClient;
import com.tobacco.cmw.support.SpringTestBase;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code /api/network-enrollments} and the Tasklist calls of an enrollment over HTTP: zhangwei
 * (customer manager, EAST) enrolls a retailer that wangfang (regional manager, EAST) approves,
 * and the retailer is among zhangwei's customers with its first visit planned; bad applications
 * answered 400 with the message and nothing saved; who may start, see and work on what.
 */
class EnrollmentHttpTest extends SpringTestBase {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired WorkCalendar calendar;
  RestClient rest;
  EnrollmentFixture fixture;

  @BeforeEach
  void setUp() {
    rest = new RestClient(port);
    fixture = new EnrollmentFixture(jdbc, runtimeService, calendar.today().getYear());
  }

  @AfterEach
  void cleanUp() {
    fixture.cleanUp();
  }

  @Test
  void zhangweiEnrollsARetailerThatWangfangApprovesAndItAppearsAmongHisCustomersWithAFirstVisit() throws Exception {
    String licence = EnrollmentFixture.eastLicence(11);
    String no = apply("zhangwei", EnrollmentFixture.application(licence));

    JsonNode verify = singleTask("zhangwei", no);
    assertThat(verify.path("taskDefinitionKey").asText()).isEqualTo("Task_VerifyStore");
    assertThat(verify.path("assignee").asText()).isEqualTo("zhangwei");
    assertThat(submit("zhangwei", verify, "{\"storeExists\":{\"value\":\"true\"},\"licenceOriginalSeen\":{\"value\":\"true\"},"
        + "\"recommendedGrade\":{\"value\":3},\"verificationNotes\":{\"value\":\"店鋪在主街,許可證原件已查驗\"}}").statusCode())
        .isEqualTo(204);

    JsonNode approve = singleTask("wangfang", no);
    assertThat(approve.path("taskDefinitionKey").asText()).isEqualTo("Task_ApproveEnrollment");
    assertThat(submit("wangfang", approve, "{\"decision\":{\"value\":\"APPROVE\"}}").statusCode()).isEqualTo(204);
    runJobs(no); // the job executor, off in tests, creates the customer and plans the visit

    JsonNode mine = json.readTree(rest.get("zhangwei", "/api/customers?limit=500").body());
    JsonNode customer = null;
    for (JsonNode c : mine) {
      if (licence.equals(c.path("licenceNo").asText())) {
        customer = c;
      }
    }
    assertThat(customer).as("the new retailer among zhangwei's customers").isNotNull();
    assertThat(customer.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(customer.path("managerId").asText()).isEqualTo("zhangwei");
    assertThat(customer.path("grade").asInt()).isEqualTo(3);
    String code = customer.path("customerCode").asText();
    JsonNode detail = json.readTree(rest.get("zhangwei", "/api/customers/" + code).body());
    JsonNode visits = detail.path("visits");
    assertThat(visits).hasSize(1);
    JsonNode visit = visits.get(0).path("visit");
    assertThat(visit.path("type").asText()).isEqualTo("REGULAR");
    assertThat(visit.path("status").asText()).isEqualTo("OPEN");
    LocalDate planned = LocalDate.parse(visit.path("plannedDate").asText());
    assertThat(planned).isAfter(calendar.today()).isBeforeOrEqualTo(calendar.workingDaysAfter(calendar.today(), 5));
    assertThat(calendar.isWorkingDay(planned)).isTrue();
    // the visit is zhangwei's task in Tasklist
    JsonNode visitTasks = json.readTree(rest.get("zhangwei", "/engine-rest/task?processInstanceBusinessKey=" + code
        + "&assignee=zhangwei").body());
    assertThat(visitTasks).hasSize(1);

    JsonNode app = json.readTree(rest.get("zhangwei", "/api/network-enrollments/" + no).body());
    assertThat(app.path("status").asText()).isEqualTo("APPROVED");
    assertThat(app.path("customerCode").asText()).isEqualTo(code);
    // auditors find the application in the history under the public process key, business key the number
    // (tests give numbers back, so earlier tests' instances may carry the same number)
    JsonNode history = json.readTree(rest.get("auditor", "/engine-rest/history/process-instance"
        + "?processDefinitionKey=networkEnrollment&processInstanceId=" + app.path("processInstanceId").asText()).body());
    assertThat(history).hasSize(1);
    assertThat(history.get(0).path("businessKey").asText()).isEqualTo(no);
    assertThat(history.get(0).path("state").asText()).isEqualTo("COMPLETED");
  }

  @Test
  void eachRoleSeesAndWorksOnlyWhatBelongsToIt() throws Exception {
    String no = apply("zhangwei", EnrollmentFixture.application(EnrollmentFixture.eastLicence(12)));
    for (String user : List.of("zhangwei", "wangfang", "auditor", "admin")) {
      HttpResponse<String> r = rest.get(user, "/api/network-enrollments/" + no);
      assertThat(r.statusCode()).as(user).isEqualTo(200);
      assertThat(json.readTree(r.body()).path("applicationNo").asText()).isEqualTo(no);
      assertThat(json.readTree(rest.get(user, "/api/network-enrollments").body()).findValuesAsText("applicationNo"))
          .as(user).contains(no);
    }
    for (String user : List.of("lina", "chenjing")) {
      assertThat(rest.get(user, "/api/network-enrollments/" + no).statusCode()).as(user).isEqualTo(404);
      assertThat(json.readTree(rest.get(user, "/api/network-enrollments").body()).findValuesAsText("applicationNo"))
          .as(user).doesNotContain(no);
    }
    for (String user : List.of("liuyang", "sunli")) {
      HttpResponse<String> r = rest.get(user, "/api/network-enrollments/" + no);
      assertThat(r.statusCode()).as(user).isEqualTo(403);
      assertThat(r.body()).contains("無權查看入網申請");
      assertThat(rest.get(user, "/api/network-enrollments").statusCode()).as(user).isEqualTo(403);
    }
    assertThat(rest.get(null, "/api/network-enrollments/" + no).statusCode()).isEqualTo(401);

    // lina (WEST) neither sees nor completes zhangwei's verification
    JsonNode verify = singleTask("zhangwei", no);
    assertThat(tasks("lina", no)).isEmpty();
    assertThat(submit("lina", verify, "{\"storeExists\":{\"value\":\"true\"},\"licenceOriginalSeen\":{\"value\":\"true\"},"
        + "\"recommendedGrade\":{\"value\":3},\"verificationNotes\":{\"value\":\"x\"}}").statusCode()).isIn(403, 404);
    HttpResponse<String> bad = submit("zhangwei", verify, "{\"storeExists\":{\"value\":\"true\"},"
        + "\"licenceOriginalSeen\":{\"value\":\"true\"},\"recommendedGrade\":{\"value\":7},\"verificationNotes\":{\"value\":\"x\"}}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("應為 1–5 級");
    assertThat(submit("zhangwei", verify, "{\"storeExists\":{\"value\":\"true\"},\"licenceOriginalSeen\":{\"value\":\"true\"},"
        + "\"recommendedGrade\":{\"value\":3},\"verificationNotes\":{\"value\":\"店鋪存在\"}}").statusCode()).isEqualTo(204);

    // chenjing (WEST regional manager) cannot approve an EAST application; wangfang can see it
    JsonNode approve = singleTask("wangfang", no);
    assertThat(tasks("chenjing", no)).isEmpty();
    assertThat(submit("chenjing", approve, "{\"decision\":{\"value\":\"APPROVE\"}}").statusCode()).isIn(403, 404);
    assertThat(rest.post("chenjing", "/engine-rest/task/" + approve.path("id").asText() + "/claim",
        "{\"userId\":\"chenjing\"}").statusCode()).isIn(403, 404);
    assertThat(singleTask("wangfang", no).path("taskDefinitionKey").asText()).isEqualTo("Task_ApproveEnrollment");
    // and zhangwei cannot approve his own application
    assertThat(submit("zhangwei", approve, "{\"decision\":{\"value\":\"APPROVE\"}}").statusCode()).isIn(403, 404);
  }

  @Test
  void onlyCustomerManagersApply() {
    String body = toJson(EnrollmentFixture.application(EnrollmentFixture.eastLicence(13)));
    long applicationsBefore = fixture.applications();
    for (String user : List.of("liuyang", "wangfang", "auditor")) {
      HttpResponse<String> r = rest.post(user, "/api/network-enrollments", body);
      assertThat(r.statusCode()).as(user).isEqualTo(403);
    }
    // nor through the engine's REST API (Tasklist's start form)
    HttpResponse<String> engine = rest.post("liuyang", "/engine-rest/process-definition/key/networkEnrollment/submit-form",
        "{\"variables\":{\"licenceNo\":{\"value\":\"" + EnrollmentFixture.eastLicence(13) + "\"}}}");
    assertThat(engine.statusCode()).isIn(403, 404);
    assertThat(rest.post(null, "/api/network-enrollments", body).statusCode()).isEqualTo(401);
    assertThat(fixture.applications()).isEqualTo(applicationsBefore);
    assertThat(fixture.instances()).isZero();
  }

  @Test
  void tasklistsStartFormGetsTheSameAnswers() throws Exception {
    HttpResponse<String> bad = rest.post("zhangwei", "/engine-rest/process-definition/key/networkEnrollment/submit-form",
        "{\"variables\":{\"storeName\":{\"value\":\"某店\"},\"licenceNo\":{\"value\":\"1234\"}}}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("格式不正確", "請填寫「經營地址」", "請填寫「聯繫電話」");
    assertThat(fixture.applications()).isZero();
    assertThat(fixture.instances()).isZero();
    Map<String, Object> good = EnrollmentFixture.application(EnrollmentFixture.eastLicence(14));
    StringBuilder vars = new StringBuilder();
    good.forEach((k, v) -> vars.append(vars.isEmpty() ? "" : ",").append('"').append(k).append("\":{\"value\":\"")
        .append(v).append("\"}"));
    HttpResponse<String> ok = rest.post("zhangwei", "/engine-rest/process-definition/key/networkEnrollment/submit-form",
        "{\"variables\":{" + vars + "}}");
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(json.readTree(ok.body()).path("businessKey").asText()).startsWith("RW-");
  }

  // ---------------------------------------------------------------- the validation table

  static Stream<Arguments> badApplications() {
    LocalDate yesterday = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1);
    return Stream.of(
        Arguments.of("licence too short", Map.of("licenceNo", "1234"), "許可證號「1234」格式不正確"),
        Arguments.of("licence with a letter", Map.of("licenceNo", "33010211234A"), "格式不正確"),
        Arguments.of("licence holder type 3", Map.of("licenceNo", "330102312345"), "格式不正確"),
        Arguments.of("licence of 13 digits", Map.of("licenceNo", "3301021123456"), "格式不正確"),
        Arguments.of("licence of a WEST area in EAST", Map.of("licenceNo", "330106190021"), "不是本區域的行政區劃代碼"),
        Arguments.of("licence of an unknown area", Map.of("licenceNo", "110101190021"), "不是本區域的行政區劃代碼"),
        Arguments.of("licence of an active customer", Map.of("licenceNo", "ACTIVE_CUSTOMER"), "已屬於在網客戶"),
        Arguments.of("licence with an application in progress", Map.of("licenceNo", "IN_PROGRESS"), "已有進行中的入網申請 RW-"),
        Arguments.of("licence expired yesterday", Map.of("licenceExpiry", yesterday.toString()), "許可證已於 " + yesterday + " 到期"),
        Arguments.of("expiry not a date", Map.of("licenceExpiry", "2030-13-45"), "不是日期"),
        Arguments.of("expiry missing", Map.of("licenceExpiry", ""), "請填寫「許可證有效期至」"),
        Arguments.of("licence missing", Map.of("licenceNo", ""), "請填寫「許可證號」"),
        Arguments.of("store name missing", Map.of("storeName", ""), "請填寫「店鋪名稱」"),
        Arguments.of("store name too long", Map.of("storeName", "店".repeat(121)), "「店鋪名稱」最多 120 字"),
        Arguments.of("address missing", Map.of("address", " "), "請填寫「經營地址」"),
        Arguments.of("holder missing", Map.of("holderName", ""), "請填寫「持證人」"),
        Arguments.of("unknown business type", Map.of("businessType", "網吧"), "經營業態「網吧」不在可選範圍內"),
        Arguments.of("another manager's region", Map.of("regionCode", "WEST", "licenceNo", "330106190022"), "只能為本人所屬區域"),
        Arguments.of("unknown region", Map.of("regionCode", "NORTH"), "所屬區域「NORTH」不存在"),
        Arguments.of("bad phone", Map.of("phone", "12345"), "聯繫電話「12345」格式不正確"),
        Arguments.of("phone missing", Map.of("phone", ""), "請填寫「聯繫電話」"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badApplications")
  void aBadApplicationIsAnsweredWith400AndNothingIsSaved(String label, Map<String, String> change, String message)
      throws Exception {
    Map<String, Object> body = EnrollmentFixture.application(EnrollmentFixture.eastLicence(20));
    body.putAll(change);
    if ("ACTIVE_CUSTOMER".equals(body.get("licenceNo"))) {
      body.put("licenceNo", jdbc.queryForObject("SELECT MIN(licence_no) FROM cm_customer WHERE status = 'ACTIVE' "
          + "AND region_code = 'EAST' AND licence_no LIKE '330102%'", String.class));
    }
    if ("IN_PROGRESS".equals(body.get("licenceNo"))) {
      body.put("licenceNo", EnrollmentFixture.eastLicence(21));
      apply("zhangwei", EnrollmentFixture.application(EnrollmentFixture.eastLicence(21)));
    }
    long applicationsBefore = fixture.applications();
    long instancesBefore = fixture.instances();
    int numberBefore = fixture.lastApplicationNumber();
    HttpResponse<String> r = rest.post("zhangwei", "/api/network-enrollments", toJson(body));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(json.readTree(r.body()).path("message").asText()).contains(message);
    assertThat(fixture.applications()).isEqualTo(applicationsBefore);
    assertThat(fixture.instances()).isEqualTo(instancesBefore);
    assertThat(fixture.lastApplicationNumber()).as("no number used up").isEqualTo(numberBefore);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cm_network_application_lock", Long.class))
        .isEqualTo(applicationsBefore);
  }

  @Test
  void everyProblemIsListedInOneAnswer() throws Exception {
    HttpResponse<String> r = rest.post("zhangwei", "/api/network-enrollments", "{}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json.readTree(r.body()).path("message").asText()).contains("請填寫「店鋪名稱」", "請填寫「經營地址」",
        "請填寫「許可證號」", "請填寫「許可證有效期至」", "請填寫「持證人」", "請填寫「經營業態」", "請填寫「所屬區域」", "請填寫「聯繫電話」");
    assertThat(fixture.applications()).isZero();
  }

  // ---------------------------------------------------------------- helpers

  private String apply(String user, Map<String, Object> application) throws Exception {
    HttpResponse<String> r = rest.post(user, "/api/network-enrollments", toJson(application));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json.readTree(r.body()).path("applicationNo").asText();
  }

  private String toJson(Map<String, Object> body) {
    try {
      return json.writeValueAsString(new HashMap<>(body));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode tasks(String user, String no) throws Exception {
    HttpResponse<String> r = rest.get(user, "/engine-rest/task?processInstanceBusinessKey=" + no);
    assertThat(r.statusCode()).isEqualTo(200);
    return json.readTree(r.body());
  }

  private JsonNode singleTask(String user, String no) throws Exception {
    JsonNode tasks = tasks(user, no);
    assertThat(tasks).as(user + "'s tasks of " + no).hasSize(1);
    return tasks.get(0);
  }

  private HttpResponse<String> submit(String user, JsonNode task, String variables) {
    return rest.post(user, "/engine-rest/task/" + task.path("id").asText() + "/submit-form",
        "{\"variables\":" + variables + "}");
  }

  private void runJobs(String no) {
    identityService.clearAuthentication();
    String pi = jdbc.queryForObject("SELECT process_instance_id FROM cm_network_application WHERE application_no = ?",
        String.class, no);
    for (int i = 0; i < 5; i++) {
      List<Job> jobs = managementService.createJobQuery().processInstanceId(pi).list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
  }
}

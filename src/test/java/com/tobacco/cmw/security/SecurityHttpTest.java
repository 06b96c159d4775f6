package com.tobacco.cmw.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tobacco.cmw.support.RestClient;
import com.tobacco.cmw.support.SpringTestBase;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SPEC §4 over HTTP: login required, and a user cannot see, read, claim or complete another
 * user's work through the REST API; auditors read and change nothing.
 */
class SecurityHttpTest extends SpringTestBase {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  RestClient rest;

  @BeforeEach
  void setUp() {
    rest = new RestClient(port);
  }

  @Test
  void anonymousCallsAreRefused() {
    assertThat(rest.get(null, "/engine-rest/process-definition").statusCode()).isEqualTo(401);
    assertThat(rest.get(null, "/engine-rest/task").statusCode()).isEqualTo(401);
    assertThat(rest.post(null, "/engine-rest/message", "{\"messageName\":\"SpecialSituationReported\"}").statusCode()).isEqualTo(401);
    assertThat(rest.get(null, "/api/customers").statusCode()).isEqualTo(401);
    assertThat(rest.get(null, "/api/calendar/days/2026-10-01").statusCode()).isEqualTo(401);
    assertThat(rest.get(null, "/camunda/api/engine/engine/default/task/count").statusCode()).isIn(401, 403);
    assertThat(rest.get(null, "/engine-rest/engine").statusCode()).isEqualTo(200);
  }

  @Test
  void aWrongPasswordIsRefused() {
    HttpResponse<String> r = rest.send("sunli", "wrong", HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/task")));
    assertThat(r.statusCode()).isEqualTo(401);
  }

  @Test
  void aSpecialVisitStartedByZhangweiIsHisAloneAndLinasIsHers() throws Exception {
    String eastCustomer = customerOf("zhangwei");
    String westCustomer = customerOf("lina");
    String zhangweiTask = startSpecialVisit("zhangwei", eastCustomer);
    String linaTask = startSpecialVisit("lina", westCustomer);

    assertThat(taskIds("zhangwei")).contains(zhangweiTask).doesNotContain(linaTask);
    assertThat(taskIds("lina")).contains(linaTask).doesNotContain(zhangweiTask);
    assertThat(rest.get("zhangwei", "/engine-rest/task/" + zhangweiTask + "/variables").statusCode()).isEqualTo(200);

    assertCannotTouch("lina", zhangweiTask);
    assertCannotTouch("zhangwei", linaTask);

    // the regional manager of the region sees the task but cannot work on it; the other region sees nothing
    assertThat(taskIds("wangfang")).contains(zhangweiTask).doesNotContain(linaTask);
    assertThat(taskIds("chenjing")).contains(linaTask).doesNotContain(zhangweiTask);
    assertThat(rest.post("wangfang", "/engine-rest/task/" + zhangweiTask + "/complete", "{}").statusCode()).isEqualTo(403);

    // process instances: only one's own
    assertThat(rest.get("lina", "/engine-rest/process-instance?businessKey=" + eastCustomer).body()).isEqualTo("[]");
    assertThat(rest.get("zhangwei", "/engine-rest/process-instance?businessKey=" + eastCustomer).body()).contains(eastCustomer);
  }

  @Test
  void auditorsReadEverythingAndChangeNothing() throws Exception {
    String task = startSpecialVisit("zhangwei", customerOf("zhangwei"));
    HttpResponse<String> read = rest.get("auditor", "/engine-rest/task/" + task);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(rest.get("auditor", "/engine-rest/history/process-instance?processDefinitionKey=customerVisit").body()).contains("customerVisit");
    assertThat(rest.post("auditor", "/engine-rest/task/" + task + "/claim", "{\"userId\":\"auditor\"}").statusCode()).isEqualTo(403);
    assertThat(rest.post("auditor", "/engine-rest/task/" + task + "/complete", "{}").statusCode()).isEqualTo(403);
    assertThat(rest.post("auditor", "/engine-rest/message",
        "{\"messageName\":\"SpecialSituationReported\",\"processVariables\":{\"customerCode\":{\"value\":\"" + customerOf("lina")
            + "\"},\"situation\":{\"value\":\"x\"}}}").statusCode()).isEqualTo(403);
    assertThat(rest.get("zhangwei", "/engine-rest/task/" + task).statusCode()).isEqualTo(200);
  }

  @Test
  void aCustomerManagerCannotStartAVisitForAnotherManagersCustomer() {
    HttpResponse<String> r = rest.post("zhangwei", "/engine-rest/message",
        "{\"messageName\":\"SpecialSituationReported\",\"processVariables\":{\"customerCode\":{\"value\":\"" + customerOf("lina")
            + "\"},\"situation\":{\"value\":\"x\"}}}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("不是您負責的客戶");
  }

  @Test
  void badInputThroughRestGetsAClearMessageAndTheTaskStays() throws Exception {
    String task = startSpecialVisit("zhangwei", customerOf("zhangwei"));
    HttpResponse<String> r = rest.post("zhangwei", "/engine-rest/task/" + task + "/complete", """
        {"variables": {
          "infoPassedOn": {"value": "新品信息"}, "infoCollected": {"value": "無"},
          "brandChecks": {"value": "[{\\"brandCode\\":\\"B001\\",\\"stockCartons\\":-1}]", "type": "Json"},
          "displayWork": {"value": "已整理"}, "lawfulObservation": {"value": "正常"}, "specialHandling": {"value": "已處理"},
          "customerSignerName": {"value": "店主"}, "customerConfirmed": {"value": true}}}""");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json.readTree(r.body()).get("message").asText()).contains("庫存應在 0 至").doesNotContain("Exception");
    assertThat(rest.get("zhangwei", "/engine-rest/task/" + task).statusCode()).isEqualTo(200);

    // a start through the process definition and through Tasklist's start form answers the same way
    HttpResponse<String> start = rest.post("zhangwei", "/engine-rest/process-definition/key/customerVisit/start",
        "{\"variables\":{\"customerCode\":{\"value\":\"NOPE2\"},\"plannedDate\":{\"value\":\"2030-01-02\"}}}");
    assertThat(start.statusCode()).as(start.body()).isEqualTo(400);
    assertThat(json.readTree(start.body()).get("message").asText()).contains("客戶代碼「NOPE2」不存在");
    HttpResponse<String> startForm = rest.post("zhangwei", "/engine-rest/process-definition/key/customerVisit/submit-form",
        "{\"variables\":{\"customerCode\":{\"value\":\"" + customerOf("zhangwei")
            + "\"},\"plannedDate\":{\"value\":\"2020-01-02\"}}}");
    assertThat(startForm.statusCode()).as(startForm.body()).isEqualTo(400);
    assertThat(startForm.body()).contains("早於今天");

    HttpResponse<String> unknown = rest.post("zhangwei", "/engine-rest/message",
        "{\"messageName\":\"SpecialSituationReported\",\"processVariables\":{\"customerCode\":{\"value\":\"NOPE1\"},\"situation\":{\"value\":\"x\"}}}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("不存在");
  }

  @Test
  void masterDataIsScopedToTheUser() throws Exception {
    HttpResponse<String> response = rest.get("zhangwei", "/api/customers?limit=500");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode mine = json.readTree(response.body());
    assertThat(mine.isArray() && mine.size() > 0).as(response.body()).isTrue();
    mine.forEach(c -> assertThat(c.get("managerId").asText()).isEqualTo("zhangwei"));
    assertThat(rest.get("zhangwei", "/api/customers/" + customerOf("lina")).statusCode()).isEqualTo(404);
    assertThat(rest.get("zhangwei", "/api/customers/" + customerOf("zhangwei")).body()).contains("\"visits\"");

    JsonNode region = json.readTree(rest.get("wangfang", "/api/customers?limit=500").body());
    region.forEach(c -> assertThat(c.get("regionCode").asText()).isEqualTo("EAST"));
    JsonNode all = json.readTree(rest.get("auditor", "/api/customers?limit=500").body());
    assertThat(all.size()).isEqualTo(mine.size() + json.readTree(rest.get("lina", "/api/customers?limit=500").body()).size());

    assertThat(json.readTree(rest.get("lina", "/api/brands").body()).size()).isEqualTo(20);
    assertThat(rest.get("lina", "/api/customers?limit=0").statusCode()).isEqualTo(400);
    assertThat(rest.get("lina", "/api/customers?status=GONE").statusCode()).isEqualTo(400);
    JsonNode holiday = json.readTree(rest.get("lina", "/api/calendar/days/2026-10-01").body());
    assertThat(holiday.get("workingDay").asBoolean()).isFalse();
    assertThat(holiday.get("name").asText()).isEqualTo("國慶節");
    assertThat(json.readTree(rest.get("lina", "/api/calendar/working-days-after?from=2026-09-30&days=1").body())
        .get("date").asText()).isEqualTo("2026-10-08");
  }

  // ---------------------------------------------------------------- helpers

  private String customerOf(String managerId) {
    return jdbc.queryForObject("SELECT MIN(customer_code) FROM cm_customer WHERE manager_id = ? AND status = 'ACTIVE'",
        String.class, managerId);
  }

  private String startSpecialVisit(String user, String customerCode) throws Exception {
    HttpResponse<String> r = rest.post(user, "/engine-rest/message", """
        {"messageName": "SpecialSituationReported", "businessKey": "%s", "resultEnabled": true,
         "processVariables": {"customerCode": {"value": "%s"}, "situation": {"value": "客戶來電反映情況"}}}"""
        .formatted(customerCode, customerCode));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    String instanceId = json.readTree(r.body()).get(0).get("processInstance").get("id").asText();
    JsonNode tasks = json.readTree(rest.get(user, "/engine-rest/task?processInstanceId=" + instanceId).body());
    assertThat(tasks.size()).isOne();
    return tasks.get(0).get("id").asText();
  }

  private java.util.List<String> taskIds(String user) throws Exception {
    java.util.List<String> ids = new java.util.ArrayList<>();
    json.readTree(rest.get(user, "/engine-rest/task?maxResults=1000").body()).forEach(t -> ids.add(t.get("id").asText()));
    return ids;
  }

  private void assertCannotTouch(String user, String taskId) {
    assertThat(rest.get(user, "/engine-rest/task/" + taskId).statusCode()).isIn(403, 404);
    assertThat(rest.get(user, "/engine-rest/task/" + taskId + "/variables").statusCode()).isIn(403, 404);
    assertThat(rest.get(user, "/engine-rest/task/" + taskId + "/form-variables").statusCode()).isIn(403, 404);
    assertThat(rest.post(user, "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"" + user + "\"}").statusCode()).isIn(403, 404);
    assertThat(rest.post(user, "/engine-rest/task/" + taskId + "/complete", "{}").statusCode()).isIn(403, 404);
    assertThat(rest.post(user, "/engine-rest/task/" + taskId + "/submit-form", "{}").statusCode()).isIn(403, 404);
  }
}

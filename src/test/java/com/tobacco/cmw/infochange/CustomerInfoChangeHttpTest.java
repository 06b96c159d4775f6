package com.tobacco.cmw.infochange;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tobacco.cmw.calendar.WorkCalendar;
import com.tobacco.cmw.customer.Customer;
import com.tobacco.cmw.customer.CustomerRepository;
import com.tobacco.cmw.security.Roles;
import com.tobacco.cmw.security.StaffDirectory;
import com.tobacco.cmw.support.RestClient;
import com.tobacco.cmw.support.SpringTestBase;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code /api/customers/{code}/change-requests}, the change history and the approval over HTTP,
 * per role; and a new customer manager taking over the customer's open visit.
 */
class CustomerInfoChangeHttpTest extends SpringTestBase {

  static final String SECOND_EAST_MANAGER = "test-cm-east";

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired CustomerRepository customers;
  @Autowired StaffDirectory staff;
  @Autowired WorkCalendar calendar;
  @Autowired com.tobacco.cmw.customer.CustomerChangeHistory history;
  RestClient rest;
  InfoChangeFixture fixture;
  String visitInstance;
  String exitInstance;

  @BeforeEach
  void setUp() {
    rest = new RestClient(port);
    fixture = new InfoChangeFixture(jdbc, customers, runtimeService);
  }

  @AfterEach
  void cleanUp() {
    identityService.clearAuthentication();
    if (visitInstance != null) {
      if (runtimeService.createProcessInstanceQuery().processInstanceId(visitInstance).count() > 0) {
        runtimeService.deleteProcessInstance(visitInstance, "test clean-up");
      }
      jdbc.update("DELETE FROM cm_visit_brand_check WHERE visit_id IN (SELECT id FROM cm_visit WHERE process_instance_id = ?)",
          visitInstance);
      jdbc.update("DELETE FROM cm_visit WHERE process_instance_id = ?", visitInstance);
      authorizationService.createAuthorizationQuery().userIdIn(SECOND_EAST_MANAGER).list()
          .forEach(a -> authorizationService.deleteAuthorization(a.getId()));
    }
    if (exitInstance != null) {
      if (runtimeService.createProcessInstanceQuery().processInstanceId(exitInstance).count() > 0) {
        runtimeService.deleteProcessInstance(exitInstance, "test clean-up");
      }
      jdbc.update("DELETE FROM cm_network_exit WHERE process_instance_id = ?", exitInstance);
    }
    fixture.cleanUp();
    jdbc.update("DELETE FROM cm_staff WHERE user_id = ?", SECOND_EAST_MANAGER);
  }

  @Test
  void theManagersPhoneChangeIsVisibleAtOnceInTheCustomerAndItsHistory() throws Exception {
    Customer c = fixture.active("zhangwei", 0);
    HttpResponse<String> r = rest.post("zhangwei", "/api/customers/" + c.customerCode() + "/change-requests",
        "{\"phone\": \"13712345678\", \"reason\": \"客戶換號\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode answer = json.readTree(r.body());
    assertThat(answer.path("status").asText()).isEqualTo("APPLIED");
    assertThat(answer.path("applied").get(0).asText()).isEqualTo("phone");
    String pid = answer.path("processInstanceId").asText();

    JsonNode detail = json.readTree(rest.get("zhangwei", "/api/customers/" + c.customerCode()).body());
    assertThat(detail.path("customer").path("phone").asText()).isEqualTo("13712345678");
    assertThat(detail.path("visits").isArray()).isTrue();
    JsonNode line = lastLine(detail.path("changes"));
    assertThat(line.path("field").asText()).isEqualTo("phone");
    assertThat(line.path("fieldLabel").asText()).isEqualTo("聯繫電話");
    assertThat(line.path("oldValue").asText()).isEqualTo(c.phone());
    assertThat(line.path("newValue").asText()).isEqualTo("13712345678");
    assertThat(line.path("reason").asText()).isEqualTo("客戶換號");
    assertThat(line.path("changedBy").asText()).isEqualTo("zhangwei");
    assertThat(line.path("changedByName").asText()).isEqualTo("張偉");
    assertThat(line.path("processKey").asText()).isEqualTo("customerInfoChange");
    assertThat(line.path("processName").asText()).isEqualTo("客戶信息維護");
    assertThat(line.path("processInstanceId").asText()).isEqualTo(pid);
    assertThat(line.path("changedAt").isMissingNode()).isFalse();

    for (String user : List.of("zhangwei", "wangfang", "auditor")) {
      HttpResponse<String> changes = rest.get(user, "/api/customers/" + c.customerCode() + "/changes");
      assertThat(changes.statusCode()).as(user).isEqualTo(200);
      assertThat(lastLine(json.readTree(changes.body())).path("processInstanceId").asText()).isEqualTo(pid);
    }
    for (String user : List.of("lina", "chenjing")) {
      assertThat(rest.get(user, "/api/customers/" + c.customerCode() + "/changes").statusCode()).as(user).isEqualTo(404);
    }
    // the auditor finds the request in the engine's history under the public key, the customer code as business key
    JsonNode history = json.readTree(rest.get("auditor", "/engine-rest/history/process-instance"
        + "?processDefinitionKey=customerInfoChange&processInstanceId=" + pid).body());
    assertThat(history).hasSize(1);
    assertThat(history.get(0).path("businessKey").asText()).isEqualTo(c.customerCode());
    assertThat(history.get(0).path("state").asText()).isEqualTo("COMPLETED");
  }

  @Test
  void onlyTheCustomersManagerOrRegionRequestsAndBadInputIsA400ThatWritesNothing() throws Exception {
    Customer c = fixture.active("zhangwei", 1);
    String path = "/api/customers/" + c.customerCode() + "/change-requests";
    String body = "{\"phone\": \"13712345678\", \"reason\": \"客戶換號\"}";
    assertThat(rest.post("lina", path, body).statusCode()).isEqualTo(404);
    assertThat(rest.post("chenjing", path, body).statusCode()).isEqualTo(404);
    HttpResponse<String> brandManager = rest.post("liuyang", path, body);
    assertThat(brandManager.statusCode()).isEqualTo(403);
    assertThat(json.readTree(brandManager.body()).path("message").asText()).contains("只有客戶經理和區域市場經理");
    assertThat(rest.post(null, path, body).statusCode()).isEqualTo(401);
    // the engine refuses the start too: a brand manager cannot even see the definition
    HttpResponse<String> engineStart = rest.post("liuyang", "/engine-rest/process-definition/key/customerInfoChange/start",
        "{\"variables\": {\"customerCode\": {\"value\": \"" + c.customerCode() + "\"}}}");
    assertThat(engineStart.statusCode()).isEqualTo(404);

    HttpResponse<String> bad = rest.post("zhangwei", path, "{\"phone\": \"12345\", \"reason\": \"客戶換號\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json.readTree(bad.body()).path("message").asText()).contains("「聯繫電話」格式不正確");
    HttpResponse<String> noReason = rest.post("zhangwei", path, "{\"grade\": 6}");
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(json.readTree(noReason.body()).path("message").asText()).contains("請填寫「變更原因」");
    assertThat(fixture.requestCount(c.customerCode())).isZero();
    assertThat(fixture.now(c.customerCode())).isEqualTo(c);
  }

  @Test
  void onlyTheRegionsManagersApproveAndTheApprovedGradeIsInTheHistory() throws Exception {
    Customer c = fixture.active("zhangwei", 2);
    int grade = c.grade() == 1 ? 2 : 1;
    HttpResponse<String> r = rest.post("zhangwei", "/api/customers/" + c.customerCode() + "/change-requests",
        "{\"grade\": " + grade + ", \"reason\": \"年度評級\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode answer = json.readTree(r.body());
    assertThat(answer.path("status").asText()).isEqualTo("OPEN");
    String pid = answer.path("processInstanceId").asText();
    Task task = taskService.createTaskQuery().processInstanceId(pid).singleResult();

    String complete = "/engine-rest/task/" + task.getId() + "/complete";
    String approve = "{\"variables\": {\"approvalDecision\": {\"value\": \"APPROVE\"}}}";
    assertThat(json.readTree(rest.get("chenjing", "/engine-rest/task?processInstanceId=" + pid).body())).isEmpty();
    assertThat(rest.post("chenjing", complete, approve).statusCode()).isEqualTo(403);
    assertThat(rest.post("zhangwei", complete, approve).statusCode()).isEqualTo(403);
    HttpResponse<String> noReason = rest.post("wangfang", complete,
        "{\"variables\": {\"approvalDecision\": {\"value\": \"REJECT\"}}}");
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(noReason.body()).contains("駁回理由");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    assertThat(rest.post("wangfang", complete, approve).statusCode()).isEqualTo(204);
    managementService.executeJob(managementService.createJobQuery().processInstanceId(pid).singleResult().getId());

    assertThat(fixture.now(c.customerCode()).grade()).isEqualTo(grade);
    JsonNode line = lastLine(json.readTree(rest.get("zhangwei", "/api/customers/" + c.customerCode() + "/changes").body()));
    assertThat(line.path("field").asText()).isEqualTo("grade");
    assertThat(line.path("changedBy").asText()).isEqualTo("wangfang");
    assertThat(line.path("reason").asText()).startsWith("年度評級");
    JsonNode requests = json.readTree(rest.get("zhangwei", "/api/customers/" + c.customerCode() + "/change-requests").body());
    assertThat(requests.get(0).path("request").path("status").asText()).isEqualTo("APPLIED");
    assertThat(requests.get(0).path("items").get(0).path("field").asText()).isEqualTo("GRADE");
  }

  @Test
  void aNewManagerTakesOverTheCustomersOpenVisitAndTheVisitFormShowsTheChanges() {
    staff.save(new StaffDirectory.Staff(SECOND_EAST_MANAGER, "測試經理", Roles.CUSTOMER_MANAGERS, "EAST", true));
    Customer c = fixture.active("zhangwei", 3);
    HttpResponse<String> phone = rest.post("zhangwei", "/api/customers/" + c.customerCode() + "/change-requests",
        "{\"phone\": \"13600001111\", \"reason\": \"客戶換號\"}");
    assertThat(phone.statusCode()).as(phone.body()).isEqualTo(201);

    ProcessInstance visit = runtimeService.startProcessInstanceByKey("customerVisit", Map.of("customerCode",
        c.customerCode(), "plannedDate", calendar.firstWorkingDayOnOrAfter(calendar.today().plusDays(1)).toString()));
    visitInstance = visit.getId();
    Task visitTask = taskService.createTaskQuery().processInstanceId(visitInstance).singleResult();
    assertThat(visitTask.getAssignee()).isEqualTo("zhangwei");
    // the customer panel of the visit form lists the latest changes, newest first
    assertThat((String) taskService.getVariableLocal(visitTask.getId(), CustomerChangePanel.VARIABLE))
        .startsWith("- ").contains("**聯繫電話**").contains("13600001111").contains("張偉").contains("客戶信息維護")
        .contains("原因:客戶換號");

    HttpResponse<String> r = rest.post("zhangwei", "/api/customers/" + c.customerCode() + "/change-requests",
        "{\"managerId\": \"" + SECOND_EAST_MANAGER + "\", \"reason\": \"片區調整\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String pid = r.body().replaceAll(".*\"processInstanceId\":\"([^\"]+)\".*", "$1");
    identityService.setAuthentication("wangfang", List.of("regional-managers", "regional-managers-east"));
    try {
      taskService.complete(taskService.createTaskQuery().processInstanceId(pid).singleResult().getId(),
          Map.of("approvalDecision", "APPROVE"));
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(taskService.createTaskQuery().processInstanceId(visitInstance).singleResult().getAssignee())
        .isEqualTo("zhangwei"); // nothing moves before the change is in force
    managementService.executeJob(managementService.createJobQuery().processInstanceId(pid).singleResult().getId());

    assertThat(fixture.now(c.customerCode()).managerId()).isEqualTo(SECOND_EAST_MANAGER);
    Task moved = taskService.createTaskQuery().processInstanceId(visitInstance).singleResult();
    assertThat(moved.getAssignee()).isEqualTo(SECOND_EAST_MANAGER);
    assertThat(runtimeService.getVariable(visitInstance, "managerId")).isEqualTo(SECOND_EAST_MANAGER);
    assertThat(authorizationService.createAuthorizationQuery().userIdIn(SECOND_EAST_MANAGER)
        .resourceType(Resources.PROCESS_INSTANCE).resourceId(visitInstance).hasPermission(Permissions.READ).count())
        .isEqualTo(1);
    // the old manager can no longer work on the moved task through the engine API; the new one can
    identityService.setAuthentication("zhangwei", List.of(Roles.CUSTOMER_MANAGERS));
    try {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> taskService.complete(moved.getId(), Map.of()))
          .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(rest.post("zhangwei", "/engine-rest/task/" + moved.getId() + "/complete", "{}").statusCode()).isEqualTo(403);
    assertThat(authorizationService.isUserAuthorized(SECOND_EAST_MANAGER, List.of(Roles.CUSTOMER_MANAGERS),
        TaskPermissions.TASK_WORK, Resources.TASK, moved.getId())).isTrue();
    identityService.setAuthentication(SECOND_EAST_MANAGER, List.of(Roles.CUSTOMER_MANAGERS));
    try {
      // past the authorization check: only the visit's own validation of the empty report answers
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> taskService.complete(moved.getId(), Map.of()))
          .isNotInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  void aRegionChangeTakesTheMovedApprovalFromTheOldRegionsRegionalManagers() throws Exception {
    Customer c = fixture.active("zhangwei", 5);
    identityService.setAuthentication("zhangwei", List.of(Roles.CUSTOMER_MANAGERS));
    ProcessInstance exit;
    try {
      exit = runtimeService.startProcessInstanceByKey("networkExit", Map.of("customerCode", c.customerCode(),
          "exitReason", "VOLUNTARY"));
      exitInstance = exit.getId();
      taskService.complete(taskService.createTaskQuery().processInstanceId(exitInstance).singleResult().getId(),
          Map.of("allSettled", true));
    } finally {
      identityService.clearAuthentication();
    }
    String approval = taskService.createTaskQuery().processInstanceId(exitInstance).singleResult().getId();
    assertThat(authorizationService.isUserAuthorized("wangfang", List.of("regional-managers", "regional-managers-east"),
        TaskPermissions.TASK_WORK, Resources.TASK, approval)).isTrue();

    HttpResponse<String> r = rest.post("wangfang", "/api/customers/" + c.customerCode() + "/change-requests",
        "{\"regionCode\": \"WEST\", \"managerId\": \"lina\", \"licenceNo\": \"" + fixture.freeLicence("330108")
            + "\", \"reason\": \"門店遷至西區\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String pid = json.readTree(r.body()).path("processInstanceId").asText();
    managementService.executeJob(managementService.createJobQuery().processInstanceId(pid).singleResult().getId());

    assertThat(taskService.createTaskQuery().taskId(approval).taskCandidateGroup("regional-managers-west").count())
        .isEqualTo(1);
    assertThat(authorizationService.isUserAuthorized("wangfang", List.of("regional-managers", "regional-managers-east"),
        TaskPermissions.TASK_WORK, Resources.TASK, approval)).isFalse();
    assertThat(rest.post("wangfang", "/engine-rest/task/" + approval + "/complete",
        "{\"variables\": {\"exitDecision\": {\"value\": \"APPROVED\"}}}").statusCode()).isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(approval).count()).isEqualTo(1);
    assertThat(authorizationService.isUserAuthorized("chenjing", List.of("regional-managers", "regional-managers-west"),
        TaskPermissions.TASK_WORK, Resources.TASK, approval)).isTrue();
  }

  @Test
  void aRegionChangeHandsTheOpenVisitToTheNewRegionsManagerAndRegionalManagers() throws Exception {
    Customer c = fixture.active("zhangwei", 4);
    ProcessInstance visit = runtimeService.startProcessInstanceByKey("customerVisit", Map.of("customerCode",
        c.customerCode(), "plannedDate", calendar.firstWorkingDayOnOrAfter(calendar.today().plusDays(1)).toString()));
    visitInstance = visit.getId();
    String visitTask = taskService.createTaskQuery().processInstanceId(visitInstance).singleResult().getId();
    assertThat(json.readTree(rest.get("chenjing", "/engine-rest/task?processInstanceId=" + visitInstance).body())).isEmpty();

    // the regional manager's own request is the approval: applied by the next job, no task
    HttpResponse<String> r = rest.post("wangfang", "/api/customers/" + c.customerCode() + "/change-requests",
        "{\"regionCode\": \"WEST\", \"managerId\": \"lina\", \"licenceNo\": \"" + fixture.freeLicence("330108")
            + "\", \"reason\": \"門店遷至西區\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String pid = json.readTree(r.body()).path("processInstanceId").asText();
    assertThat(taskService.createTaskQuery().processInstanceId(pid).count()).isZero();
    managementService.executeJob(managementService.createJobQuery().processInstanceId(pid).singleResult().getId());

    Customer now = fixture.now(c.customerCode());
    assertThat(now.regionCode()).isEqualTo("WEST");
    assertThat(now.managerId()).isEqualTo("lina");
    assertThat(taskService.createTaskQuery().processInstanceId(visitInstance).singleResult().getAssignee()).isEqualTo("lina");
    // the new region's regional manager now oversees the visit task and reads the customer; the old one does not
    JsonNode seen = json.readTree(rest.get("chenjing", "/engine-rest/task?processInstanceId=" + visitInstance).body());
    assertThat(seen).hasSize(1);
    assertThat(seen.get(0).path("id").asText()).isEqualTo(visitTask);
    assertThat(rest.get("chenjing", "/api/customers/" + c.customerCode()).statusCode()).isEqualTo(200);
    assertThat(rest.get("wangfang", "/api/customers/" + c.customerCode()).statusCode()).isEqualTo(404);
    assertThat(rest.get("lina", "/api/customers/" + c.customerCode() + "/changes").statusCode()).isEqualTo(200);
  }

  @Test
  void theHistoryIsOldestFirstAndTheVisitPanelShowsTheNewestTen() throws Exception {
    Customer c = fixture.active("zhangwei", 5);
    java.time.Instant start = java.time.Instant.parse("2026-01-05T02:00:00Z");
    for (int i = 1; i <= 12; i++) {
      customers.recordChange(new CustomerRepository.Change(c.customerCode(), "address", "地址" + (i - 1), "地址" + i,
          "第 " + i + " 次", "wangfang", start.plusSeconds(3600L * i), "customerInfoChange", "pi-" + i));
    }
    JsonNode lines = json.readTree(rest.get("wangfang", "/api/customers/" + c.customerCode() + "/changes").body());
    List<JsonNode> ours = new java.util.ArrayList<>();
    lines.forEach(l -> {
      if (l.path("processInstanceId").asText().startsWith("pi-")) {
        ours.add(l);
      }
    });
    assertThat(ours).extracting(l -> l.path("newValue").asText()).containsExactly("地址1", "地址2", "地址3", "地址4",
        "地址5", "地址6", "地址7", "地址8", "地址9", "地址10", "地址11", "地址12");
    assertThat(ours.get(0).path("changedByName").asText()).isEqualTo("王芳");
    assertThat(ours.get(0).path("fieldLabel").asText()).isEqualTo("經營地址");

    String panel = history.recentAsMarkdown(c.customerCode(), 10);
    List<String> items = panel.lines().filter(l -> l.startsWith("- ")).toList();
    assertThat(items).hasSize(10);
    assertThat(items.get(0)).startsWith("- 2026-01-05 22:00 **經營地址**:地址11 → 地址12(王芳,客戶信息維護,原因:第 12 次)");
    assertThat(items.get(9)).contains("地址2 → 地址3");
    assertThat(panel).endsWith("共 " + (lines.size()) + " 條,僅顯示最近 10 條。");
  }

  private static JsonNode lastLine(JsonNode lines) {
    assertThat(lines.isArray()).isTrue();
    assertThat(lines.size()).isPositive();
    return lines.get(lines.size() - 1);
  }
}

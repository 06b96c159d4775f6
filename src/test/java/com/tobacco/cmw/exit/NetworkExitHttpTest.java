package com.tobacco.cmw.exit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tobacco.cmw.customer.CustomerRepository;
import com.tobacco.cmw.support.RestClient;
import com.tobacco.cmw.support.SpringTestBase;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code /api/network-exits} and the Tasklist calls of an exit over HTTP, per role: who may apply
 * (a customer manager for their own customers, a regional manager for the region), who reads an
 * application, who verifies and approves, and the auditor's history under the process key
 * networkExit.
 */
class NetworkExitHttpTest extends SpringTestBase {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired CustomerRepository customers;
  RestClient rest;
  ExitFixture fixture;

  @BeforeEach
  void setUp() {
    rest = new RestClient(port);
    fixture = new ExitFixture(jdbc, customers, runtimeService);
  }

  @AfterEach
  void cleanUp() {
    fixture.cleanUp();
  }

  @Test
  void aNumericCustomerCodeReadsTheCustomerAndAnIdIsReadUnderById() throws Exception {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    String east = fixture.customer("zhangwei", "EAST", today.plusYears(2));
    HttpResponse<String> started = rest.post("zhangwei", "/api/network-exits", body(east, "STORE_CLOSED"));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    long exitId = json.readTree(started.body()).path("exitId").asLong();
    // an imported customer whose code is the same number as that application's id
    String numeric = fixture.customer(String.valueOf(exitId), "zhangwei", "EAST", today.plusYears(2),
        com.tobacco.cmw.customer.CustomerStatus.ACTIVE);

    JsonNode ofNumeric = json.readTree(rest.get("zhangwei", "/api/network-exits/" + numeric).body());
    assertThat(ofNumeric.isArray()).isTrue();
    assertThat(ofNumeric).isEmpty();
    HttpResponse<String> byId = rest.get("zhangwei", "/api/network-exits/by-id/" + exitId);
    assertThat(byId.statusCode()).isEqualTo(200);
    assertThat(json.readTree(byId.body()).path("exit").path("customerCode").asText()).isEqualTo(east);
    assertThat(rest.get("lina", "/api/network-exits/by-id/" + exitId).statusCode()).isEqualTo(404);
  }

  @Test
  void whoMayApplyReadVerifyAndApprove() throws Exception {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    String east = fixture.customer("zhangwei", "EAST", today.plusYears(2));

    HttpResponse<String> foreign = rest.post("lina", "/api/network-exits", body(east, "VOLUNTARY"));
    assertThat(foreign.statusCode()).isEqualTo(400);
    assertThat(foreign.body()).contains("不在您負責的範圍內");
    assertThat(rest.post("chenjing", "/api/network-exits", body(east, "VOLUNTARY")).statusCode()).isEqualTo(400);
    assertThat(rest.post("liuyang", "/api/network-exits", body(east, "VOLUNTARY")).statusCode()).isEqualTo(403);
    assertThat(rest.post("auditor", "/api/network-exits", body(east, "VOLUNTARY")).statusCode()).isEqualTo(403);
    assertThat(rest.post(null, "/api/network-exits", body(east, "VOLUNTARY")).statusCode()).isEqualTo(401);
    HttpResponse<String> other = rest.post("zhangwei", "/api/network-exits", body(east, "OTHER"));
    assertThat(other.statusCode()).isEqualTo(400);
    assertThat(other.body()).contains("說明");

    HttpResponse<String> started = rest.post("zhangwei", "/api/network-exits", body(east, "STORE_CLOSED"));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    JsonNode s = json.readTree(started.body());
    assertThat(s.path("customerCode").asText()).isEqualTo(east);
    long exitId = s.path("exitId").asLong();
    String pid = s.path("processInstanceId").asText();
    HttpResponse<String> twice = rest.post("wangfang", "/api/network-exits", body(east, "VOLUNTARY"));
    assertThat(twice.statusCode()).isEqualTo(400);
    assertThat(twice.body()).contains("客戶 " + east + " 已有進行中的退網申請");

    // reads: the manager, the region and head office; not the other region
    for (String user : new String[] {"zhangwei", "wangfang", "auditor"}) {
      HttpResponse<String> r = rest.get(user, "/api/network-exits/" + east);
      assertThat(r.statusCode()).as(user).isEqualTo(200);
      assertThat(json.readTree(r.body()).get(0).path("exit").path("reason").asText()).isEqualTo("STORE_CLOSED");
      assertThat(rest.get(user, "/api/network-exits/" + exitId).statusCode()).as(user).isEqualTo(200);
    }
    for (String user : new String[] {"lina", "chenjing"}) {
      assertThat(rest.get(user, "/api/network-exits/" + east).statusCode()).as(user).isEqualTo(404);
      assertThat(rest.get(user, "/api/network-exits/" + exitId).statusCode()).as(user).isEqualTo(404);
      assertThat(tasks(user, east)).as(user).isEmpty();
    }

    // verification by the customer's manager in Tasklist; bad input is answered with 400
    JsonNode verify = tasks("zhangwei", east);
    assertThat(verify).hasSize(1);
    assertThat(verify.get(0).path("taskDefinitionKey").asText()).isEqualTo("Task_VerifyOutstandingItems");
    String verifyId = verify.get(0).path("id").asText();
    assertThat(rest.post("lina", "/engine-rest/task/" + verifyId + "/submit-form",
        "{\"variables\":{\"allSettled\":{\"value\":true}}}").statusCode()).isIn(403, 404);
    HttpResponse<String> unconfirmed = rest.post("zhangwei", "/engine-rest/task/" + verifyId + "/submit-form",
        "{\"variables\":{\"allSettled\":{\"value\":false}}}");
    assertThat(unconfirmed.statusCode()).isEqualTo(400);
    assertThat(unconfirmed.body()).contains("請確認");
    assertThat(rest.post("zhangwei", "/engine-rest/task/" + verifyId + "/submit-form",
        "{\"variables\":{\"allSettled\":{\"value\":true}}}").statusCode()).isEqualTo(204);

    // approval: chenjing (WEST) neither sees nor completes it, wangfang (EAST) does
    assertThat(tasks("chenjing", east)).isEmpty();
    JsonNode approve = tasks("wangfang", east);
    assertThat(approve).hasSize(1);
    String approveId = approve.get(0).path("id").asText();
    assertThat(approve.get(0).path("taskDefinitionKey").asText()).isEqualTo("Task_ApproveExit");
    assertThat(rest.post("chenjing", "/engine-rest/task/" + approveId + "/submit-form",
        "{\"variables\":{\"exitDecision\":{\"value\":\"APPROVED\"}}}").statusCode()).isIn(403, 404);
    assertThat(rest.post("wangfang", "/engine-rest/task/" + approveId + "/submit-form",
        "{\"variables\":{\"exitDecision\":{\"value\":\"APPROVED\"}}}").statusCode()).isEqualTo(204);

    // the auditor reads the history under the public process key
    HttpResponse<String> history = rest.get("auditor", "/engine-rest/history/process-instance?processDefinitionKey=networkExit"
        + "&processInstanceBusinessKey=" + east);
    assertThat(history.statusCode()).isEqualTo(200);
    assertThat(json.readTree(history.body())).extracting(n -> n.path("id").asText()).contains(pid);
    assertThat(rest.get("zhangwei", "/engine-rest/history/process-instance?processDefinitionKey=networkExit"
        + "&processInstanceBusinessKey=" + east).body()).doesNotContain(pid);
  }

  private String body(String customer, String reason) {
    return "{\"customerCode\":\"" + customer + "\",\"exitReason\":\"" + reason + "\"}";
  }

  private JsonNode tasks(String user, String businessKey) throws Exception {
    HttpResponse<String> r = rest.get(user, "/engine-rest/task?processInstanceBusinessKey=" + businessKey);
    assertThat(r.statusCode()).isEqualTo(200);
    return json.readTree(r.body());
  }
}

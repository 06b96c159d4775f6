package com.tobacco.cmw.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tobacco.cmw.support.RestClient;
import com.tobacco.cmw.support.SpringTestBase;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The done-when over HTTP: a campaign runs from liuyang's start ({@code POST /api/promotions})
 * through the recommendations of zhangwei and lina, the reviews of wangfang (EAST) and chenjing
 * (WEST) and liuyang's decision to hand-outs signed for zhangwei's and lina's customers, all through
 * {@code /engine-rest} as Tasklist does it; per role, who sees and may do what; bad starts answered
 * with 400 and a message. The process key {@code promotionSelection} is public (Cockpit filters).
 */
class PromotionHttpTest extends SpringTestBase {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  RestClient rest;
  PromotionFixture fx;

  @BeforeEach
  void setUp() {
    rest = new RestClient(port);
    fx = new PromotionFixture(runtimeService, taskService, managementService, identityService, jdbc);
    fx.cleanUp();
  }

  @AfterEach
  void cleanUp() {
    fx.cleanUp();
  }

  @Test
  void aCampaignRunsFromLiuyangsStartToHandOutsSignedByZhangwei() throws Exception {
    String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    String to = LocalDate.parse(today).plusMonths(1).toString();
    HttpResponse<String> started = rest.post("liuyang", "/api/promotions", "{\"brandCode\":\"B001\",\"periodFrom\":\""
        + today + "\",\"periodTo\":\"" + to + "\",\"regions\":[\"EAST\",\"WEST\"],\"slots\":4,\"items\":["
        + "{\"name\":\"海報\",\"stock\":20,\"perCustomer\":2},{\"name\":\"打火機\",\"stock\":8,\"perCustomer\":2}]}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    String no = json.readTree(started.body()).path("campaignNo").asText();
    String pid = json.readTree(started.body()).path("processInstanceId").asText();
    assertThat(no).matches("CX-\\d{4}-\\d{5}");
    ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceId(pid).singleResult();
    fx.runJobs(pi);

    // who sees the campaign
    assertThat(rest.get("liuyang", "/engine-rest/process-instance?processDefinitionKey=promotionSelection").body())
        .contains(pid);
    assertThat(rest.get("zhoumin", "/engine-rest/process-instance?processDefinitionKey=promotionSelection").body())
        .doesNotContain(pid);
    assertThat(rest.get("zhoumin", "/engine-rest/task?processInstanceId=" + pid).body()).isEqualTo("[]");
    assertThat(codes(rest.get("liuyang", "/api/promotions"))).contains(no);
    assertThat(codes(rest.get("zhangwei", "/api/promotions"))).contains(no);
    assertThat(codes(rest.get("wangfang", "/api/promotions"))).contains(no);
    assertThat(codes(rest.get("auditor", "/api/promotions"))).contains(no);
    assertThat(rest.get("zhoumin", "/api/promotions").statusCode()).isEqualTo(403);
    assertThat(rest.get("zhangwei", "/api/promotions/" + no + "/summary").statusCode()).isEqualTo(403);

    // recommendations: each manager sees only their own task
    JsonNode zhangweiTasks = tasks("zhangwei", pid);
    assertThat(zhangweiTasks).hasSize(1);
    assertThat(zhangweiTasks.get(0).path("assignee").asText()).isEqualTo("zhangwei");
    String zTask = zhangweiTasks.get(0).path("id").asText();
    HttpResponse<String> formVariables = rest.get("zhangwei", "/engine-rest/task/" + zTask + "/form-variables");
    assertThat(formVariables.statusCode()).as(formVariables.body()).isEqualTo(200);
    assertThat(formVariables.body()).contains("rankingText").contains(no);
    assertThat(tasks("lina", pid)).hasSize(1).allSatisfy(t -> assertThat(t.path("assignee").asText()).isEqualTo("lina"));
    String ranked = json.readTree(formVariables.body()).path("rankingText").path("value").asText();
    List<String> list = new ArrayList<>();
    for (String line : ranked.split("\n")) {
      if (line.matches("\\| \\d+ \\| .*")) {
        list.add(line.split("\\|")[2].strip().split(" ")[0]);
      }
    }
    int share = json.readTree(formVariables.body()).path("share").path("value").asInt();
    assertThat(share).isGreaterThanOrEqualTo(1);
    // 4 slots over both regions leave zhangwei fewer than his ranked customers, so the rule is always tried
    assertThat(list).as("zhangwei's ranked list is longer than his share %s", share).hasSizeGreaterThan(share);
    // recommending the last of the list instead of the first needs a reason (§4.2.1)
    HttpResponse<String> noReason = rest.post("zhangwei", "/engine-rest/task/" + zTask + "/submit-form",
        "{\"variables\":{\"recommendedCustomers\":{\"value\":\"" + list.get(list.size() - 1) + "\"}}}");
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(noReason.body()).contains(list.get(list.size() - 1)).contains(list.get(0)).contains("理由");
    assertThat(rest.post("lina", "/engine-rest/task/" + zTask + "/submit-form", "{\"variables\":{}}").statusCode())
        .isIn(403, 404);
    assertThat(rest.post("zhangwei", "/engine-rest/task/" + zTask + "/submit-form", "{\"variables\":{}}").statusCode())
        .isEqualTo(204);
    String lTask = tasks("lina", pid).get(0).path("id").asText();
    assertThat(rest.post("lina", "/engine-rest/task/" + lTask + "/submit-form", "{\"variables\":{}}").statusCode())
        .isEqualTo(204);
    fx.runJobs(pi);

    // reviews: wangfang claims EAST's, chenjing WEST's; neither sees the other's
    JsonNode east = groupTasks("wangfang", pid);
    JsonNode west = groupTasks("chenjing", pid);
    assertThat(east).hasSize(1);
    assertThat(west).hasSize(1);
    assertThat(east.get(0).path("id").asText()).isNotEqualTo(west.get(0).path("id").asText());
    assertThat(rest.post("chenjing", "/engine-rest/task/" + east.get(0).path("id").asText() + "/claim",
        "{\"userId\":\"chenjing\"}").statusCode()).isIn(403, 404);
    claimAndSubmit("wangfang", east.get(0).path("id").asText(), "{}");
    claimAndSubmit("chenjing", west.get(0).path("id").asText(), "{}");
    fx.runJobs(pi);

    // liuyang decides (the default: the forwarded customers up to the slots)
    JsonNode decide = groupTasks("liuyang", pid);
    assertThat(decide).hasSize(1);
    claimAndSubmit("liuyang", decide.get(0).path("id").asText(), "{}");

    // hand-outs: zhangwei sees only his customers', lina cannot complete his
    JsonNode zHandOuts = tasks("zhangwei", pid);
    JsonNode lHandOuts = tasks("lina", pid);
    assertThat(zHandOuts.size() + lHandOuts.size()).isEqualTo(4);
    assertThat(zHandOuts.size()).isGreaterThanOrEqualTo(1);
    // the decision's list of every region's forwarded customers is not readable from a hand-out
    List<String> westCodes = jdbc.queryForList("SELECT customer_code FROM cm_customer WHERE region_code = 'WEST'",
        String.class);
    assertThat(westCodes).isNotEmpty();
    for (String path : List.of("/variables", "/form-variables")) {
      HttpResponse<String> visible = rest.get("zhangwei", "/engine-rest/task/" + zHandOuts.get(0).path("id").asText() + path);
      assertThat(visible.statusCode()).as(visible.body()).isEqualTo(200);
      assertThat(visible.body()).doesNotContain("forwardedText").doesNotContain("chosenCustomers");
      westCodes.forEach(code -> assertThat(java.util.regex.Pattern.compile("\\b" + code + "\\b").matcher(visible.body())
          .find()).as(path + " shows " + code).isFalse());
    }
    String receiptVars = "{\"variables\":{\"signerName\":{\"value\":\"張老闆\"},\"receiptConfirmed\":{\"value\":true},"
        + "\"signedOn\":{\"value\":\"" + today + "\"}}}";
    String firstZ = zHandOuts.get(0).path("id").asText();
    HttpResponse<String> foreign = rest.post("lina", "/engine-rest/task/" + firstZ + "/complete", receiptVars);
    assertThat(foreign.statusCode()).isIn(403, 404);
    HttpResponse<String> unsigned = rest.post("zhangwei", "/engine-rest/task/" + firstZ + "/submit-form",
        "{\"variables\":{\"signerName\":{\"value\":\"張老闆\"},\"receiptConfirmed\":{\"value\":false},\"signedOn\":{\"value\":\""
            + today + "\"}}}");
    assertThat(unsigned.statusCode()).isEqualTo(400);
    assertThat(unsigned.body()).contains("簽名確認");
    String customer = jdbc.queryForObject("SELECT customer_code FROM cm_promotion_handout WHERE customer_code IN "
        + "(SELECT customer_code FROM cm_customer WHERE manager_id = 'zhangwei') ORDER BY customer_code FETCH FIRST 1 ROWS ONLY",
        String.class);
    for (JsonNode t : zHandOuts) {
      assertThat(rest.post("zhangwei", "/engine-rest/task/" + t.path("id").asText() + "/submit-form", receiptVars)
          .statusCode()).isEqualTo(204);
    }
    for (JsonNode t : lHandOuts) {
      assertThat(rest.post("lina", "/engine-rest/task/" + t.path("id").asText() + "/submit-form", receiptVars)
          .statusCode()).isEqualTo(204);
    }
    fx.runJobs(pi);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pid).count()).isZero();

    // summary, workbook, receipts
    HttpResponse<String> summary = rest.get("liuyang", "/api/promotions/" + no + "/summary");
    assertThat(summary.statusCode()).isEqualTo(200);
    JsonNode s = json.readTree(summary.body());
    assertThat(s.path("outcome").asText()).isEqualTo("COMPLETED");
    assertThat(s.path("chosen").asInt()).isEqualTo(4);
    assertThat(s.path("handedOut").asInt()).isEqualTo(4);
    assertThat(s.path("eligible").asInt()).isGreaterThanOrEqualTo(4);
    assertThat(s.path("items").get(0).path("handedOut").asInt()).isEqualTo(8);
    assertThat(s.path("items").get(1).path("handedOut").asInt()).isEqualTo(8);
    assertThat(s.path("items").get(1).path("left").asInt()).isZero();
    assertThat(s.path("receipts")).hasSize(4).allSatisfy(r -> assertThat(r.path("signerName").asText()).isEqualTo("張老闆"));
    HttpResponse<String> eastSummary = rest.get("wangfang", "/api/promotions/" + no + "/summary");
    assertThat(eastSummary.statusCode()).isEqualTo(200);
    assertThat(json.readTree(eastSummary.body()).path("candidates"))
        .allSatisfy(c -> assertThat(c.path("regionCode").asText()).isEqualTo("EAST"));
    assertThat(s.path("candidates")).anySatisfy(c -> assertThat(c.path("regionCode").asText()).isEqualTo("WEST"));
    assertThat(s.path("candidates").get(0).has("volumePart")).isTrue();
    HttpResponse<byte[]> xlsx = rest.getBytes("auditor", "/api/promotions/" + no + "/summary.xlsx");
    assertThat(xlsx.statusCode()).isEqualTo(200);
    assertThat(new String(xlsx.body(), 0, 2)).isEqualTo("PK");
    HttpResponse<String> receipt = rest.get("zhangwei", "/api/promotions/" + no + "/receipts/" + customer);
    assertThat(receipt.statusCode()).isEqualTo(200);
    assertThat(receipt.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(receipt.body()).contains("宣傳促銷品簽收單").contains(customer).contains("張老闆").contains("海報").contains(today);
    assertThat(rest.get("lina", "/api/promotions/" + no + "/receipts/" + customer).statusCode()).isEqualTo(403);
    assertThat(rest.get("zhoumin", "/api/promotions/" + no + "/receipts/" + customer).statusCode()).isEqualTo(403);

    // the auditor reads the history of promotionSelection
    HttpResponse<String> history = rest.get("auditor",
        "/engine-rest/history/process-instance?processDefinitionKey=promotionSelection");
    assertThat(history.statusCode()).isEqualTo(200);
    assertThat(history.body()).contains(pid).contains(no);
    assertThat(rest.get("zhangwei", "/engine-rest/history/process-instance?processDefinitionKey=promotionSelection").body())
        .doesNotContain(pid);
  }

  @Test
  void aCampaignNeverCarriesACustomerCodeOrManagerIdGivenAtStartOrWithATask() throws Exception {
    // decision 67: an approved exit deletes every running instance with the exited customer's customerCode;
    // a campaign serves many customers, so neither a start nor a task may leave one on it
    String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    String to = LocalDate.parse(today).plusMonths(1).toString();
    String customer = jdbc.queryForObject("SELECT customer_code FROM cm_customer WHERE manager_id = 'zhangwei' "
        + "ORDER BY customer_code FETCH FIRST 1 ROWS ONLY", String.class);
    HttpResponse<String> started = rest.post("liuyang", "/engine-rest/process-definition/key/promotionSelection/start",
        "{\"variables\":{\"brandCode\":{\"value\":\"B001\"},\"regions\":{\"value\":\"EAST\"},\"slots\":{\"value\":2},"
            + "\"items\":{\"value\":\"海報, 20, 1\"},\"periodFrom\":{\"value\":\"" + today + "\"},\"periodTo\":{\"value\":\""
            + to + "\"},\"customerCode\":{\"value\":\"" + customer + "\"},\"managerId\":{\"value\":\"zhangwei\"},"
            + "\"whatever\":{\"value\":1}}}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String pid = json.readTree(started.body()).path("id").asText();
    assertThat(runtimeService.getVariables(pid)).doesNotContainKeys("customerCode", "managerId", "whatever")
        .containsKeys("brandCode", "campaignNo");
    assertThat(runtimeService.createProcessInstanceQuery().variableValueEquals("customerCode", customer).list())
        .noneMatch(p -> p.getId().equals(pid));
    ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceId(pid).singleResult();
    fx.runJobs(pi);

    // a task completion adds the variable to the instance; the recording step takes it off again
    String task = tasks("zhangwei", pid).get(0).path("id").asText();
    HttpResponse<String> done = rest.post("zhangwei", "/engine-rest/task/" + task + "/submit-form",
        "{\"variables\":{\"customerCode\":{\"value\":\"" + customer + "\"},\"managerId\":{\"value\":\"zhangwei\"}}}");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    assertThat(runtimeService.getVariables(pid)).doesNotContainKeys("customerCode", "managerId");
    assertThat(runtimeService.createProcessInstanceQuery().variableValueEquals("customerCode", customer).list())
        .noneMatch(p -> p.getId().equals(pid));
    assertThat(runtimeService.createProcessInstanceQuery().variableValueEquals("managerId", "zhangwei").list())
        .noneMatch(p -> p.getId().equals(pid));
  }

  @Test
  void onlyBrandManagersStartAndABadStartIsAnsweredWithItsProblems() throws Exception {
    String body = "{\"brandCode\":\"NOPE\",\"periodFrom\":\"2026-12-31\",\"periodTo\":\"2026-12-01\",\"regions\":[\"MOON\"],"
        + "\"slots\":0,\"items\":[]}";
    HttpResponse<String> bad = rest.post("liuyang", "/api/promotions", body);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("品牌「NOPE」不在品牌目錄中").contains("早於開始日").contains("區域「MOON」不存在")
        .contains("名額應為").contains("至少要有一種促銷品").doesNotContain("Exception");
    HttpResponse<String> badQuantity = rest.post("liuyang", "/api/promotions", "{\"brandCode\":\"B001\",\"periodFrom\":\""
        + LocalDate.now(ZoneId.of("Asia/Shanghai")) + "\",\"periodTo\":\"" + LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(9)
        + "\",\"regions\":\"EAST\",\"slots\":2,\"items\":[{\"name\":\"海報\",\"stock\":-3,\"perCustomer\":1}]}");
    assertThat(badQuantity.statusCode()).isEqualTo(400);
    assertThat(badQuantity.body()).contains("促銷品「海報」的庫存應為 1–");
    assertThat(rest.post("zhangwei", "/api/promotions", "{}").statusCode()).isEqualTo(403);
    // through the engine's REST too, as Tasklist's start form does
    HttpResponse<String> viaEngine = rest.post("liuyang", "/engine-rest/process-definition/key/promotionSelection/submit-form",
        "{\"variables\":{\"brandCode\":{\"value\":\"B001\"},\"regions\":{\"value\":\"EAST\"},\"slots\":{\"value\":2},"
            + "\"items\":{\"value\":\"\"},\"periodFrom\":{\"value\":\"2026-01-01\"},\"periodTo\":{\"value\":\"2026-01-02\"}}}");
    assertThat(viaEngine.statusCode()).isEqualTo(400);
    assertThat(viaEngine.body()).contains("至少要有一種促銷品");
    assertThat(rest.post("zhangwei", "/engine-rest/process-definition/key/promotionSelection/start", "{}").statusCode())
        .isEqualTo(403);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("promotionSelection").count()).isZero();
    for (String table : PromotionFixture.TABLES) {
      assertThat(fx.count(table)).as(table).isZero();
    }
  }

  private List<String> codes(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<String> codes = new ArrayList<>();
    json.readTree(response.body()).forEach(n -> codes.add(n.path("campaignNo").asText()));
    return codes;
  }

  private JsonNode tasks(String user, String pid) throws Exception {
    HttpResponse<String> r = rest.get(user, "/engine-rest/task?processInstanceId=" + pid + "&assignee=" + user);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode all = json.readTree(rest.get(user, "/engine-rest/task?processInstanceId=" + pid).body());
    assertThat(all.size()).as("tasks " + user + " can see").isEqualTo(json.readTree(r.body()).size());
    return json.readTree(r.body());
  }

  private JsonNode groupTasks(String user, String pid) throws Exception {
    HttpResponse<String> r = rest.get(user, "/engine-rest/task?processInstanceId=" + pid);
    assertThat(r.statusCode()).isEqualTo(200);
    return json.readTree(r.body());
  }

  private void claimAndSubmit(String user, String taskId, String variables) {
    assertThat(rest.post(user, "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"" + user + "\"}").statusCode())
        .isEqualTo(204);
    HttpResponse<String> done = rest.post(user, "/engine-rest/task/" + taskId + "/submit-form", "{\"variables\":" + variables + "}");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
  }
}

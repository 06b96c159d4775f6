package com.tobacco.cmw.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tobacco.cmw.support.RestClient;
import com.tobacco.cmw.support.SpringTestBase;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code /api/satisfaction-evaluations}, {@code /api/satisfaction/index} and the Tasklist calls of
 * an evaluation over HTTP, per role: the done-when (a cycle runs from zhoumin's request to
 * accepted measures), who may request for which scope, who reads and works what, the survey file
 * in UTF-8 with BOM or GBK, and bad files answered with 400 and every problem, writing nothing.
 */
class SatisfactionHttpTest extends SpringTestBase {

  static final String PROCESS_KEY = "satisfactionImprovement";

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  RestClient rest;
  SatisfactionFixture fixture;

  @BeforeEach
  void setUp() {
    rest = new RestClient(port);
    fixture = new SatisfactionFixture(jdbc, runtimeService);
  }

  @AfterEach
  void cleanUp() {
    fixture.cleanUp();
    jdbc.update("UPDATE cm_customer SET manager_id = 'zhangwei' WHERE customer_code IN ('C10003', 'C10004')");
    jdbc.update("UPDATE cm_staff SET region_code = 'EAST' WHERE user_id = 'zhangwei'");
    jdbc.update("DELETE FROM cm_staff WHERE user_id = 'sunmei'");
  }

  @Test
  void aSatisfactionCycleRunsFromZhouminsRequestToAcceptedMeasures() throws Exception {
    byte[] file = bom("customerCode,supply,service,market,comment\nC10001,8,9,7,送貨及時\nC10002,6,7,5,態度一般\n"
        + "C10003,10,8,9,\n");
    HttpResponse<String> requested = upload("zhoumin", file, "MANAGER", "zhangwei", "2024-01-01", "2024-03-31");
    assertThat(requested.statusCode()).as(requested.body()).isEqualTo(201);
    JsonNode body = json.readTree(requested.body());
    String no = body.path("evaluationNo").asText();
    assertThat(no).startsWith("MY-");
    assertThat(body.path("encoding").asText()).isEqualTo("UTF-8 BOM");
    assertThat(body.path("index").get(0).path("index").decimalValue()).isEqualByComparingTo("74.07");

    // zhangwei analyses and commits measures in Tasklist; lina sees nothing and cannot complete it
    JsonNode mine = tasks("zhangwei", no);
    assertThat(mine).hasSize(1);
    assertThat(mine.get(0).path("taskDefinitionKey").asText()).isEqualTo("Task_AnalyseAndCommit");
    assertThat(tasks("lina", no)).isEmpty();
    assertThat(tasks("chenjing", no)).isEmpty();
    // EAST's regional manager sees the task (oversight) but does not work on it
    assertThat(tasks("wangfang", no)).hasSize(1);
    String taskId = mine.get(0).path("id").asText();
    String commitment = "{\"variables\":{\"analysis\":{\"value\":\"送貨時間不穩定\"},\"measures\":{\"value\":\"每周二、五固定拜訪\\n價格標籤當場補齊\"},"
        + "\"targetIndex\":{\"value\":%s},\"targetDate\":{\"value\":\"" + LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(90)
        + "\"}}}";
    for (String other : List.of("lina", "wangfang")) {
      assertThat(rest.post(other, "/engine-rest/task/" + taskId + "/submit-form", commitment.formatted("80")).statusCode())
          .as(other).isIn(403, 404);
    }
    HttpResponse<String> tooLow = rest.post("zhangwei", "/engine-rest/task/" + taskId + "/submit-form",
        commitment.formatted("70"));
    assertThat(tooLow.statusCode()).isEqualTo(400);
    assertThat(tooLow.body()).contains("應高於目前的 74.07");
    assertThat(tasks("zhangwei", no)).hasSize(1);
    assertThat(rest.post("zhangwei", "/engine-rest/task/" + taskId + "/submit-form", commitment.formatted("80"))
        .statusCode()).isEqualTo(204);

    // zhoumin accepts; zhangwei cannot decide on his own measures
    JsonNode review = tasks("zhoumin", no);
    assertThat(review).hasSize(1);
    assertThat(review.get(0).path("taskDefinitionKey").asText()).isEqualTo("Task_ReviewMeasures");
    String reviewId = review.get(0).path("id").asText();
    String accept = "{\"variables\":{\"reviewDecision\":{\"value\":\"ACCEPT\"},\"reviewComment\":{\"value\":\"同意\"}}}";
    assertThat(rest.post("zhangwei", "/engine-rest/task/" + reviewId + "/submit-form", accept).statusCode()).isIn(403, 404);
    assertThat(rest.post("zhoumin", "/engine-rest/task/" + reviewId + "/submit-form", accept).statusCode()).isEqualTo(204);

    JsonNode evaluation = json.readTree(rest.get("zhoumin", "/api/satisfaction-evaluations/" + no).body());
    assertThat(evaluation.path("survey").path("status").asText()).isEqualTo("FOLLOW_UP_DUE");
    JsonNode plan = evaluation.path("plans").get(0);
    assertThat(plan.path("managerId").asText()).isEqualTo("zhangwei");
    assertThat(plan.path("status").asText()).isEqualTo("ACCEPTED");
    assertThat(plan.path("reviewedBy").asText()).isEqualTo("zhoumin");
    assertThat(plan.path("measures")).hasSize(2);
    assertThat(evaluation.path("responses")).hasSize(3);

    // who reads the evaluation: the requester, zhangwei, EAST's regional manager, auditors; not lina or chenjing
    for (String user : List.of("zhangwei", "wangfang", "auditor", "admin")) {
      assertThat(rest.get(user, "/api/satisfaction-evaluations/" + no).statusCode()).as(user).isEqualTo(200);
    }
    for (String user : List.of("lina", "chenjing", "liuyang")) {
      assertThat(rest.get(user, "/api/satisfaction-evaluations/" + no).statusCode()).as(user).isEqualTo(404);
    }
    // the auditor finds the instance in the history under the public process key
    String instance = body.path("processInstanceId").asText();
    JsonNode history = json.readTree(rest.get("auditor", "/engine-rest/history/process-instance?processDefinitionKey="
        + PROCESS_KEY + "&processInstanceId=" + instance).body());
    assertThat(history).hasSize(1);
    assertThat(history.get(0).path("businessKey").asText()).isEqualTo(no);
    assertThat(json.readTree(rest.get("lina", "/engine-rest/history/process-instance?processDefinitionKey="
        + PROCESS_KEY).body())).isEmpty();
    assertThat(json.readTree(rest.get("lina", "/engine-rest/process-instance/" + instance).body()).path("id").asText())
        .isNotEqualTo(instance);
  }

  @Test
  void onlyTheCustomerServiceCenterAndRegionalManagersOfTheRegionRequest() {
    byte[] file = utf8("customerCode,supply,service,market\nC10001,8,9,7\n");
    HttpResponse<String> chenjing = upload("chenjing", file, "REGION", "EAST", "2024-01-01", "2024-03-31");
    assertThat(chenjing.statusCode()).isEqualTo(403);
    assertThat(chenjing.body()).contains("只能要求本區域");
    assertThat(upload("chenjing", file, "MANAGER", "zhangwei", "2024-01-01", "2024-03-31").statusCode()).isEqualTo(403);
    HttpResponse<String> manager = upload("zhangwei", file, "MANAGER", "zhangwei", "2024-01-01", "2024-03-31");
    assertThat(manager.statusCode()).isEqualTo(403);
    assertThat(upload("liuyang", file, "MANAGER", "zhangwei", "2024-01-01", "2024-03-31").statusCode()).isEqualTo(403);
    assertThat(upload(null, file, "MANAGER", "zhangwei", "2024-01-01", "2024-03-31").statusCode()).isEqualTo(401);
    assertThat(fixture.rowsAfter()).isZero();

    HttpResponse<String> wangfang = upload("wangfang", file, "REGION", "east", "2024-01-01", "2024-03-31");
    assertThat(wangfang.statusCode()).as(wangfang.body()).isEqualTo(201);
    assertThat(upload("chenjing", utf8("customerCode,supply,service,market\nC20001,8,9,7\n"), "MANAGER", "lina",
        "2024-01-01", "2024-03-31").statusCode()).isEqualTo(201);
  }

  @Test
  void aBadFileIsAnsweredWithEveryProblemAndItsRowAndNothingIsSaved() throws Exception {
    long instances = fixture.runningInstances();
    byte[] gbk = "客戶代碼,貨源供應,服務,市場管理,意見\nC10001,8,9,7,好\nC10002,0,7,5,差\nC99999,5,5,5,\nC20001,5,5,5,\nC10001,5,5,5,\n"
        .getBytes(Charset.forName("GBK"));
    HttpResponse<String> bad = upload("zhoumin", gbk, "MANAGER", "zhangwei", "2024-01-01", "2024-03-31");
    assertThat(bad.statusCode()).isEqualTo(400);
    JsonNode refusal = json.readTree(bad.body());
    assertThat(refusal.path("message").asText()).contains("調查結果未登記");
    Map<Integer, String> problems = new LinkedHashMap<>();
    refusal.path("problems").forEach(p -> problems.put(p.path("row").asInt(), p.path("message").asText()));
    assertThat(problems).containsOnlyKeys(3, 4, 5, 6);
    assertThat(problems.get(3)).contains("貨源供應").contains("1–10");
    assertThat(problems.get(4)).contains("C99999 不存在");
    assertThat(problems.get(5)).contains("不是 zhangwei 負責的客戶");
    assertThat(problems.get(6)).contains("重複");

    HttpResponse<String> empty = upload("zhoumin", new byte[0], "MANAGER", "zhangwei", "2024-01-01", "2024-03-31");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("調查結果為空");
    HttpResponse<String> noHeader = upload("zhoumin", utf8("C10001,8,9,7\n"), "MANAGER", "zhangwei", "2024-01-01",
        "2024-03-31");
    assertThat(noHeader.statusCode()).isEqualTo(400);
    assertThat(noHeader.body()).contains("缺少標題行");
    HttpResponse<String> badDate = upload("zhoumin", utf8("customerCode,supply,service,market\nC10001,8,9,7\n"),
        "MANAGER", "zhangwei", "2024-13-01", "");
    assertThat(badDate.statusCode()).isEqualTo(400);
    assertThat(badDate.body()).contains("periodFrom").contains("periodTo");
    assertThat(fixture.rowsAfter()).isZero();
    assertThat(fixture.runningInstances()).isEqualTo(instances);

    // the same GBK file without its bad rows is read with its Chinese text intact
    byte[] good = "客戶代碼,貨源供應,服務,市場管理,意見\nC10001,8,9,7,送貨及時\n".getBytes(Charset.forName("GBK"));
    HttpResponse<String> ok = upload("zhoumin", good, "MANAGER", "zhangwei", "2024-01-01", "2024-03-31");
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
    assertThat(json.readTree(ok.body()).path("encoding").asText()).isEqualTo("GBK/GB18030");
    assertThat(jdbc.queryForObject("SELECT comment FROM cm_satisfaction_response WHERE survey_id = ?", String.class,
        json.readTree(ok.body()).path("surveyId").asLong())).isEqualTo("送貨及時");
  }

  @Test
  void tasklistsStartFormTakesThePastedSurveyWithTheSameChecks() throws Exception {
    String form = "{\"variables\":{\"scopeType\":{\"value\":\"MANAGER\"},\"scopeId\":{\"value\":\"zhangwei\"},"
        + "\"periodFrom\":{\"value\":\"2024-01-01\"},\"periodTo\":{\"value\":\"2024-03-31\"},"
        + "\"surveyCsv\":{\"value\":\"%s\"}}}";
    HttpResponse<String> bad = rest.post("zhoumin", "/engine-rest/process-definition/key/" + PROCESS_KEY + "/submit-form",
        form.formatted("客戶代碼,貨源供應,服務,市場管理\\nC10001,8,9,7\\nC10002,8,9,70\\n"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("第 3 行").contains("市場管理");
    assertThat(fixture.rowsAfter()).isZero();
    HttpResponse<String> manager = rest.post("zhangwei", "/engine-rest/process-definition/key/" + PROCESS_KEY
        + "/submit-form", form.formatted("客戶代碼,貨源供應,服務,市場管理\\nC10001,8,9,7\\n"));
    assertThat(manager.statusCode()).isEqualTo(403);
    // pasted text is a stored variable: over 4,000 characters it is refused with the way to upload it
    HttpResponse<String> tooLong = rest.post("zhoumin", "/engine-rest/process-definition/key/" + PROCESS_KEY
        + "/submit-form", form.formatted("客戶代碼,貨源供應,服務,市場管理,意見\\nC10001,8,9,7," + "好".repeat(4000) + "\\n"));
    assertThat(tooLong.statusCode()).as(tooLong.body()).isEqualTo(400);
    assertThat(tooLong.body()).contains("4000").contains("POST /api/satisfaction-evaluations");
    assertThat(fixture.rowsAfter()).isZero();
    HttpResponse<String> good = rest.post("zhoumin", "/engine-rest/process-definition/key/" + PROCESS_KEY + "/submit-form",
        form.formatted("客戶代碼,貨源供應,服務,市場管理\\nC10001,8,9,7\\nC10002,6,7,5\\nC10003,10,8,9\\n"));
    assertThat(good.statusCode()).as(good.body()).isEqualTo(200);
    String no = json.readTree(good.body()).path("businessKey").asText();
    assertThat(no).startsWith("MY-");
    assertThat(json.readTree(rest.get("zhangwei", "/api/satisfaction-evaluations/" + no).body()).path("index").get(0)
        .path("index").decimalValue()).isEqualByComparingTo("74.07");
  }

  @Test
  void theIndexHistoryAndItsChartAreReadWithinEachRolesScope() throws Exception {
    assertThat(upload("zhoumin", utf8("customerCode,supply,service,market\nC10001,8,9,7\nC10002,6,7,5\nC10003,10,8,9\n"),
        "MANAGER", "zhangwei", "2024-01-01", "2024-03-31").statusCode()).isEqualTo(201);
    assertThat(upload("wangfang", utf8("customerCode,supply,service,market\nC10001,9,9,9\nC10002,7,8,6\n"),
        "REGION", "EAST", "2024-04-01", "2024-06-30").statusCode()).isEqualTo(201);

    JsonNode history = json.readTree(rest.get("zhangwei", "/api/satisfaction/index?managerId=zhangwei").body());
    JsonNode periods = history.path("periods");
    JsonNode first = find(periods, "2024-03-31");
    JsonNode second = find(periods, "2024-06-30");
    assertThat(first.path("index").decimalValue()).isEqualByComparingTo("74.07");
    assertThat(second.path("index").decimalValue()).isEqualByComparingTo("77.78");
    assertThat(second.path("previousIndex").decimalValue()).isEqualByComparingTo("74.07");
    assertThat(second.path("delta").decimalValue()).isEqualByComparingTo("3.71");
    assertThat(second.path("comparison").asText()).isEqualTo("+3.71");
    JsonNode region = json.readTree(rest.get("wangfang", "/api/satisfaction/index?regionCode=EAST").body());
    assertThat(find(region.path("periods"), "2024-06-30").path("comparison").asText()).contains("無上期測評");

    for (String user : List.of("zhangwei", "wangfang", "zhoumin", "auditor", "admin")) {
      assertThat(rest.get(user, "/api/satisfaction/index?managerId=zhangwei").statusCode()).as(user).isEqualTo(200);
    }
    for (String user : List.of("lina", "chenjing", "liuyang")) {
      assertThat(rest.get(user, "/api/satisfaction/index?managerId=zhangwei").statusCode()).as(user).isEqualTo(403);
    }
    assertThat(rest.get("zhangwei", "/api/satisfaction/index?regionCode=EAST").statusCode()).isEqualTo(403);
    assertThat(rest.get("wangfang", "/api/satisfaction/index?regionCode=WEST").statusCode()).isEqualTo(403);
    assertThat(rest.get("zhoumin", "/api/satisfaction/index").statusCode()).isEqualTo(400);

    HttpResponse<byte[]> png = rest.getBytes("wangfang", "/api/satisfaction/index/chart.png?managerId=zhangwei");
    assertThat(png.statusCode()).isEqualTo(200);
    assertThat(png.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
    assertThat(new String(png.body(), 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    HttpResponse<byte[]> none = rest.getBytes("zhoumin", "/api/satisfaction/index/chart.png?regionCode=WEST");
    assertThat(none.statusCode()).isEqualTo(200);
    assertThat(rest.getBytes("lina", "/api/satisfaction/index/chart.png?managerId=zhangwei").statusCode()).isEqualTo(403);
  }

  @Test
  void aRegionSurveyAndItsFollowUpOverFourThousandCharactersAreLoadedFromFilesAndLongTextsAreRefused() throws Exception {
    // every customer of EAST in the network answers, each with a long comment: far over 4,000 characters
    List<String> east = jdbc.queryForList("SELECT customer_code FROM cm_customer WHERE region_code = 'EAST' "
        + "AND status IN ('ACTIVE', 'SUSPENDED') ORDER BY customer_code", String.class);
    assertThat(east).hasSizeGreaterThan(30);
    String survey = survey(east, 7);
    assertThat(survey.length()).isGreaterThan(2 * 4000);
    HttpResponse<String> requested = upload("zhoumin", utf8(survey), "REGION", "EAST", "2024-01-01", "2024-03-31");
    assertThat(requested.statusCode()).as(requested.body()).isEqualTo(201);
    String no = json.readTree(requested.body()).path("evaluationNo").asText();
    String instance = json.readTree(requested.body()).path("processInstanceId").asText();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cm_satisfaction_response r JOIN cm_satisfaction_survey s "
        + "ON s.id = r.survey_id WHERE s.business_key = ?", Integer.class, no)).isEqualTo(east.size());
    // the text was never a stored variable
    assertThat(json.readTree(rest.get("auditor", "/engine-rest/history/variable-instance?processInstanceId=" + instance
        + "&variableName=surveyCsv").body())).isEmpty();

    // a measures text over 4,000 characters is a clear 400 (not a failed commit), the task stays
    String taskId = tasks("zhangwei", no).get(0).path("id").asText();
    String form = "{\"variables\":{\"analysis\":{\"value\":\"%s\"},\"measures\":{\"value\":\"%s\"},"
        + "\"targetIndex\":{\"value\":99},\"targetDate\":{\"value\":\""
        + LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(90) + "\"}}}";
    String longMeasures = ("每周固定時間拜訪並電話回訪評分最低的客戶" + "。".repeat(380) + "\\n").repeat(11);
    HttpResponse<String> tooLong = rest.post("zhangwei", "/engine-rest/task/" + taskId + "/submit-form",
        form.formatted("分析", longMeasures));
    assertThat(tooLong.statusCode()).as(tooLong.body()).isEqualTo(400);
    assertThat(tooLong.body()).contains("4000");
    HttpResponse<String> longAnalysis = rest.post("zhangwei", "/engine-rest/task/" + taskId + "/submit-form",
        form.formatted("析".repeat(4001), "措施"));
    assertThat(longAnalysis.statusCode()).isEqualTo(400);
    assertThat(longAnalysis.body()).contains("4000");
    assertThat(tasks("zhangwei", no)).hasSize(1);
    assertThat(rest.post("zhangwei", "/engine-rest/task/" + taskId + "/submit-form", form.formatted("分析", "措施"))
        .statusCode()).isEqualTo(204);
    String reviewId = tasks("zhoumin", no).get(0).path("id").asText();
    assertThat(rest.post("zhoumin", "/engine-rest/task/" + reviewId + "/submit-form",
        "{\"variables\":{\"reviewDecision\":{\"value\":\"ACCEPT\"}}}").statusCode()).isEqualTo(204);

    // the follow-up is due: pasted in the form it is limited to 4,000 characters, uploaded it is not
    managementService.executeJob(managementService.createJobQuery().processInstanceId(instance).singleResult().getId());
    String followUpTask = tasks("zhoumin", no).get(0).path("id").asText();
    HttpResponse<String> pasted = rest.post("zhoumin", "/engine-rest/task/" + followUpTask + "/submit-form",
        json.writeValueAsString(Map.of("variables", Map.of("followUpPeriodFrom", Map.of("value", "2024-07-01"),
            "followUpPeriodTo", Map.of("value", "2024-09-30"), "followUpCsv", Map.of("value", survey(east, 8))))));
    assertThat(pasted.statusCode()).as(pasted.body()).isEqualTo(400);
    assertThat(pasted.body()).contains("/follow-up");
    assertThat(upload("lina", utf8(survey(east, 8)), "/api/satisfaction-evaluations/" + no + "/follow-up",
        Map.of("periodFrom", "2024-07-01", "periodTo", "2024-09-30")).statusCode()).isEqualTo(404);
    HttpResponse<String> followedUp = upload("zhoumin", utf8(survey(east, 8)), "/api/satisfaction-evaluations/" + no
        + "/follow-up", Map.of("periodFrom", "2024-07-01", "periodTo", "2024-09-30"));
    assertThat(followedUp.statusCode()).as(followedUp.body()).isEqualTo(201);
    String next = json.readTree(followedUp.body()).path("nextEvaluationNo").asText();
    assertThat(next).startsWith("MY-").isNotEqualTo(no);
    assertThat(json.readTree(rest.get("zhoumin", "/api/satisfaction-evaluations/" + next).body()).path("responses"))
        .hasSize(east.size());
    assertThat(upload("zhoumin", utf8(survey(east, 8)), "/api/satisfaction-evaluations/" + no + "/follow-up",
        Map.of("periodFrom", "2024-10-01", "periodTo", "2024-12-31")).statusCode()).isEqualTo(400);
  }

  @Test
  void aCustomerManagerReadsAndWorksOnlyTheirOwnPartOfARegionsEvaluation() throws Exception {
    // two of EAST's customers are lina's for this test: the region's evaluation has two managers
    jdbc.update("UPDATE cm_customer SET manager_id = 'lina' WHERE customer_code IN ('C10003', 'C10004')");
    HttpResponse<String> requested = upload("wangfang", utf8("customerCode,supply,service,market\nC10001,8,9,7\n"
        + "C10002,6,7,5\nC10003,10,8,9\nC10004,9,9,9\n"), "REGION", "EAST", "2024-01-01", "2024-03-31");
    assertThat(requested.statusCode()).as(requested.body()).isEqualTo(201);
    String no = json.readTree(requested.body()).path("evaluationNo").asText();
    String instance = json.readTree(requested.body()).path("processInstanceId").asText();
    String date = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(90).toString();
    String linasTask = tasks("lina", no).get(0).path("id").asText();
    assertThat(rest.post("lina", "/engine-rest/task/" + linasTask + "/submit-form", "{\"variables\":{\"analysis\":"
        + "{\"value\":\"李娜的分析:兩戶嫌送貨慢\"},\"measures\":{\"value\":\"李娜的措施\"},\"targetIndex\":{\"value\":99},"
        + "\"targetDate\":{\"value\":\"" + date + "\"}}}").statusCode()).isEqualTo(204);

    // zhangwei works on his own task: sees it, opens its form, completes it
    JsonNode mine = tasks("zhangwei", no);
    assertThat(mine).hasSize(1);
    String myTask = mine.get(0).path("id").asText();
    HttpResponse<String> formVariables = rest.get("zhangwei", "/engine-rest/task/" + myTask + "/form-variables");
    assertThat(formVariables.statusCode()).as(formVariables.body()).isEqualTo(200);
    assertThat(formVariables.body()).contains("managerIndexText").doesNotContain("李娜的分析");
    assertThat(rest.get("zhangwei", "/engine-rest/task/" + myTask + "/deployed-form").statusCode()).isEqualTo(200);

    // …but not lina's analysis, plan, index or answers: neither through /api nor through the engine
    JsonNode evaluation = json.readTree(rest.get("zhangwei", "/api/satisfaction-evaluations/" + no).body());
    assertThat(evaluation.path("plans")).extracting(p -> p.path("managerId").asText()).containsExactly("zhangwei");
    assertThat(evaluation.path("index")).extracting(r -> r.path("scopeId").asText()).containsExactly("EAST", "zhangwei");
    assertThat(evaluation.path("responses")).extracting(r -> r.path("customerCode").asText())
        .containsExactly("C10001", "C10002");
    for (String path : List.of("/engine-rest/variable-instance?processInstanceIdIn=" + instance,
        "/engine-rest/variable-instance?variableName=analysis", "/engine-rest/process-instance/" + instance + "/variables",
        "/engine-rest/history/variable-instance?processInstanceId=" + instance, "/engine-rest/task?processInstanceId="
            + instance)) {
      HttpResponse<String> response = rest.get("zhangwei", path);
      assertThat(response.body()).as(path).doesNotContain("李娜的分析").doesNotContain(linasTask);
    }
    // the engine shows him only the read-only texts of his own task
    assertThat(json.readTree(rest.get("zhangwei", "/engine-rest/variable-instance?processInstanceIdIn=" + instance)
        .body())).isNotEmpty().allSatisfy(v -> assertThat(v.path("taskId").asText()).isEqualTo(myTask));
    assertThat(rest.post("zhangwei", "/engine-rest/task/" + myTask + "/submit-form", "{\"variables\":{\"analysis\":"
        + "{\"value\":\"分析\"},\"measures\":{\"value\":\"措施\"},\"targetIndex\":{\"value\":90},"
        + "\"targetDate\":{\"value\":\"" + date + "\"}}}").statusCode()).isEqualTo(204);

    // the requester and EAST's regional manager read every manager's part
    for (String user : List.of("wangfang", "zhoumin")) {
      JsonNode all = json.readTree(rest.get(user, "/api/satisfaction-evaluations/" + no).body());
      assertThat(all.path("plans")).as(user).extracting(p -> p.path("managerId").asText())
          .containsExactly("lina", "zhangwei");
      assertThat(all.path("responses")).as(user).hasSize(4);
    }
    assertThat(json.readTree(rest.get("lina", "/api/satisfaction-evaluations/" + no).body()).path("plans").get(0)
        .path("analysis").asText()).isEqualTo("李娜的分析:兩戶嫌送貨慢");
  }

  @Test
  void regionalManagersReadEvaluationsOfTheRegionTheScopeHadWhenLoaded() {
    HttpResponse<String> requested = upload("wangfang", utf8("customerCode,supply,service,market\nC10001,8,9,7\n"),
        "MANAGER", "zhangwei", "2024-01-01", "2024-03-31");
    assertThat(requested.statusCode()).as(requested.body()).isEqualTo(201);
    String no = requested.body().replaceAll(".*\"evaluationNo\":\"([^\"]+)\".*", "$1");
    // zhangwei moves to WEST: the evaluation stays EAST's
    jdbc.update("UPDATE cm_staff SET region_code = 'WEST' WHERE user_id = 'zhangwei'");
    assertThat(rest.get("wangfang", "/api/satisfaction-evaluations/" + no).statusCode()).isEqualTo(200);
    assertThat(rest.get("chenjing", "/api/satisfaction-evaluations/" + no).statusCode()).isEqualTo(404);
    // a customer manager without a region belongs to no regional manager
    jdbc.update("INSERT INTO cm_staff (user_id, name, role, region_code, active) VALUES ('sunmei', '孫梅', "
        + "'customer-managers', NULL, TRUE)");
    HttpResponse<String> noRegion = upload("wangfang", utf8("customerCode,supply,service,market\nC10001,8,9,7\n"),
        "MANAGER", "sunmei", "2024-04-01", "2024-06-30");
    assertThat(noRegion.statusCode()).isEqualTo(403);
    assertThat(noRegion.body()).contains("只能要求本區域");
  }

  @Test
  void aSurveyFileOverTheSizeLimitIsRefusedBeforeItIsRead() {
    byte[] huge = new byte[(int) SatisfactionController.MAX_UPLOAD_BYTES + 1];
    java.util.Arrays.fill(huge, (byte) 'x');
    HttpResponse<String> refused = upload("zhoumin", huge, "MANAGER", "zhangwei", "2024-01-01", "2024-03-31");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("文件過大");
    assertThat(fixture.rowsAfter()).isZero();
  }

  // ---------------------------------------------------------------- helpers

  /** A survey of these customers, each with a comment of about 300 characters. */
  private static String survey(List<String> customers, int score) {
    StringBuilder csv = new StringBuilder("customerCode,supply,service,market,comment\n");
    for (String c : customers) {
      csv.append(c).append(',').append(score).append(',').append(score).append(',').append(score).append(",\"")
          .append("送貨及時,但緊俏品牌分配不透明;希望客戶經理拜訪時間固定。".repeat(10)).append("\"\n");
    }
    return csv.toString();
  }

  private JsonNode tasks(String user, String evaluationNo) throws Exception {
    return json.readTree(rest.get(user, "/engine-rest/task?processInstanceBusinessKey=" + evaluationNo).body());
  }

  private static JsonNode find(JsonNode periods, String periodTo) {
    for (JsonNode p : periods) {
      if (p.path("periodTo").asText().equals(periodTo)) {
        return p;
      }
    }
    throw new AssertionError("no period ending " + periodTo + " in " + periods);
  }

  private HttpResponse<String> upload(String user, byte[] file, String scopeType, String scopeId, String from, String to) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("scopeType", scopeType);
    fields.put("scopeId", scopeId);
    fields.put("periodFrom", from);
    fields.put("periodTo", to);
    return upload(user, file, "/api/satisfaction-evaluations", fields);
  }

  private HttpResponse<String> upload(String user, byte[] file, String path, Map<String, String> fields) {
    String boundary = "----satisfaction" + UUID.randomUUID();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    fields.forEach((name, value) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
        + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
    out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"survey.csv\"\r\n"
        + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(file);
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
    return rest.send(user, "demo", request);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] bom(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    out.writeBytes(utf8(text));
    return out.toByteArray();
  }
}

package com.tobacco.cmw.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tobacco.cmw.support.RestClient;
import com.tobacco.cmw.support.SpringTestBase;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code performanceEvaluation} over HTTP as the people who use it: an evaluator starts and fills
 * the evaluation in Tasklist's REST API, wuqiang acknowledges it; bad input answers 400 and
 * writes nothing; each role sees what it may (evaluatee their own, evaluators, auditors and the
 * administrator all, anyone else 403).
 */
class EvaluationHttpTest extends SpringTestBase {

  private static final AtomicInteger SEQ = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired ManagementService managementService;
  @Autowired org.camunda.bpm.engine.RuntimeService runtimeService;
  @Autowired EvaluationRepository evaluations;
  @Autowired JdbcTemplate jdbc;

  RestClient rest;
  String from;
  String to;
  final List<String> keys = new ArrayList<>();

  @BeforeEach
  void setUp() {
    rest = new RestClient(port);
    LocalDate start = LocalDate.of(2023, 1, 1).plusMonths(SEQ.getAndIncrement());
    from = start.toString();
    to = start.plusMonths(1).minusDays(1).toString();
  }

  @AfterEach
  void removeOwnEvaluations() {
    for (String key : keys) {
      runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).list()
          .forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(), "test cleanup"));
      evaluations.delete(key);
    }
  }

  @Test
  void anEvaluatorFillsTheEvaluationAndWuqiangAcknowledgesIt() throws Exception {
    HttpResponse<String> started = rest.post("zhengjun", "/api/performance-evaluations", startBody("wuqiang", from, to));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    JsonNode body = json.readTree(started.body());
    String key = body.get("evaluationKey").asText();
    keys.add(key);
    String instance = body.get("processInstanceId").asText();

    // the evaluator's task with the evidence; nobody else can touch it
    String scoreTask = onlyTask("zhengjun", instance);
    JsonNode formVariables = json.readTree(rest.get("zhengjun", "/engine-rest/task/" + scoreTask + "/form-variables").body());
    assertThat(formVariables.at("/evidenceText/value").asText()).contains("受理投訴案件");
    assertThat(rest.post("wuqiang", "/engine-rest/task/" + scoreTask + "/complete", scores(4, null)).statusCode()).isIn(403, 404);
    assertThat(rest.post("fengyan", "/engine-rest/task/" + scoreTask + "/complete", scores(4, null)).statusCode()).isIn(403, 404);

    // a score out of 1–5 is answered on the form; the task stays open, nothing is written
    HttpResponse<String> bad = rest.post("zhengjun", "/engine-rest/task/" + scoreTask + "/submit-form", scores(4, "\"score_XT5\": {\"value\": 6}"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("1 至 5").contains("XT5");
    assertThat(evaluations.scores(key)).isEmpty();

    HttpResponse<String> filled = rest.post("zhengjun", "/engine-rest/task/" + scoreTask + "/submit-form", scores(4, null));
    assertThat(filled.statusCode()).as(filled.body()).isEqualTo(204);
    runJobs(instance);

    // wuqiang reads the result and acknowledges it
    String respondTask = onlyTask("wuqiang", instance);
    JsonNode respondVariables = json.readTree(rest.get("wuqiang", "/engine-rest/task/" + respondTask + "/form-variables").body());
    assertThat(respondVariables.at("/resultText/value").asText()).contains("80.0").contains("良好");
    assertThat(respondVariables.at("/rating/value").asText()).isEqualTo("良好");
    HttpResponse<String> acknowledged = rest.post("wuqiang", "/engine-rest/task/" + respondTask + "/submit-form",
        "{\"variables\": {\"response\": {\"value\": \"ACKNOWLEDGE\"}}}");
    assertThat(acknowledged.statusCode()).as(acknowledged.body()).isEqualTo(204);
    runJobs(instance);

    JsonNode view = json.readTree(rest.get("wuqiang", "/api/performance-evaluations/" + key).body());
    assertThat(view.at("/evaluation/status").asText()).isEqualTo("ARCHIVED");
    assertThat(view.at("/evaluation/response").asText()).isEqualTo("ACKNOWLEDGE");
    assertThat(view.at("/evaluation/finalTotalScore").decimalValue()).isEqualByComparingTo("80.0");
    assertThat(view.at("/evaluation/finalRating").asText()).isEqualTo("良好");
    assertThat(view.get("scores")).hasSize(37);
    assertThat(view.at("/archived/scores")).hasSize(37);
    assertThat(view.at("/evidence/reported").isInt()).isTrue();
  }

  @Test
  void badStartsAnswer400AndWriteNothing() throws Exception {
    long before = count();
    assertBadStart(startBody("wuqiang", to, from), "早於開始日");
    assertBadStart(startBody("zhangwei", from, to), "不是客戶服務部經理");
    assertBadStart(startBody("zhengjun", from, to), "不能測評自己");
    assertBadStart(startBody("wuqiang", "", to), "測評時段開始");
    assertBadStart(startBody("", from, to), "被測評人");
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void onlyEvaluatorsStartAndEachRoleSeesWhatItMay() throws Exception {
    long before = count();
    assertThat(rest.post("wuqiang", "/api/performance-evaluations", startBody("wuqiang", from, to)).statusCode()).isEqualTo(403);
    assertThat(rest.post("zhangwei", "/api/performance-evaluations", startBody("wuqiang", from, to)).statusCode()).isEqualTo(403);
    assertThat(rest.post("auditor", "/api/performance-evaluations", startBody("wuqiang", from, to)).statusCode()).isEqualTo(403);
    assertThat(rest.post(null, "/api/performance-evaluations", startBody("wuqiang", from, to)).statusCode()).isEqualTo(401);
    // nor through the engine's REST API: only evaluators may create instances of the process
    assertThat(rest.post("zhangwei", "/engine-rest/process-definition/key/performanceEvaluation/start",
        "{\"variables\": {\"evaluateeId\": {\"value\": \"wuqiang\"}, \"periodFrom\": {\"value\": \"" + from
            + "\"}, \"periodTo\": {\"value\": \"" + to + "\"}}}").statusCode()).isIn(403, 404);
    assertThat(count()).isEqualTo(before);

    HttpResponse<String> started = rest.post("fengyan", "/api/performance-evaluations", startBody("wuqiang", from, to));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    String key = json.readTree(started.body()).get("evaluationKey").asText();
    keys.add(key);

    for (String user : List.of("wuqiang", "zhengjun", "fengyan", "auditor", "admin")) {
      assertThat(rest.get(user, "/api/performance-evaluations/" + key).statusCode()).as(user).isEqualTo(200);
      assertThat(keys(rest.get(user, "/api/performance-evaluations"))).as(user).contains(key);
    }
    for (String user : List.of("zhangwei", "wangfang", "zhoumin")) {
      assertThat(rest.get(user, "/api/performance-evaluations/" + key).statusCode()).as(user).isEqualTo(403);
      assertThat(rest.get(user, "/api/performance-evaluations").statusCode()).as(user).isEqualTo(403);
    }
    assertThat(rest.get("wuqiang", "/api/performance-evaluations?evaluatee=someoneelse").statusCode()).isEqualTo(403);
    assertThat(rest.get("auditor", "/api/performance-evaluations/JX-nobody-20230101-20230131").statusCode()).isEqualTo(404);
    assertThat(rest.get(null, "/api/performance-evaluations/" + key).statusCode()).isEqualTo(401);
    // the evaluatee and evaluators read the instance; a customer manager does not
    String instance = evaluations.find(key).orElseThrow().processInstanceId();
    assertThat(rest.get("wuqiang", "/engine-rest/process-instance/" + instance).statusCode()).isEqualTo(200);
    assertThat(rest.get("zhengjun", "/engine-rest/process-instance/" + instance).statusCode()).isEqualTo(200);
    assertThat(rest.get("zhangwei", "/engine-rest/process-instance/" + instance).statusCode()).isIn(403, 404);
    // auditors find it in the history under the public process key (SPEC §3: keys are a contract of REST
    // clients and Cockpit filters), with the evaluation's key as business key
    String publicKey = "performanceEvaluation";
    assertThat(PerformanceEvaluationProcess.PROCESS_KEY).isEqualTo(publicKey);
    JsonNode history = json.readTree(rest.get("auditor", "/engine-rest/history/process-instance"
        + "?processDefinitionKey=" + publicKey + "&processInstanceId=" + instance).body());
    assertThat(history).hasSize(1);
    assertThat(history.get(0).path("businessKey").asText()).isEqualTo(key);
  }

  private void assertBadStart(String body, String message) {
    HttpResponse<String> r = rest.post("zhengjun", "/api/performance-evaluations", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains(message).doesNotContain("Exception");
  }

  private String onlyTask(String user, String instance) throws Exception {
    JsonNode tasks = json.readTree(rest.get(user, "/engine-rest/task?processInstanceId=" + instance).body());
    assertThat(tasks).as(user).hasSize(1);
    return tasks.get(0).get("id").asText();
  }

  private void runJobs(String instance) {
    managementService.createJobQuery().processInstanceId(instance).list()
        .forEach(j -> managementService.executeJob(j.getId()));
  }

  private List<String> keys(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<String> keys = new ArrayList<>();
    json.readTree(response.body()).forEach(e -> keys.add(e.get("evaluationKey").asText()));
    return keys;
  }

  private long count() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM cm_evaluation", Long.class);
  }

  private static String startBody(String evaluatee, String from, String to) {
    return "{\"evaluateeId\": \"" + evaluatee + "\", \"periodFrom\": \"" + from + "\", \"periodTo\": \"" + to + "\"}";
  }

  /** Every criterion scored {@code score}; {@code override} replaces one entry. */
  private static String scores(int score, String override) {
    List<String> entries = new ArrayList<>();
    for (Criterion c : Criterion.values()) {
      if (override != null && override.startsWith("\"" + c.scoreVariable() + "\"")) {
        entries.add(override);
      } else {
        entries.add("\"" + c.scoreVariable() + "\": {\"value\": " + score + "}");
      }
    }
    return "{\"variables\": {" + String.join(", ", entries) + "}}";
  }
}

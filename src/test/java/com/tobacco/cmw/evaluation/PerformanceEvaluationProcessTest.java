package com.tobacco.cmw.evaluation;

import static com.tobacco.cmw.evaluation.PerformanceEvaluationProcess.Element;
import static com.tobacco.cmw.evaluation.PerformanceEvaluationProcess.Var;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tobacco.cmw.complaint.ComplaintEvidence;
import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.support.ProcessTestBase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of {@code performanceEvaluation} (篇2) on the real application and database: scored
 * by an evaluator and acknowledged by wuqiang; disputed and upheld; disputed and revised; and
 * every bad input refused in the transaction of the person who gave it, with nothing written.
 */
class PerformanceEvaluationProcessTest extends ProcessTestBase {

  private static final AtomicInteger SEQ = new AtomicInteger();
  static final String EVALUATOR = "zhengjun";
  static final String SECOND = "fengyan";
  static final String EVALUATEE = "wuqiang";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired EvaluationRepository evaluations;
  @Autowired ComplaintEvidence complaintEvidence;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;

  private final List<String> keys = new ArrayList<>();
  private LocalDate from;
  private LocalDate to;

  @BeforeEach
  void setUp() {
    init(engine);
    identityService.clearAuthentication();
    // a period of its own for each test: keys are one per evaluatee and period
    from = LocalDate.of(2024, 1, 1).plusMonths(SEQ.getAndIncrement());
    to = from.plusMonths(1).minusDays(1);
  }

  @AfterEach
  void removeOwnEvaluations() {
    identityService.clearAuthentication();
    for (String key : keys) {
      runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).list()
          .forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(), "test cleanup"));
      evaluations.delete(key);
    }
    keys.clear();
  }

  // ---------------------------------------------------------------- paths

  @Test
  void anEvaluatorScoresAndWuqiangAcknowledges() throws Exception {
    ProcessInstance pi = start(EVALUATOR, EVALUATEE);
    String key = pi.getBusinessKey();
    Assertions.assertThat(key).isEqualTo("JX-wuqiang-" + from.toString().replace("-", "") + "-" + to.toString().replace("-", ""));
    assertThat(pi).isWaitingAt(Element.SCORE).task().isAssignedTo(EVALUATOR).hasDueDate(
        (java.util.Date) runtimeService.getVariable(pi.getId(), Var.SCORE_DUE));
    // the complaint register's evidence for the period is on the form and kept with the evaluation
    ComplaintEvidence.Evidence evidence = complaintEvidence.forPeriod(from, to);
    Assertions.assertThat((String) runtimeService.getVariable(pi.getId(), Var.EVIDENCE_TEXT))
        .contains("受理投訴案件").contains("| " + evidence.reported() + " |").contains("按期結案率");
    EvaluationRepository.Evaluation opened = evaluations.find(key).orElseThrow();
    Assertions.assertThat(opened.status()).isEqualTo("SCORING");
    Assertions.assertThat(opened.evaluatorId()).isEqualTo(EVALUATOR);
    Assertions.assertThat(json.readTree(opened.evidenceJson()).get("reported").asInt()).isEqualTo(evidence.reported());
    Assertions.assertThat(opened.processInstanceId()).isEqualTo(pi.getId());

    Map<String, Object> sheet = sheet(4);
    sheet.put("score_YW1", 5);
    sheet.put("comment_YW1", "每月均有客戶意見調查。");
    completeAs(EVALUATOR, sheet);
    Assertions.assertThat(runtimeService.getVariable(pi.getId(), Var.TOTAL_SCORE)).isEqualTo(80.9);
    Assertions.assertThat(runtimeService.getVariable(pi.getId(), Var.RATING)).isEqualTo("良好");
    assertThat(pi).isWaitingAt(Element.SAVE_SCORES);
    execute(job());
    assertThat(pi).isWaitingAt(Element.RESPOND).task().isAssignedTo(EVALUATEE);
    EvaluationRepository.Evaluation scored = evaluations.find(key).orElseThrow();
    Assertions.assertThat(scored.status()).isEqualTo("AWAITING_RESPONSE");
    Assertions.assertThat(scored.totalScore()).isEqualByComparingTo("80.9");
    Assertions.assertThat(scored.meanBusiness()).isEqualByComparingTo("4.14");
    Assertions.assertThat(scored.weights()).isEqualTo("BUSINESS=30,SUPERVISION=25,COORDINATION=25,REPORTING=20");
    Assertions.assertThat(evaluations.scores(key)).hasSize(37);

    completeAs(EVALUATEE, Map.of(Var.RESPONSE, "ACKNOWLEDGE"));
    execute(job());
    assertThat(pi).hasPassedInOrder(Element.START, Element.OPEN, Element.SCORE, Element.CHECK_SCORES, Element.SAVE_SCORES,
        Element.RESPOND, Element.CHECK_RESPONSE, Element.RESPONSE_GATEWAY, Element.ARCHIVE_MERGE, Element.ARCHIVE,
        Element.END).isEnded();
    EvaluationRepository.Evaluation archived = evaluations.find(key).orElseThrow();
    Assertions.assertThat(archived.status()).isEqualTo("ARCHIVED");
    Assertions.assertThat(archived.response()).isEqualTo("ACKNOWLEDGE");
    Assertions.assertThat(archived.respondedAt()).isNotNull();
    Assertions.assertThat(archived.finalTotalScore()).isEqualByComparingTo("80.9");
    Assertions.assertThat(archived.finalRating()).isEqualTo("良好");
    JsonNode frozen = json.readTree(evaluations.archivedJson(key).orElseThrow());
    Assertions.assertThat(frozen.at("/evaluation/finalRating").asText()).isEqualTo("良好");
    Assertions.assertThat(frozen.get("scores")).hasSize(37);
    Assertions.assertThat(frozen.at("/scores/0/criterionText").asText()).isEqualTo(Criterion.YW1.text());
    Assertions.assertThat(frozen.at("/scores/0/comment").asText()).isEqualTo("每月均有客戶意見調查。");
    Assertions.assertThat(frozen.at("/evidence/reported").asInt()).isEqualTo(evidence.reported());
  }

  @Test
  void aDisputeGoesToTheSecondEvaluatorWhoUpholdsTheResult() {
    ProcessInstance pi = scoredAndWaitingForTheEvaluatee(3);
    completeAs(EVALUATEE, Map.of(Var.RESPONSE, "DISPUTE", Var.RESPONSE_REASON, "投訴處理及時率的統計期間與實際不符。",
        Var.SECOND_EVALUATOR_ID, SECOND));
    assertThat(pi).isWaitingAt(Element.RECORD_DISPUTE);
    execute(job());
    assertThat(pi).isWaitingAt(Element.SECOND_REVIEW).task().isAssignedTo(SECOND);
    EvaluationRepository.Evaluation disputed = evaluations.find(pi.getBusinessKey()).orElseThrow();
    Assertions.assertThat(disputed.status()).isEqualTo("DISPUTED");
    Assertions.assertThat(disputed.secondEvaluatorId()).isEqualTo(SECOND);
    Assertions.assertThat(disputed.responseReason()).contains("及時率");

    completeAs(SECOND, Map.of(Var.SECOND_DECISION, "UPHOLD", Var.SECOND_COMMENT, "統計期間按測評時段計算,無誤,維持原測評。"));
    execute(job());
    assertThat(pi).hasPassed(Element.RECORD_DISPUTE, Element.SECOND_REVIEW, Element.CHECK_SECOND_REVIEW, Element.ARCHIVE)
        .isEnded();
    EvaluationRepository.Evaluation archived = evaluations.find(pi.getBusinessKey()).orElseThrow();
    Assertions.assertThat(archived.secondDecision()).isEqualTo("UPHOLD");
    Assertions.assertThat(archived.finalTotalScore()).isEqualByComparingTo("60.0");
    Assertions.assertThat(archived.finalRating()).isEqualTo("合格");
    Assertions.assertThat(evaluations.scores(pi.getBusinessKey())).extracting(EvaluationRepository.Score::round)
        .containsOnly(1);
  }

  @Test
  void aDisputeRevisedByTheSecondEvaluatorGivesTheResultThatStands() {
    ProcessInstance pi = scoredAndWaitingForTheEvaluatee(3);
    completeAs(EVALUATEE, Map.of(Var.RESPONSE, "DISPUTE", Var.RESPONSE_REASON, "審查報告各項均按時提交,評分偏低。",
        Var.SECOND_EVALUATOR_ID, SECOND));
    assertThat(pi).isWaitingAt(Element.RECORD_DISPUTE);
    execute(job());
    Map<String, Object> revised = sheet(3);
    for (Criterion c : Criterion.Part.REPORTING.criteria()) {
      revised.put(c.scoreVariable(), 5);
    }
    revised.put(Var.SECOND_DECISION, "REVISE");
    revised.put(Var.SECOND_COMMENT, "審查報告部分按實際提交情況調整為 5 分。");
    completeAs(SECOND, revised);
    execute(job());
    assertThat(pi).isEnded();
    EvaluationRepository.Evaluation archived = evaluations.find(pi.getBusinessKey()).orElseThrow();
    // 0.80 × 3 × 20 + 0.20 × 5 × 20 = 48 + 20
    Assertions.assertThat(archived.totalScore()).isEqualByComparingTo("60.0");
    Assertions.assertThat(archived.secondTotalScore()).isEqualByComparingTo("68.0");
    Assertions.assertThat(archived.finalTotalScore()).isEqualByComparingTo("68.0");
    Assertions.assertThat(archived.finalRating()).isEqualTo("合格");
    Assertions.assertThat(evaluations.scores(pi.getBusinessKey())).hasSize(74);
  }

  // ---------------------------------------------------------------- bad input changes nothing

  @Test
  void badStartsAreRefusedAndWriteNothing() {
    long before = count();
    assertStartRefused(EVALUATOR, EVALUATEE, to.toString(), from.toString(), "早於開始日");
    assertStartRefused(EVALUATOR, "zhangwei", from.toString(), to.toString(), "不是客戶服務部經理");
    assertStartRefused(EVALUATOR, EVALUATOR, from.toString(), to.toString(), "不能測評自己");
    assertStartRefused(EVALUATOR, EVALUATEE, "", to.toString(), "測評時段開始");
    assertStartRefused(EVALUATOR, EVALUATEE, "2024-13-01", to.toString(), "不是日期");
    assertStartRefused(EVALUATOR, EVALUATEE, LocalDate.now().plusDays(10).toString(),
        LocalDate.now().plusDays(40).toString(), "尚未開始");
    // one who is not a performance evaluator (the engine lets an administrator start anything)
    assertStartRefused("admin", EVALUATEE, from.toString(), to.toString(), "只有績效測評人");
    Assertions.assertThat(count()).isEqualTo(before);
    Assertions.assertThat(runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(PerformanceEvaluationProcess.PROCESS_KEY).processInstanceBusinessKeyLike("%" + from.toString().replace("-", "") + "%")
        .count()).isZero();
    // the same evaluatee and period twice
    start(EVALUATOR, EVALUATEE);
    assertStartRefused(SECOND, EVALUATEE, from.toString(), to.toString(), "已存在");
  }

  @Test
  void badScoresKeepTheTaskOpenWithNothingWritten() {
    ProcessInstance pi = start(EVALUATOR, EVALUATEE);
    Map<String, Object> outOfRange = sheet(4);
    outOfRange.put("score_XT3", 6);
    assertFormRefused(EVALUATOR, outOfRange, "1 至 5");
    Map<String, Object> zero = sheet(4);
    zero.put("score_JD1", 0);
    assertFormRefused(EVALUATOR, zero, "1 至 5");
    Map<String, Object> fraction = sheet(4);
    fraction.put("score_BG2", 3.5);
    assertFormRefused(EVALUATOR, fraction, "1 至 5");
    Map<String, Object> missing = sheet(4);
    missing.remove("score_BG10");
    assertFormRefused(EVALUATOR, missing, "審查報告 10");
    Map<String, Object> text = sheet(4);
    text.put("score_YW3", "好");
    assertFormRefused(EVALUATOR, text, "不是數字");
    assertThat(pi).isWaitingAt(Element.SCORE);
    Assertions.assertThat(evaluations.scores(pi.getBusinessKey())).isEmpty();
    Assertions.assertThat(evaluations.find(pi.getBusinessKey()).orElseThrow().status()).isEqualTo("SCORING");
  }

  @Test
  void aDisputeNeedsAReasonAndASecondEvaluatorOtherThanTheFirst() {
    ProcessInstance pi = scoredAndWaitingForTheEvaluatee(4);
    assertFormRefused(EVALUATEE, Map.of(Var.RESPONSE, "DISPUTE", Var.RESPONSE_REASON, "不同意", Var.SECOND_EVALUATOR_ID, SECOND),
        "申訴時請寫明理由");
    String reason = "部分評分與實際工作不符,請複核。";
    assertFormRefused(EVALUATEE, Map.of(Var.RESPONSE, "DISPUTE", Var.RESPONSE_REASON, reason, Var.SECOND_EVALUATOR_ID, EVALUATOR),
        "第二測評人不能是原測評人");
    assertFormRefused(EVALUATEE, Map.of(Var.RESPONSE, "DISPUTE", Var.RESPONSE_REASON, reason, Var.SECOND_EVALUATOR_ID, "zhangwei"),
        "不是績效測評人");
    assertFormRefused(EVALUATEE, Map.of(Var.RESPONSE, "DISPUTE", Var.RESPONSE_REASON, reason), "第二測評人");
    assertFormRefused(EVALUATEE, Map.of(Var.RESPONSE, "MAYBE"), "ACKNOWLEDGE");
    assertThat(pi).isWaitingAt(Element.RESPOND);
    Assertions.assertThat(evaluations.find(pi.getBusinessKey()).orElseThrow().response()).isNull();

    completeAs(EVALUATEE, Map.of(Var.RESPONSE, "DISPUTE", Var.RESPONSE_REASON, reason, Var.SECOND_EVALUATOR_ID, SECOND));
    execute(job());
    // the first evaluator cannot give the second opinion, a revision is a full valid sheet, a comment is needed
    String taskId = task(pi).getId();
    taskService.setAssignee(taskId, EVALUATOR);
    assertFormRefused(EVALUATOR, Map.of(Var.SECOND_DECISION, "UPHOLD", Var.SECOND_COMMENT, "維持原測評結果,無需修改。"), "原測評人");
    taskService.setAssignee(taskId, SECOND);
    Map<String, Object> bad = sheet(4);
    bad.put("score_YW2", 9);
    bad.put(Var.SECOND_DECISION, "REVISE");
    bad.put(Var.SECOND_COMMENT, "業務工作部分重新核定評分。");
    assertFormRefused(SECOND, bad, "1 至 5");
    assertFormRefused(SECOND, Map.of(Var.SECOND_DECISION, "UPHOLD"), "複核意見");
    assertThat(pi).isWaitingAt(Element.SECOND_REVIEW);
    Assertions.assertThat(evaluations.find(pi.getBusinessKey()).orElseThrow().secondDecision()).isNull();
  }

  // ---------------------------------------------------------------- helpers

  private ProcessInstance scoredAndWaitingForTheEvaluatee(int score) {
    ProcessInstance pi = start(EVALUATOR, EVALUATEE);
    completeAs(EVALUATOR, sheet(score));
    assertThat(pi).isWaitingAt(Element.SAVE_SCORES);
    execute(job());
    assertThat(pi).isWaitingAt(Element.RESPOND);
    return pi;
  }

  private ProcessInstance start(String user, String evaluatee) {
    authenticate(user);
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(PerformanceEvaluationProcess.PROCESS_KEY,
        Map.of(Var.EVALUATEE_ID, evaluatee, Var.PERIOD_FROM, from.toString(), Var.PERIOD_TO, to.toString()));
    keys.add(pi.getBusinessKey());
    identityService.clearAuthentication();
    return pi;
  }

  private void assertStartRefused(String user, String evaluatee, String periodFrom, String periodTo, String message) {
    authenticate(user);
    try {
      Assertions.assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PerformanceEvaluationProcess.PROCESS_KEY,
              Map.of(Var.EVALUATEE_ID, evaluatee, Var.PERIOD_FROM, periodFrom, Var.PERIOD_TO, periodTo)))
          .isInstanceOf(InvalidInput.class).hasMessageContaining(message);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** Completes the current task of the only running instance's assignee, as that user. */
  private void completeAs(String user, Map<String, Object> variables) {
    authenticate(user);
    try {
      String taskId = taskService.createTaskQuery().taskAssignee(user).processDefinitionKey(PerformanceEvaluationProcess.PROCESS_KEY)
          .list().stream().filter(t -> keys.contains(businessKey(t.getProcessInstanceId()))).findFirst().orElseThrow().getId();
      taskService.complete(taskId, variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void assertFormRefused(String user, Map<String, Object> variables, String message) {
    Assertions.assertThatThrownBy(() -> completeAs(user, variables)).isInstanceOf(InvalidInput.class)
        .hasMessageContaining(message);
  }

  private String businessKey(String processInstanceId) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult().getBusinessKey();
  }

  private void authenticate(String user) {
    List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
    identityService.setAuthentication(user, groups);
  }

  private long count() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM cm_evaluation", Long.class);
  }

  /** A full score sheet: every criterion the same score and no comment. */
  static Map<String, Object> sheet(int score) {
    Map<String, Object> sheet = new HashMap<>();
    for (Criterion c : Criterion.values()) {
      sheet.put(c.scoreVariable(), score);
    }
    return sheet;
  }
}

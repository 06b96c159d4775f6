package com.tobacco.cmw.satisfaction;

import static com.tobacco.cmw.satisfaction.SatisfactionImprovementProcess.Element;
import static com.tobacco.cmw.satisfaction.SatisfactionImprovementProcess.Var;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.security.StaffDirectory;
import com.tobacco.cmw.support.ProcessTestBase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of {@code satisfactionImprovement} (§3.8, §4.8.1–§4.8.2) on the real application and
 * database: a customer manager's evaluation with measures returned once and then accepted, the
 * follow-up timer and the follow-up survey starting the next cycle (previous period compared,
 * targets checked); a region's evaluation with one improvement per customer manager; bad surveys
 * and bad measures answered without writing anything. Survey periods lie in 2024, before the demo
 * surveys, so nothing earlier is compared with them. Rows created here are deleted after each test.
 */
class SatisfactionImprovementProcessTest extends ProcessTestBase {

  static final List<String> CSC = List.of("customer-service-center");
  static final List<String> MANAGER = List.of("customer-managers");
  static final List<String> REGIONAL_EAST = List.of("regional-managers", "regional-managers-east");
  static final List<String> REGIONAL_WEST = List.of("regional-managers", "regional-managers-west");
  static final String HEADER = "customerCode,supply,service,market,comment\n";
  static final String SECOND_MANAGER = "sunmei";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired SatisfactionRepository repository;
  @Autowired StaffDirectory staff;
  @Autowired JdbcTemplate jdbc;

  SatisfactionFixture fixture;

  @BeforeEach
  void setUp() {
    init(engine);
    identityService.clearAuthentication();
    fixture = new SatisfactionFixture(jdbc, runtimeService);
  }

  @AfterEach
  void cleanUp() {
    org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    identityService.clearAuthentication();
    fixture.cleanUp();
    jdbc.update("UPDATE cm_customer SET manager_id = 'zhangwei' WHERE manager_id IN (?, 'nobody', 'wangfang')",
        SECOND_MANAGER);
    jdbc.update("DELETE FROM cm_staff WHERE user_id = ?", SECOND_MANAGER);
  }

  // ---------------------------------------------------------------- paths

  @Test
  void aManagersCycleRunsFromRequestThroughAReturnToAcceptedMeasuresAndTheFollowUpStartsTheNext() {
    ProcessInstance pi = request("zhoumin", CSC, "MANAGER", "zhangwei", "2024-01-01", "2024-03-31",
        HEADER + "C10001,8,9,7,送貨及時\nC10002,6,7,5,\"態度一般,價格標籤不全\"\nC10003,10,8,9,\n");
    String no = pi.getBusinessKey();
    Assertions.assertThat(no).matches("MY-" + fixture.year() + "-\\d{5}");
    SatisfactionRepository.Survey survey = repository.survey(no).orElseThrow();
    Assertions.assertThat(survey.uploadedBy()).isEqualTo("zhoumin");
    Assertions.assertThat(repository.responses(survey.id())).hasSize(3);
    Assertions.assertThat(repository.indexRows(survey.id())).singleElement().satisfies(r -> {
      Assertions.assertThat(r.scopeType() + "/" + r.scopeId()).isEqualTo("MANAGER/zhangwei");
      Assertions.assertThat(r.index()).isEqualByComparingTo("74.07");
      Assertions.assertThat(r.previousIndex()).isNull();
    });
    Assertions.assertThat(runtimeService.getVariable(pi.getId(), Var.INDEX_TEXT).toString())
        .startsWith("74.07(3 戶答卷;無上期測評");
    Assertions.assertThat(runtimeService.getVariable(pi.getId(), Var.SURVEY_CSV)).isNull();

    assertThat(pi).isWaitingAt(Element.ANALYSE);
    Task analyse = task(pi);
    assertThat(analyse).isAssignedTo("zhangwei");
    Assertions.assertThat(taskService.getVariableLocal(analyse.getId(), Var.CURRENT_INDEX)).isEqualTo(74.07);
    commit(pi, "zhangwei", "送貨時間不穩定,部分客戶反映服務態度一般", "每周固定時間拜訪\n價格標籤當場補齊", 80, future(60));
    assertThat(pi).isWaitingAt(Element.REVIEW);
    Task review = task(pi);
    assertThat(review).isAssignedTo("zhoumin");
    Assertions.assertThat(taskService.getVariableLocal(review.getId(), Var.PLAN_TEXT).toString())
        .contains("- 每周固定時間拜訪").contains("目標指數 Target:80.00");
    decide(pi, "zhoumin", CSC, "RETURN", "措施不夠具體,請寫明拜訪頻次");
    Assertions.assertThat(repository.plan(survey.id(), "zhangwei").orElseThrow().status()).isEqualTo("RETURNED");

    assertThat(pi).isWaitingAt(Element.ANALYSE);
    Assertions.assertThat(taskService.getVariableLocal(task(pi).getId(), Var.LAST_REVIEW_TEXT).toString())
        .contains("措施不夠具體");
    commit(pi, "zhangwei", "送貨時間不穩定", "每周二、五固定拜訪\n價格標籤當場補齊\n每月回訪評分最低的三戶", 82.5, future(90));
    // the second round starts clean: the returned round's decision and comment are not carried over
    Assertions.assertThat(taskService.getVariable(task(pi).getId(), Var.REVIEW_DECISION)).isNull();
    Assertions.assertThat(taskService.getVariable(task(pi).getId(), Var.REVIEW_COMMENT)).isNull();
    decide(pi, "zhoumin", CSC, "ACCEPT", null);

    SatisfactionRepository.Plan plan = repository.plan(survey.id(), "zhangwei").orElseThrow();
    Assertions.assertThat(plan.status()).isEqualTo("ACCEPTED");
    Assertions.assertThat(plan.rounds()).isEqualTo(2);
    Assertions.assertThat(plan.measures()).containsExactly("每周二、五固定拜訪", "價格標籤當場補齊", "每月回訪評分最低的三戶");
    Assertions.assertThat(plan.targetIndex()).isEqualByComparingTo("82.50");
    Assertions.assertThat(plan.reviewedBy()).isEqualTo("zhoumin");

    assertThat(pi).isWaitingAt(Element.FOLLOW_UP_DUE);
    Date due = (Date) runtimeService.getVariable(pi.getId(), Var.FOLLOW_UP_DUE);
    Assertions.assertThat(due.toInstant()).isBetween(java.time.Instant.now().plus(java.time.Duration.ofDays(89)),
        java.time.Instant.now().plus(java.time.Duration.ofDays(91)));
    Assertions.assertThat(repository.survey(no).orElseThrow().status()).isEqualTo("FOLLOW_UP_DUE");
    execute(job());

    assertThat(pi).isWaitingAt(Element.LOAD_FOLLOW_UP);
    assertThat(task(pi)).isAssignedTo("zhoumin");
    Map<String, Object> followUp = Map.of(Var.FOLLOW_UP_PERIOD_FROM, "2024-07-01", Var.FOLLOW_UP_PERIOD_TO, "2024-09-30",
        Var.FOLLOW_UP_CSV, HEADER + "C10001,9,9,9,\nC10002,7,8,6,有改善\n");
    completeAs("zhoumin", CSC, task(pi), followUp);

    assertThat(pi).hasPassedInOrder(Element.START, Element.LOAD_SURVEY, Element.ANALYSE, Element.RECORD_MEASURES,
        Element.REVIEW, Element.RECORD_REVIEW, Element.ANALYSE, Element.REVIEW, Element.END_ACCEPTED,
        Element.PLAN_FOLLOW_UP, Element.FOLLOW_UP_DUE, Element.LOAD_FOLLOW_UP, Element.START_FOLLOW_UP,
        Element.END_FOLLOW_UP_STARTED).isEnded();
    String nextNo = (String) engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(Var.NEXT_EVALUATION).singleResult().getValue();
    SatisfactionRepository.Survey next = repository.survey(nextNo).orElseThrow();
    Assertions.assertThat(next.followsSurveyId()).isEqualTo(survey.id());
    Assertions.assertThat(repository.survey(no).orElseThrow().status()).isEqualTo("FOLLOWED_UP");
    ProcessInstance nextPi = runtimeService.createProcessInstanceQuery().processInstanceId(next.processInstanceId())
        .singleResult();
    Assertions.assertThat(runtimeService.getVariable(nextPi.getId(), Var.PREVIOUS_EVALUATION)).isEqualTo(no);
    assertThat(nextPi).isWaitingAt(Element.ANALYSE);
    // the follow-up: (8 + 8.5 + 7.5) / 3 → 77.78, previous 74.07: +3.71; below the target 82.50
    Assertions.assertThat(repository.index(next.id(), "MANAGER", "zhangwei").orElseThrow()).satisfies(r -> {
      Assertions.assertThat(r.index()).isEqualByComparingTo("77.78");
      Assertions.assertThat(r.previousIndex()).isEqualByComparingTo("74.07");
      Assertions.assertThat(r.previousSurveyId()).isEqualTo(survey.id());
      Assertions.assertThat(r.delta()).isEqualByComparingTo("3.71");
    });
    SatisfactionRepository.Plan reached = repository.plan(survey.id(), "zhangwei").orElseThrow();
    Assertions.assertThat(reached.followUpIndex()).isEqualByComparingTo("77.78");
    Assertions.assertThat(reached.targetReached()).isFalse();
    Assertions.assertThat(repository.history("MANAGER", "zhangwei")).extracting(SatisfactionRepository.HistoryRow::index)
        .map(BigDecimal::toPlainString).containsSubsequence("74.07", "77.78");
  }

  @Test
  void aRegionsEvaluationGivesEachManagerWithAnsweringCustomersAnImprovementOfTheirOwn() {
    staff.save(new StaffDirectory.Staff(SECOND_MANAGER, "孫梅", "customer-managers", "EAST", true));
    jdbc.update("UPDATE cm_customer SET manager_id = ? WHERE customer_code IN ('C10003', 'C10004')", SECOND_MANAGER);
    ProcessInstance pi = request("wangfang", REGIONAL_EAST, "REGION", "east", "2024-01-01", "2024-03-31",
        HEADER + "C10001,8,9,7,\nC10002,6,7,5,\nC10003,10,8,9,\nC10004,9,10,10,\n");
    SatisfactionRepository.Survey survey = repository.survey(pi.getBusinessKey()).orElseThrow();
    Assertions.assertThat(survey.scopeId()).isEqualTo("EAST");
    Assertions.assertThat(repository.indexRows(survey.id()))
        .extracting(r -> r.scopeType() + "/" + r.scopeId() + "=" + r.index().toPlainString())
        .containsExactly("REGION/EAST=79.63", "MANAGER/sunmei=92.59", "MANAGER/zhangwei=66.67");
    List<Task> tasks = taskService.createTaskQuery().processInstanceId(pi.getId()).orderByTaskAssignee().asc().list();
    Assertions.assertThat(tasks).extracting(Task::getAssignee).containsExactly(SECOND_MANAGER, "zhangwei");
    // the second manager's target is above their own index, not the region's
    assertRefused(tasks.get(0), SECOND_MANAGER, commitment("分析", "措施", 90, future(30)), "應高於目前的 92.59");
    completeAs(SECOND_MANAGER, MANAGER, tasks.get(0), commitment("分析", "措施", 95, future(30)));
    completeAs("zhangwei", MANAGER, tasks.get(1), commitment("分析", "措施", 75, future(30)));
    for (Task review : taskService.createTaskQuery().processInstanceId(pi.getId()).list()) {
      assertThat(review).isAssignedTo("wangfang");
      completeAs("wangfang", REGIONAL_EAST, review, Map.of(Var.REVIEW_DECISION, "ACCEPT"));
    }
    assertThat(pi).isWaitingAt(Element.FOLLOW_UP_DUE);
    Assertions.assertThat(repository.plans(survey.id())).extracting(SatisfactionRepository.Plan::status)
        .containsOnly("ACCEPTED");
    Assertions.assertThat(repository.history("REGION", "EAST")).singleElement()
        .satisfies(h -> Assertions.assertThat(h.target()).isNull());
  }

  // ---------------------------------------------------------------- bad input

  @Test
  void aBadSurveyIsRefusedWithEveryProblemAndItsRowAndNothingIsWritten() {
    long instances = fixture.runningInstances();
    assertStartRefused("zhoumin", CSC, "MANAGER", "zhangwei", "2024-01-01", "2024-03-31",
        HEADER + "C10001,8,9,7,\nC10002,11,7,5,\nC99999,5,5,5,\nC20001,5,5,5,\nC10001,5,5,5,\nC10040,5,5,5,\n",
        "第 3 行 / row 3:「貨源供應」應為 1–10 的整數:「11」", "第 4 行 / row 4:客戶 C99999 不存在",
        "第 5 行 / row 5:客戶 C20001", "不是 zhangwei 負責的客戶", "第 6 行 / row 6:客戶 C10001 重複",
        "第 7 行 / row 7:客戶 C10040");
    assertStartRefused("zhoumin", CSC, "MANAGER", "zhangwei", "2024-01-01", "2024-03-31", "", "調查結果為空");
    assertStartRefused("zhoumin", CSC, "MANAGER", "zhangwei", "2024-01-01", "2024-03-31", "C10001,8,9,7\n", "缺少標題行");
    assertStartRefused("zhoumin", CSC, "REGION", "WEST", "2024-01-01", "2024-03-31", HEADER + "C10001,8,9,7,\n",
        "不在區域 WEST");
    assertStartRefused("zhoumin", CSC, "MANAGER", "wangfang", "2024-01-01", "2024-03-31", HEADER + "C10001,8,9,7,\n",
        "不是客戶經理");
    assertStartRefused("zhoumin", CSC, "REGION", "NORTH", "2024-01-01", "2024-03-31", HEADER + "C10001,8,9,7,\n",
        "區域「NORTH」不存在");
    assertStartRefused("zhoumin", CSC, "MANAGER", "zhangwei", "2024-03-31", "2024-01-01", HEADER + "C10001,8,9,7,\n",
        "晚於結束日");
    assertStartRefused("zhoumin", CSC, "MANAGER", "zhangwei", "2024-01-01", LocalDate.now(ZoneId.of("Asia/Shanghai"))
        .plusDays(2).toString(), HEADER + "C10001,8,9,7,\n", "在今天之後");
    // chenjing (WEST) may not request for EAST or for an EAST manager; a customer manager not at all
    assertStartRefused("chenjing", REGIONAL_WEST, "REGION", "EAST", "2024-01-01", "2024-03-31", HEADER + "C10001,8,9,7,\n",
        "只能要求本區域");
    assertStartRefused("chenjing", REGIONAL_WEST, "MANAGER", "zhangwei", "2024-01-01", "2024-03-31",
        HEADER + "C10001,8,9,7,\n", "只能要求本區域");
    Assertions.assertThat(fixture.rowsAfter()).isZero();
    Assertions.assertThat(fixture.runningInstances()).isEqualTo(instances);

    // a period overlapping an earlier survey of the same scope
    request("zhoumin", CSC, "MANAGER", "zhangwei", "2024-01-01", "2024-03-31", HEADER + "C10001,8,9,7,\n");
    assertStartRefused("wangfang", REGIONAL_EAST, "MANAGER", "zhangwei", "2024-03-01", "2024-04-30",
        HEADER + "C10001,8,9,7,\n", "已有重疊期間的測評");
    Assertions.assertThat(fixture.surveysAfter()).isOne();
  }

  @Test
  void customersWhoseManagerLeftIsUnknownOrNoCustomerManagerAreRefusedByName() {
    staff.save(new StaffDirectory.Staff(SECOND_MANAGER, "孫梅", "customer-managers", "EAST", false));
    jdbc.update("UPDATE cm_customer SET manager_id = ? WHERE customer_code = 'C10003'", SECOND_MANAGER);
    jdbc.update("UPDATE cm_customer SET manager_id = 'nobody' WHERE customer_code = 'C10004'");
    jdbc.update("UPDATE cm_customer SET manager_id = 'wangfang' WHERE customer_code = 'C10005'");
    assertStartRefused("zhoumin", CSC, "REGION", "EAST", "2024-01-01", "2024-03-31",
        HEADER + "C10001,8,9,7,\nC10003,8,9,7,\nC10004,8,9,7,\nC10005,8,9,7,\n",
        "第 3 行 / row 3:客戶 C10003", "客戶經理 sunmei 已停用", "第 4 行 / row 4:客戶 C10004",
        "客戶經理 nobody 不在員工名冊中", "第 5 行 / row 5:客戶 C10005", "wangfang 不是客戶經理");
    assertStartRefused("zhoumin", CSC, "MANAGER", SECOND_MANAGER, "2024-01-01", "2024-03-31",
        HEADER + "C10003,8,9,7,\n", "客戶經理「sunmei」已停用");
    Assertions.assertThat(fixture.rowsAfter()).isZero();
  }

  @Test
  void aManagerSurveyAndARegionSurveyWithThatManagersCustomersMayNotOverlap() {
    request("zhoumin", CSC, "MANAGER", "zhangwei", "2024-01-01", "2024-03-31", HEADER + "C10001,8,9,7,\n");
    assertStartRefused("wangfang", REGIONAL_EAST, "REGION", "EAST", "2024-02-01", "2024-04-30",
        HEADER + "C10002,8,9,7,\n", "與客戶經理 zhangwei 的測評", "同樣測評客戶經理 zhangwei");
    request("wangfang", REGIONAL_EAST, "REGION", "EAST", "2024-04-01", "2024-06-30", HEADER + "C10002,8,9,7,\n");
    assertStartRefused("zhoumin", CSC, "MANAGER", "zhangwei", "2024-05-01", "2024-05-31", HEADER + "C10003,8,9,7,\n",
        "與區域 EAST 的測評");
    // another region's survey of the same months measures other managers: accepted
    request("zhoumin", CSC, "REGION", "WEST", "2024-05-01", "2024-05-31", HEADER + "C20001,8,9,7,\n");
    Assertions.assertThat(fixture.surveysAfter()).isEqualTo(3);
  }

  @Test
  void badMeasuresAndDecisionsAreAnsweredAndTheTaskStays() {
    ProcessInstance pi = request("zhoumin", CSC, "MANAGER", "zhangwei", "2024-01-01", "2024-03-31",
        HEADER + "C10001,8,9,7,\nC10002,6,7,5,\nC10003,10,8,9,\n");
    long surveyId = repository.survey(pi.getBusinessKey()).orElseThrow().id();
    assertRefused(task(pi), "zhangwei", commitment(" ", "措施", 80, future(30)), "請填寫「結合自身服務情況的分析」");
    assertRefused(task(pi), "zhangwei", commitment("分析", " \n \n", 80, future(30)), "請至少填寫一項改進措施");
    assertRefused(task(pi), "zhangwei", commitment("分析", "措施", 74.07, future(30)), "應高於目前的 74.07");
    assertRefused(task(pi), "zhangwei", commitment("分析", "措施", 100.01, future(30)), "不能超過 100");
    assertRefused(task(pi), "zhangwei", commitment("分析", "措施", 80.123, future(30)), "最多兩位小數");
    assertRefused(task(pi), "zhangwei", commitment("分析", "措施", 80, future(0)), "應在今天");
    assertRefused(task(pi), "zhangwei", commitment("分析", "措施", 80, future(800)), "兩年內");
    assertRefused(task(pi), "zhangwei", commitment("分析", "措施", 80, "soon"), "不是日期");
    Assertions.assertThat(repository.plan(surveyId, "zhangwei").orElseThrow().status()).isEqualTo("OPEN");
    Assertions.assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cm_satisfaction_measure WHERE survey_id = ?",
        Integer.class, surveyId)).isZero();

    // the manager of the task cannot be changed by its completion
    assertRefused(task(pi), "zhangwei", withManager(commitment("分析", "措施", 80, future(30)), "lina"), "不能改為「lina」");
    commit(pi, "zhangwei", "分析", "措施", 80, future(30));
    Task review = task(pi);
    Assertions.assertThat(taskService.getVariable(review.getId(), Var.MANAGER_ID)).isEqualTo("zhangwei");
    assertRefused(review, "zhoumin", withManager(Map.of(Var.REVIEW_DECISION, "ACCEPT"), "lina"), "不能改為「lina」");
    Assertions.assertThat(runtimeService.getVariable(review.getExecutionId(), Var.MANAGER_ID)).isEqualTo("zhangwei");
    assertRefused(review, "zhoumin", Map.of(Var.REVIEW_DECISION, "RETURN"), "請填寫「退回意見」");
    assertRefused(review, "zhoumin", Map.of(Var.REVIEW_DECISION, "MAYBE"), "只能是接受或退回");
    Assertions.assertThat(repository.plan(surveyId, "zhangwei").orElseThrow().status()).isEqualTo("SUBMITTED");
  }

  @Test
  void aColleagueOfTheCustomerServiceCenterActsForTheRequesterAndTheNextCycleKeepsTheRequesterAndScope() {
    List<String> csc = List.of("customer-service-center");
    ProcessInstance pi = request("zhoumin", CSC, "MANAGER", "zhangwei", "2024-01-01", "2024-03-31",
        HEADER + "C10001,8,9,7,\nC10002,6,7,5,\n");
    commit(pi, "zhangwei", "分析", "措施", 80, future(30));
    Task review = task(pi);
    assertThat(review).isAssignedTo("zhoumin");
    assertCandidates(review, "customer-service-center");
    // zhoumin is away: a colleague of the center decides; a regional manager may not
    assertNotDone(review, "wangfang", REGIONAL_EAST, Map.of(Var.REVIEW_DECISION, "ACCEPT"));
    completeAs("qianli", csc, review, Map.of(Var.REVIEW_DECISION, "ACCEPT"));
    long surveyId = repository.survey(pi.getBusinessKey()).orElseThrow().id();
    Assertions.assertThat(repository.plan(surveyId, "zhangwei").orElseThrow().reviewedBy()).isEqualTo("qianli");
    assertThat(pi).isWaitingAt(Element.FOLLOW_UP_DUE);
    execute(job());
    Task followUp = task(pi);
    assertThat(followUp).isAssignedTo("zhoumin");
    assertCandidates(followUp, "customer-service-center");
    completeAs("qianli", csc, followUp, Map.of(Var.FOLLOW_UP_PERIOD_FROM, "2024-07-01", Var.FOLLOW_UP_PERIOD_TO,
        "2024-09-30", Var.FOLLOW_UP_CSV, HEADER + "C10001,9,9,9,\n"));
    SatisfactionRepository.Survey next = repository.followUpOf(surveyId).orElseThrow();
    Assertions.assertThat(next.uploadedBy()).isEqualTo("zhoumin");
    Assertions.assertThat(next.requesterGroup()).isEqualTo("customer-service-center");
    Assertions.assertThat(next.scopeType() + "/" + next.scopeId()).isEqualTo("MANAGER/zhangwei");

    // a regional manager's cycle: only they (or an administrator) act; the next cycle is still theirs
    ProcessInstance east = request("wangfang", REGIONAL_EAST, "REGION", "EAST", "2024-10-01", "2024-12-31",
        HEADER + "C10001,8,9,7,\n");
    commit(east, "zhangwei", "分析", "措施", 80, future(30));
    Task eastReview = task(east);
    assertCandidates(eastReview);
    assertNotDone(eastReview, "qianli", csc, Map.of(Var.REVIEW_DECISION, "ACCEPT"));
    completeAs("wangfang", REGIONAL_EAST, eastReview, Map.of(Var.REVIEW_DECISION, "ACCEPT"));
    assertThat(east).isWaitingAt(Element.FOLLOW_UP_DUE);
    execute(job());
    completeAs("admin", List.of("camunda-admin"), task(east), Map.of(Var.FOLLOW_UP_PERIOD_FROM, "2025-01-01",
        Var.FOLLOW_UP_PERIOD_TO, "2025-01-31", Var.FOLLOW_UP_CSV, HEADER + "C10001,9,9,9,\n"));
    SatisfactionRepository.Survey eastNext = repository.followUpOf(repository.survey(east.getBusinessKey()).orElseThrow()
        .id()).orElseThrow();
    Assertions.assertThat(eastNext.uploadedBy()).isEqualTo("wangfang");
    Assertions.assertThat(eastNext.scopeType() + "/" + eastNext.scopeId()).isEqualTo("REGION/EAST");
    Assertions.assertThat(eastNext.requesterGroup()).isNull();
    Assertions.assertThat(eastNext.regionCode()).isEqualTo("EAST");
  }

  @Test
  void todayIsTheEngineClocksForThePeriodTheTargetDateAndTheTimeStamps() {
    // the engine clock stands on 1 March of this year (the evaluation year stays this year's)
    java.time.ZonedDateTime engineNow = LocalDate.now(ZoneId.of("Asia/Shanghai")).withDayOfYear(1).withMonth(3)
        .atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai"));
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(Date.from(engineNow.toInstant()));
    LocalDate today = engineNow.toLocalDate();
    assertStartRefused("zhoumin", CSC, "MANAGER", "zhangwei", today.minusDays(20).toString(), today.plusDays(1).toString(),
        HEADER + "C10001,8,9,7,\n", "在今天之後");
    ProcessInstance pi = request("zhoumin", CSC, "MANAGER", "zhangwei", today.minusDays(40).toString(),
        today.minusDays(10).toString(), HEADER + "C10001,8,9,7,\n");
    SatisfactionRepository.Survey survey = repository.survey(pi.getBusinessKey()).orElseThrow();
    Assertions.assertThat(survey.uploadedAt()).isEqualTo(engineNow.toInstant());
    assertRefused(task(pi), "zhangwei", commitment("分析", "措施", 80, today.toString()), "應在今天 " + today + " 之後");
    commit(pi, "zhangwei", "分析", "措施", 80, today.plusDays(30).toString());
    Assertions.assertThat(repository.plan(survey.id(), "zhangwei").orElseThrow().submittedAt())
        .isEqualTo(engineNow.toInstant());
    decide(pi, "zhoumin", CSC, "ACCEPT", null);
    Assertions.assertThat(repository.plan(survey.id(), "zhangwei").orElseThrow().reviewedAt())
        .isEqualTo(engineNow.toInstant());
  }

  @Test
  void aManagerWhoseIndexIsAlreadyOneHundredCommitsToKeepingIt() {
    ProcessInstance pi = request("zhoumin", CSC, "MANAGER", "zhangwei", "2024-01-01", "2024-03-31",
        HEADER + "C10001,10,10,10,\nC10002,10,10,10,\n");
    long surveyId = repository.survey(pi.getBusinessKey()).orElseThrow().id();
    Assertions.assertThat(repository.plan(surveyId, "zhangwei").orElseThrow().currentIndex()).isEqualByComparingTo("100");
    assertRefused(task(pi), "zhangwei", commitment("分析", "措施", 99, future(30)), "應高於目前的 100.00");
    assertRefused(task(pi), "zhangwei", commitment("分析", "措施", 100.01, future(30)), "不能超過 100");
    commit(pi, "zhangwei", "全部滿分", "保持每周拜訪", 100, future(30));
    assertThat(pi).isWaitingAt(Element.REVIEW);
    Assertions.assertThat(repository.plan(surveyId, "zhangwei").orElseThrow().targetIndex()).isEqualByComparingTo("100");
  }

  // ---------------------------------------------------------------- helpers

  private ProcessInstance request(String user, List<String> groups, String scopeType, String scopeId, String from,
                                  String to, String csv) {
    identityService.setAuthentication(user, groups);
    try {
      return runtimeService.startProcessInstanceByKey(SatisfactionImprovementProcess.PROCESS_KEY,
          start(scopeType, scopeId, from, to, csv));
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void assertStartRefused(String user, List<String> groups, String scopeType, String scopeId, String from,
                                  String to, String csv, String... messages) {
    Assertions.assertThatThrownBy(() -> request(user, groups, scopeType, scopeId, from, to, csv))
        .isInstanceOf(InvalidInput.class)
        .satisfies(e -> Assertions.assertThat(e.getMessage()).contains(messages));
  }

  private static Map<String, Object> start(String scopeType, String scopeId, String from, String to, String csv) {
    Map<String, Object> v = new HashMap<>();
    v.put(Var.SCOPE_TYPE, scopeType);
    v.put(Var.SCOPE_ID, scopeId);
    v.put(Var.PERIOD_FROM, from);
    v.put(Var.PERIOD_TO, to);
    v.put(Var.SURVEY_CSV, csv);
    return v;
  }

  private static Map<String, Object> withManager(Map<String, Object> variables, String managerId) {
    Map<String, Object> v = new HashMap<>(variables);
    v.put(Var.MANAGER_ID, managerId);
    return v;
  }

  private static Map<String, Object> commitment(String analysis, String measures, Object target, String date) {
    Map<String, Object> v = new HashMap<>();
    v.put(Var.ANALYSIS, analysis);
    v.put(Var.MEASURES, measures);
    v.put(Var.TARGET_INDEX, target);
    v.put(Var.TARGET_DATE, date);
    return v;
  }

  private void commit(ProcessInstance pi, String user, String analysis, String measures, Object target, String date) {
    completeAs(user, MANAGER, task(pi), commitment(analysis, measures, target, date));
  }

  private void decide(ProcessInstance pi, String user, List<String> groups, String decision, String comment) {
    Map<String, Object> v = new HashMap<>();
    v.put(Var.REVIEW_DECISION, decision);
    v.put(Var.REVIEW_COMMENT, comment);
    completeAs(user, groups, task(pi), v);
  }

  private void assertRefused(Task task, String user, Map<String, Object> variables, String message) {
    assertRefused(task, user, user.equals("zhoumin") ? CSC : MANAGER, variables, message);
  }

  private void assertRefused(Task task, String user, List<String> groups, Map<String, Object> variables,
                             String message) {
    Assertions.assertThatThrownBy(() -> completeAs(user, groups, task, variables))
        .isInstanceOf(InvalidInput.class).hasMessageContaining(message);
    Assertions.assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();
  }

  private void completeAs(String user, List<String> groups, Task task, Map<String, Object> variables) {
    identityService.setAuthentication(user, groups);
    try {
      taskService.complete(task.getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** The engine (no right on the task) or the step (not acting for the requester) refuses; the task stays. */
  private void assertNotDone(Task task, String user, List<String> groups, Map<String, Object> variables) {
    Assertions.assertThatThrownBy(() -> completeAs(user, groups, task, variables))
        .isInstanceOfAny(InvalidInput.class, org.camunda.bpm.engine.AuthorizationException.class);
    Assertions.assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();
  }

  private void assertCandidates(Task task, String... groups) {
    Assertions.assertThat(taskService.getIdentityLinksForTask(task.getId())).filteredOn(l -> "candidate".equals(l.getType()))
        .extracting(org.camunda.bpm.engine.task.IdentityLink::getGroupId).containsExactlyInAnyOrder(groups);
  }

  private Task task(ProcessInstance pi) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
  }

  private static String future(int days) {
    return LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(days).toString();
  }
}

package com.tobacco.cmw.complaint;

import static com.tobacco.cmw.complaint.QualityComplaintProcess.Element;
import static com.tobacco.cmw.complaint.QualityComplaintProcess.Var;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.support.ProcessTestBase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every path of {@code qualityComplaint} (§3.6, §4.6.1–§4.6.5) on the real application and
 * database: approval, rejection, the more-information loop, a suspected counterfeit, each
 * deadline's escalation fired by executing its timer; case numbers under concurrent starts; bad
 * input answered without writing anything. Rows created here are deleted after each test.
 */
class QualityComplaintProcessTest extends ProcessTestBase {

  static final List<String> MANAGER = List.of("customer-managers");
  static final List<String> REGIONAL_EAST = List.of("regional-managers", "regional-managers-east");

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired ComplaintCaseRepository cases;
  @Autowired ComplaintDeadlines deadlines;
  @Autowired CaseNumbers numbers;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;

  private final List<String> started = new ArrayList<>();
  private Integer counterBefore;
  private int year;

  @BeforeEach
  void setUp() {
    init(engine);
    identityService.clearAuthentication();
    year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
    counterBefore = counter(year);
  }

  @AfterEach
  void cleanUp() {
    identityService.clearAuthentication();
    for (String piId : started) {
      if (runtimeService.createProcessInstanceQuery().processInstanceId(piId).count() > 0) {
        runtimeService.deleteProcessInstance(piId, "test clean-up");
      }
    }
    jdbc.update("DELETE FROM cm_complaint_step WHERE case_no IN (SELECT case_no FROM cm_complaint_case WHERE manager_id = 'zhangwei' AND case_year = ?)", year);
    jdbc.update("DELETE FROM cm_complaint_escalation WHERE case_no IN (SELECT case_no FROM cm_complaint_case WHERE manager_id = 'zhangwei' AND case_year = ?)", year);
    jdbc.update("DELETE FROM cm_complaint_case WHERE manager_id = 'zhangwei' AND case_year = ?", year);
    if (counterBefore == null) {
      jdbc.update("DELETE FROM cm_complaint_number WHERE case_year = ?", year);
    } else {
      jdbc.update("UPDATE cm_complaint_number SET last_number = ? WHERE case_year = ?", counterBefore, year);
    }
    jdbc.update("DELETE FROM cm_complaint_number WHERE case_year = 2099");
  }

  // ---------------------------------------------------------------- paths

  @Test
  void anApprovedReplacementIsHandedOverConfirmedFedBackAndClosed() {
    ProcessInstance pi = start(customer(0), brand(), 10, "CARTON", "煙支有霉點");
    String caseNo = pi.getBusinessKey();
    Assertions.assertThat(caseNo).matches("ZL-" + year + "-\\d{5}");
    assertThat(pi).isWaitingAt(Element.INSPECT);
    assertThat(task(pi)).isAssignedTo("zhangwei").hasDueDate(deadlines.inspectionDue());
    Assertions.assertThat(cases.find(caseNo).orElseThrow().currentStep()).isEqualTo("INSPECTION");

    inspect(pi, true, "MANUFACTURING");
    sign(pi, "張老闆");
    assertThat(task(pi)).hasCandidateGroup("regional-managers-east").hasDueDate(deadlines.reviewDue());
    review(pi, Map.of(Var.REVIEW_DECISION, "APPROVED", Var.APPROVED_QUANTITY, 8, Var.REVIEW_COMMENT, "同意調換"));
    assertThat(pi).isWaitingAt(Element.REPLACE_GOODS);
    assertThat(task(pi)).isAssignedTo("zhangwei").hasDueDate(deadlines.replacementDue());
    completeAs("zhangwei", MANAGER, pi, Map.of(Var.REPLACED_QUANTITY, 8, Var.CUSTOMER_CONFIRMATION, "張老闆",
        Var.CUSTOMER_CONFIRMED, true));
    completeAs("zhangwei", MANAGER, pi, Map.of(Var.FEEDBACK_NOTE, "已調換 8 條並告知客戶"));
    execute(jobAt(pi, Element.CLOSE_CASE));

    assertThat(pi).hasPassedInOrder(Element.START, Element.OPEN_CASE, Element.INSPECT, Element.RECORD_INSPECTION,
        Element.FILL_FEEDBACK_FORM, Element.REVIEW, Element.REPLACE_GOODS, Element.FEED_BACK_RESULT,
        Element.END_HANDLING_DONE, Element.CLOSE_CASE, Element.END_CLOSED).isEnded();
    ComplaintCaseRepository.ComplaintCase c = cases.find(caseNo).orElseThrow();
    Assertions.assertThat(c.currentStep()).isEqualTo("CLOSED");
    Assertions.assertThat(c.result()).isEqualTo("REPLACED");
    Assertions.assertThat(c.approvedQuantity()).isEqualTo(8);
    Assertions.assertThat(c.replacedQuantity()).isEqualTo(8);
    Assertions.assertThat(c.customerConfirmation()).isEqualTo("張老闆");
    Assertions.assertThat(c.signerName()).isEqualTo("張老闆");
    Assertions.assertThat(c.reviewedBy()).isEqualTo("wangfang");
    Assertions.assertThat(c.inspectedBy()).isEqualTo("zhangwei");
    Assertions.assertThat(c.cause()).isEqualTo("MANUFACTURING");
    Assertions.assertThat(c.closedAt()).isNotNull();
    Assertions.assertThat(cases.steps(caseNo)).extracting(ComplaintCaseRepository.Step::step).containsExactly(
        "REPORTED", "INSPECTION", "FEEDBACK_FORM", "REVIEW", "REPLACEMENT", "FEEDBACK_TO_CUSTOMER", "CLOSED");
  }

  @Test
  void theFormsShowTheDeadlineInspectionAndReviewInWordsWithTheUnitReported() {
    ProcessInstance pi = start(customer(0), brand(), 10, "PACK", "煙支有霉點");
    Assertions.assertThat((String) taskService.getVariableLocal(task(pi).getId(), Var.DUE_TEXT))
        .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} 前");
    inspect(pi, false, "OTHER", "煙絲受潮");
    sign(pi, "張老闆");
    Assertions.assertThat(taskService.getVariablesLocal(task(pi).getId())).containsEntry(Var.INSPECTION_TEXT,
        "未確認質量問題,原因:其他;說明:煙絲受潮").containsKey(Var.DUE_TEXT);
    review(pi, Map.of(Var.REVIEW_DECISION, "APPROVED", Var.APPROVED_QUANTITY, 8, Var.REVIEW_COMMENT, "同意"));
    Assertions.assertThat(taskService.getVariablesLocal(task(pi).getId())).containsEntry(Var.APPROVED_QUANTITY_TEXT, "8 包")
        .containsEntry(Var.REVIEW_TEXT, "同意調換 8 包:同意");
    completeAs("zhangwei", MANAGER, pi, Map.of(Var.REPLACED_QUANTITY, 7, Var.CUSTOMER_CONFIRMATION, "張老闆",
        Var.CUSTOMER_CONFIRMED, true));
    Assertions.assertThat(taskService.getVariableLocal(task(pi).getId(), Var.REVIEW_TEXT))
        .isEqualTo("同意調換 8 包:同意;已調換 7 包,客戶確認人 張老闆");
  }

  @Test
  void aRejectedComplaintIsFedBackAndClosedWithoutReplacement() {
    ProcessInstance pi = start(customer(1), brand(), 5, "PACK", "包裝破損");
    inspect(pi, false, "RETAILER_STORAGE");
    sign(pi, "李店長");
    review(pi, Map.of(Var.REVIEW_DECISION, "REJECTED", Var.REVIEW_COMMENT, "零售戶保管不當,不予調換"));
    assertThat(pi).isWaitingAt(Element.FEED_BACK_RESULT);
    completeAs("zhangwei", MANAGER, pi, Map.of(Var.FEEDBACK_NOTE, "已向客戶說明不予調換的原因"));
    execute(jobAt(pi, Element.CLOSE_CASE));
    assertThat(pi).hasPassed(Element.END_CLOSED).hasNotPassed(Element.REPLACE_GOODS).isEnded();
    ComplaintCaseRepository.ComplaintCase c = cases.find(pi.getBusinessKey()).orElseThrow();
    Assertions.assertThat(c.result()).isEqualTo("REJECTED");
    Assertions.assertThat(c.reviewComment()).contains("保管不當");
    Assertions.assertThat(c.replacedAt()).isNull();
  }

  @Test
  void moreInformationGoesBackToTheCustomerManagerAndThenToReviewAgain() {
    ProcessInstance pi = start(customer(2), brand(), 3, "CARTON", "煙味異常");
    inspect(pi, true, "OTHER", "煙絲受潮");
    sign(pi, "王女士");
    review(pi, Map.of(Var.REVIEW_DECISION, "MORE_INFO", Var.REVIEW_COMMENT, "請補充批號"));
    assertThat(pi).isWaitingAt(Element.PROVIDE_MORE_INFO);
    assertThat(task(pi)).isAssignedTo("zhangwei");
    Assertions.assertThat(cases.find(pi.getBusinessKey()).orElseThrow().currentStep()).isEqualTo("MORE_INFO");
    completeAs("zhangwei", MANAGER, pi, Map.of(Var.MORE_INFORMATION, "批號 20261101"));
    assertThat(pi).isWaitingAt(Element.REVIEW);
    // the review starts blank and shows what was asked and answered
    Assertions.assertThat(runtimeService.getVariables(pi.getId())).doesNotContainKeys(Var.REVIEW_DECISION, Var.REVIEW_COMMENT);
    Assertions.assertThat(taskService.getVariableLocal(task(pi).getId(), Var.REVIEW_TEXT)).isEqualTo("需補充資料:請補充批號");
    review(pi, Map.of(Var.REVIEW_DECISION, "APPROVED", Var.APPROVED_QUANTITY, 3));
    completeAs("zhangwei", MANAGER, pi, Map.of(Var.REPLACED_QUANTITY, 3, Var.CUSTOMER_CONFIRMATION, "王女士",
        Var.CUSTOMER_CONFIRMED, true));
    completeAs("zhangwei", MANAGER, pi, Map.of(Var.FEEDBACK_NOTE, "已調換"));
    execute(jobAt(pi, Element.CLOSE_CASE));
    assertThat(pi).hasPassed(Element.RECORD_MORE_INFO).isEnded();
    // the question asked before is not taken as the comment of the approval that gave none
    Assertions.assertThat(cases.find(pi.getBusinessKey()).orElseThrow().reviewComment()).isNull();
    Assertions.assertThat(cases.steps(pi.getBusinessKey())).extracting(ComplaintCaseRepository.Step::step)
        .containsSubsequence("REVIEW", "MORE_INFO", "REVIEW", "REPLACEMENT");
  }

  @Test
  void aSuspectedCounterfeitIsReferredToTheMonopolyDepartmentAndTheCaseClosesOnItsFinding() {
    ProcessInstance pi = start(customer(3), brand(), 2, "CARTON", "包裝印刷模糊");
    inspect(pi, true, "SUSPECTED_COUNTERFEIT");
    assertThat(pi).isWaitingAt(Element.INVESTIGATE_COUNTERFEIT, Element.FILL_FEEDBACK_FORM);
    Task investigate = taskAt(pi, Element.INVESTIGATE_COUNTERFEIT);
    assertThat(investigate).hasCandidateGroup("monopoly-department");
    Assertions.assertThat(cases.find(pi.getBusinessKey()).orElseThrow().referredAt()).isNotNull();

    sign(pi, "趙先生");
    review(pi, Map.of(Var.REVIEW_DECISION, "REJECTED", Var.REVIEW_COMMENT, "疑似假冒,待專賣部門查處"));
    completeAs("zhangwei", MANAGER, pi, Map.of(Var.FEEDBACK_NOTE, "已告知客戶待查處"));
    // the case waits for the monopoly department's finding
    assertThat(pi).isWaitingAt(Element.INVESTIGATE_COUNTERFEIT);
    Assertions.assertThat(cases.find(pi.getBusinessKey()).orElseThrow().closedAt()).isNull();

    identityService.setAuthentication("zhaolei", List.of("monopoly-department"));
    try {
      taskService.complete(investigate.getId(), Map.of(Var.MONOPOLY_RESULT, "經鑑定為假冒卷煙,已立案"));
    } finally {
      identityService.clearAuthentication();
    }
    execute(jobAt(pi, Element.CLOSE_CASE));
    assertThat(pi).hasPassed(Element.RECORD_MONOPOLY_RESULT, Element.END_COUNTERFEIT_INVESTIGATED, Element.END_CLOSED)
        .isEnded();
    ComplaintCaseRepository.ComplaintCase c = cases.find(pi.getBusinessKey()).orElseThrow();
    Assertions.assertThat(c.monopolyResult()).contains("假冒");
    Assertions.assertThat(c.monopolyBy()).isEqualTo("zhaolei");
    Assertions.assertThat(c.closedAt()).isNotNull();
  }

  @Test
  void anOverdueInspectionIsEscalatedAndNoticedByCustomerService() {
    ProcessInstance pi = start(customer(4), brand(), 1, "CARTON", "過期");
    Job timer = jobAt(pi, Element.INSPECTION_OVERDUE);
    Assertions.assertThat(timer.getDuedate()).isEqualTo(deadlines.inspectionDue());
    execute(timer);
    execute(jobAt(pi, Element.RECORD_INSPECTION_ESCALATION));
    assertThat(pi).isWaitingAt(Element.INSPECT, Element.NOTICE_ESCALATION);
    assertThat(pi).hasPassed(Element.END_STEP_ESCALATED, Element.STEP_OVERDUE);
    Task notice = taskAt(pi, Element.NOTICE_ESCALATION);
    assertThat(notice).hasCandidateGroup("customer-service-managers");
    Assertions.assertThat((String) taskService.getVariableLocal(notice.getId(), Var.ESCALATION_SUMMARY)).contains("現場查看");

    String caseNo = pi.getBusinessKey();
    ComplaintCaseRepository.Escalation e = cases.escalations(caseNo).get(0);
    Assertions.assertThat(e.step()).isEqualTo("INSPECTION");
    Assertions.assertThat(e.notifiedGroup()).isEqualTo("customer-service-managers");
    Assertions.assertThat(e.dueAt()).isEqualTo(deadlines.inspectionDue().toInstant());

    Assertions.assertThatThrownBy(() -> taskService.complete(notice.getId(), Map.of(Var.NOTICE_COMMENT, " ")))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("督辦意見");
    identityService.setAuthentication("wuqiang", List.of("customer-service-managers"));
    try {
      taskService.complete(notice.getId(), Map.of(Var.NOTICE_COMMENT, "已催辦客戶經理今日查看"));
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(pi).hasPassed(Element.RECORD_ESCALATION_NOTICE, Element.END_ESCALATION_NOTICED).isWaitingAt(Element.INSPECT);
    ComplaintCaseRepository.Escalation noticed = cases.escalations(caseNo).get(0);
    Assertions.assertThat(noticed.noticedBy()).isEqualTo("wuqiang");
    Assertions.assertThat(noticed.noticeComment()).isEqualTo("已催辦客戶經理今日查看");
  }

  @Test
  void anOverdueReviewAndAnOverdueReplacementAreEscalated() {
    ProcessInstance pi = start(customer(5), brand(), 4, "CARTON", "斷支");
    inspect(pi, true, "TRANSPORT");
    sign(pi, "陳先生");
    Job reviewTimer = jobAt(pi, Element.REVIEW_OVERDUE);
    Assertions.assertThat(reviewTimer.getDuedate()).isEqualTo(deadlines.reviewDue());
    execute(reviewTimer);
    execute(jobAt(pi, Element.RECORD_REVIEW_ESCALATION));
    review(pi, Map.of(Var.REVIEW_DECISION, "APPROVED", Var.APPROVED_QUANTITY, 4));
    Job replacementTimer = jobAt(pi, Element.REPLACEMENT_OVERDUE);
    Assertions.assertThat(replacementTimer.getDuedate()).isEqualTo(deadlines.replacementDue());
    execute(replacementTimer);
    execute(jobAt(pi, Element.RECORD_REPLACEMENT_ESCALATION));
    assertThat(pi).hasPassed(Element.RECORD_REVIEW_ESCALATION, Element.RECORD_REPLACEMENT_ESCALATION);
    Assertions.assertThat(cases.escalations(pi.getBusinessKey())).extracting(ComplaintCaseRepository.Escalation::step)
        .containsExactly("REVIEW", "REPLACEMENT");
    Assertions.assertThat(taskService.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(Element.NOTICE_ESCALATION).count()).isEqualTo(2);
  }

  @Test
  void aCaseNotHandledWithinItsDeadlineIsEscalated() {
    ProcessInstance pi = start(customer(6), brand(), 6, "PACK", "濾嘴脫落");
    Job timer = jobAt(pi, Element.CASE_OVERDUE);
    Assertions.assertThat(timer.getDuedate()).isEqualTo(deadlines.caseDue());
    Assertions.assertThat(cases.find(pi.getBusinessKey()).orElseThrow().caseDueAt()).isEqualTo(deadlines.caseDue().toInstant());
    execute(timer);
    execute(jobAt(pi, Element.RECORD_CASE_ESCALATION));
    assertThat(pi).isWaitingAt(Element.INSPECT, Element.NOTICE_ESCALATION);
    Assertions.assertThat(cases.escalations(pi.getBusinessKey())).singleElement()
        .satisfies(e -> Assertions.assertThat(e.step()).isEqualTo("CASE"));
  }

  // ---------------------------------------------------------------- case numbers

  @Test
  void theFirstNumbersOfANewYearAreRaceFreeToo() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      List<Callable<String>> takes = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        takes.add(() -> transactions.execute(status -> {
          String text = numbers.next(2099).text();
          try {
            Thread.sleep(20); // hold the lock a little, as a real start does
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return text;
        }));
      }
      List<String> taken = new ArrayList<>();
      for (Future<String> f : pool.invokeAll(takes)) {
        taken.add(f.get());
      }
      Assertions.assertThat(taken).containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, 20)
          .mapToObj(i -> String.format("ZL-2099-%05d", i)).toList());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRefusedStartGivesItsNumberBack() {
    ProcessInstance first = start(customer(8), brand(), 1, "CARTON", "一");
    Assertions.assertThatThrownBy(() -> start(customer(8), "NOPE", 1, "CARTON", "二")).isInstanceOf(InvalidInput.class);
    ProcessInstance second = start(customer(8), brand(), 1, "CARTON", "三");
    Assertions.assertThat(Integer.parseInt(second.getBusinessKey().substring(8)))
        .isEqualTo(Integer.parseInt(first.getBusinessKey().substring(8)) + 1);
  }

  @Test
  void aStartRolledBackAfterItsNumberWasTakenGivesTheNumberBack() {
    String customer = customer(8);
    Integer before = counter(year);
    transactions.executeWithoutResult(status -> {
      ProcessInstance pi = start(customer, brand(), 1, "CARTON", "回滾");
      Assertions.assertThat(pi.getBusinessKey()).isEqualTo(String.format("ZL-%d-%05d", year, before == null ? 1 : before + 1));
      status.setRollbackOnly();
    });
    Assertions.assertThat(counter(year)).isEqualTo(before);
    ProcessInstance next = start(customer, brand(), 1, "CARTON", "再登記");
    Assertions.assertThat(next.getBusinessKey()).isEqualTo(String.format("ZL-%d-%05d", year, before == null ? 1 : before + 1));
  }

  // ---------------------------------------------------------------- bad input

  @Test
  void badStartsAreAnsweredClearlyAndChangeNothing() {
    long instances = runtimeService.createProcessInstanceQuery().processDefinitionKey(QualityComplaintProcess.PROCESS_KEY).count();
    long rows = caseRows();
    String customer = customer(9);
    assertStartRefused(customer, brand(), 0, "CARTON", "x", "應大於 0");
    assertStartRefused(customer, brand(), -3, "CARTON", "x", "應大於 0");
    assertStartRefused(customer, "B999", 2, "CARTON", "x", "品牌「B999」不在品牌目錄中");
    assertStartRefused(customer, brand(), 2, "BOX", "x", "數量單位");
    assertStartRefused(customer, brand(), 2, "CARTON", " ", "客戶反映的質量問題");
    assertStartRefused("C99999", brand(), 2, "CARTON", "x", "不存在");
    String lina = jdbc.queryForObject("SELECT MIN(customer_code) FROM cm_customer WHERE manager_id = 'lina' AND status = 'ACTIVE'",
        String.class);
    assertStartRefused(lina, brand(), 2, "CARTON", "x", "不是您負責的客戶");
    Assertions.assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(QualityComplaintProcess.PROCESS_KEY)
        .count()).isEqualTo(instances);
    Assertions.assertThat(caseRows()).isEqualTo(rows);
    Assertions.assertThat(counter(year)).isEqualTo(counterBefore);
    Assertions.assertThat(runtimeService.createIncidentQuery().count()).isZero();
  }

  @Test
  void badTaskInputKeepsTheTaskOpenAndWritesNothing() {
    ProcessInstance pi = start(customer(10), brand(), 5, "CARTON", "受潮");
    assertRefused(pi, "zhangwei", MANAGER, Map.of(Var.DEFECT_CONFIRMED, true, Var.CAUSE, "WEATHER"), "不在可選範圍內");
    assertRefused(pi, "zhangwei", MANAGER, Map.of(Var.DEFECT_CONFIRMED, true, Var.CAUSE, "OTHER"), "查看說明");
    inspect(pi, true, "MANUFACTURING");
    String caseNo = pi.getBusinessKey();
    assertRefused(pi, "zhangwei", MANAGER, Map.of(Var.SIGNER_NAME, "", Var.CUSTOMER_SIGNED, true), "客戶簽字");
    assertRefused(pi, "zhangwei", MANAGER, Map.of(Var.SIGNER_NAME, "張三", Var.CUSTOMER_SIGNED, false), "簽字確認");
    Assertions.assertThat(cases.find(caseNo).orElseThrow().signerName()).isNull();
    sign(pi, "張三");
    assertRefused(pi, "wangfang", REGIONAL_EAST, Map.of(Var.REVIEW_DECISION, "APPROVED", Var.APPROVED_QUANTITY, 6),
        "不能超過客戶反映的數量 5");
    assertRefused(pi, "wangfang", REGIONAL_EAST, Map.of(Var.REVIEW_DECISION, "APPROVED", Var.APPROVED_QUANTITY, 0),
        "應大於 0");
    assertRefused(pi, "wangfang", REGIONAL_EAST, Map.of(Var.REVIEW_DECISION, "REJECTED"), "不同意的理由");
    Assertions.assertThat(cases.find(caseNo).orElseThrow().reviewDecision()).isNull();
    review(pi, Map.of(Var.REVIEW_DECISION, "APPROVED", Var.APPROVED_QUANTITY, 4));
    assertRefused(pi, "zhangwei", MANAGER, Map.of(Var.REPLACED_QUANTITY, 5, Var.CUSTOMER_CONFIRMATION, "張三",
        Var.CUSTOMER_CONFIRMED, true), "不能超過區域市場經理同意的 4");
    assertRefused(pi, "zhangwei", MANAGER, Map.of(Var.REPLACED_QUANTITY, 4, Var.CUSTOMER_CONFIRMATION, "張三",
        Var.CUSTOMER_CONFIRMED, false), "客戶確認");
    // an approved quantity set by the customer manager as a variable changes nothing: the case decides
    assertRefused(pi, "zhangwei", MANAGER, Map.of(Var.REPLACED_QUANTITY, 5, Var.APPROVED_QUANTITY, 5,
        Var.CUSTOMER_CONFIRMATION, "張三", Var.CUSTOMER_CONFIRMED, true), "不能超過區域市場經理同意的 4");
    Assertions.assertThat(cases.find(caseNo).orElseThrow().replacedAt()).isNull();
    assertThat(pi).isWaitingAt(Element.REPLACE_GOODS);
    Assertions.assertThat(runtimeService.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  // ---------------------------------------------------------------- helpers

  private ProcessInstance start(String customer, String brand, Object quantity, String unit, String defect) {
    Map<String, Object> v = new HashMap<>();
    v.put(Var.CUSTOMER_CODE, customer);
    v.put(Var.BRAND_CODE, brand);
    v.put(Var.QUANTITY, quantity);
    v.put(Var.QUANTITY_UNIT, unit);
    v.put(Var.DEFECT_DESCRIPTION, defect);
    identityService.setAuthentication("zhangwei", MANAGER);
    try {
      ProcessInstance pi = runtimeService.startProcessInstanceByKey(QualityComplaintProcess.PROCESS_KEY, v);
      synchronized (started) {
        started.add(pi.getId());
      }
      return pi;
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void assertStartRefused(String customer, String brand, Object quantity, String unit, String defect, String message) {
    Assertions.assertThatThrownBy(() -> start(customer, brand, quantity, unit, defect))
        .isInstanceOf(InvalidInput.class).hasMessageContaining(message);
  }

  private void inspect(ProcessInstance pi, boolean confirmed, String cause) {
    inspect(pi, confirmed, cause, "現場查看");
  }

  private void inspect(ProcessInstance pi, boolean confirmed, String cause, String notes) {
    completeAs("zhangwei", MANAGER, taskAt(pi, Element.INSPECT),
        Map.of(Var.DEFECT_CONFIRMED, confirmed, Var.CAUSE, cause, Var.INSPECTION_NOTES, notes));
  }

  private void sign(ProcessInstance pi, String signer) {
    completeAs("zhangwei", MANAGER, taskAt(pi, Element.FILL_FEEDBACK_FORM),
        Map.of(Var.SIGNER_NAME, signer, Var.CUSTOMER_SIGNED, true));
    assertThat(pi).isWaitingAt(Element.REVIEW);
  }

  private void review(ProcessInstance pi, Map<String, Object> decision) {
    completeAs("wangfang", REGIONAL_EAST, taskAt(pi, Element.REVIEW), decision);
  }

  private void completeAs(String user, List<String> groups, ProcessInstance pi, Map<String, Object> variables) {
    completeAs(user, groups, task(pi), variables);
  }

  private void completeAs(String user, List<String> groups, Task task, Map<String, Object> variables) {
    identityService.setAuthentication(user, groups);
    try {
      taskService.complete(task.getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void assertRefused(ProcessInstance pi, String user, List<String> groups, Map<String, Object> variables,
                             String message) {
    Task task = task(pi);
    Assertions.assertThatThrownBy(() -> completeAs(user, groups, task, variables))
        .isInstanceOf(InvalidInput.class).hasMessageContaining(message);
    Assertions.assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();
  }

  /** The one open task of the case's main line (escalation notices aside). */
  private Task task(ProcessInstance pi) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).list().stream()
        .filter(t -> !t.getTaskDefinitionKey().equals(Element.NOTICE_ESCALATION)
            && !t.getTaskDefinitionKey().equals(Element.INVESTIGATE_COUNTERFEIT))
        .reduce((a, b) -> {
          throw new IllegalStateException("more than one open task");
        }).orElseThrow();
  }

  private Task taskAt(ProcessInstance pi, String key) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
  }

  private Job jobAt(ProcessInstance pi, String activityId) {
    JobDefinition definition = managementService.createJobDefinitionQuery()
        .processDefinitionId(pi.getProcessDefinitionId()).activityIdIn(activityId).singleResult();
    return managementService.createJobQuery().processInstanceId(pi.getId()).jobDefinitionId(definition.getId())
        .singleResult();
  }

  private String customer(int n) {
    return jdbc.queryForList("SELECT customer_code FROM cm_customer WHERE manager_id = 'zhangwei' AND status = 'ACTIVE' "
        + "ORDER BY customer_code", String.class).get(n);
  }

  private String brand() {
    return jdbc.queryForObject("SELECT MIN(brand_code) FROM cm_brand", String.class);
  }

  private Integer counter(int y) {
    return jdbc.queryForList("SELECT last_number FROM cm_complaint_number WHERE case_year = ?", Integer.class, y)
        .stream().findFirst().orElse(null);
  }

  private long caseRows() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM cm_complaint_case", Long.class);
  }
}

package com.tobacco.cmw.exit;

import static com.tobacco.cmw.exit.NetworkExitProcess.Element;
import static com.tobacco.cmw.exit.NetworkExitProcess.Var;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.tobacco.cmw.customer.CustomerRepository;
import com.tobacco.cmw.customer.CustomerStatus;
import com.tobacco.cmw.customer.ExitReason;
import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.support.ProcessTestBase;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of {@code networkExit} (§3.3, §4.3) on the real application and database: approval
 * without and with confirmed-schedule changes, rejection, return to verification; bad input at
 * start and in the forms answered without writing anything. The customers are made for each test
 * and removed afterwards.
 */
class NetworkExitProcessTest extends ProcessTestBase {

  static final List<String> MANAGER = List.of("customer-managers");
  static final List<String> REGIONAL_EAST = List.of("regional-managers", "regional-managers-east");

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired CustomerRepository customers;
  @Autowired NetworkExitRepository exits;
  @Autowired JdbcTemplate jdbc;

  ExitFixture fixture;
  LocalDate today;

  @BeforeEach
  void setUp() {
    init(engine);
    identityService.clearAuthentication();
    fixture = new ExitFixture(jdbc, customers, runtimeService);
    today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
  }

  @AfterEach
  void cleanUp() {
    identityService.clearAuthentication();
    fixture.cleanUp();
  }

  @Test
  void anApprovedExitMakesTheCustomerExitedWithDateAndReasonAndRecordsTheChange() {
    String code = fixture.customer("zhangwei", "EAST", today.plusYears(2));
    ProcessInstance pi = start("zhangwei", MANAGER, code, "STORE_CLOSED", null, today.minusDays(3).toString());
    Assertions.assertThat(pi.getBusinessKey()).isEqualTo(code);
    assertThat(pi).isWaitingAt(Element.VERIFY).variables().containsEntry(Var.CUSTOMER_CODE, code);
    assertThat(task(pi)).isAssignedTo("zhangwei");
    Assertions.assertThat((String) runtimeService.getVariable(pi.getId(), Var.OUTSTANDING_TEXT)).contains("沒有");

    completeAs("zhangwei", MANAGER, pi, Map.of(Var.ALL_SETTLED, true));
    assertThat(pi).isWaitingAt(Element.APPROVE);
    assertThat(task(pi)).hasCandidateGroup("regional-managers-east");
    completeAs("wangfang", REGIONAL_EAST, pi, Map.of(Var.DECISION, "APPROVED", Var.DECISION_REASON, "已歇業"));
    Assertions.assertThat(exits.ofProcessInstance(pi.getId()).status()).isEqualTo(NetworkExitRepository.Status.APPROVED);
    execute(jobAt(pi, Element.COMPLETE_EXIT));

    assertThat(pi).hasPassedInOrder(Element.START, Element.OPEN, Element.VERIFY, Element.RECORD_VERIFICATION,
        Element.APPROVE, Element.RECORD_DECISION, Element.COMPLETE_EXIT, Element.END_EXITED).isEnded();
    var customer = customers.find(code).orElseThrow();
    Assertions.assertThat(customer.status()).isEqualTo(CustomerStatus.EXITED);
    Assertions.assertThat(customer.exitDate()).isEqualTo(today.minusDays(3));
    Assertions.assertThat(customer.exitReason()).isEqualTo(ExitReason.STORE_CLOSED);
    var exit = exits.ofProcessInstance(pi.getId());
    Assertions.assertThat(exit.status()).isEqualTo(NetworkExitRepository.Status.EXITED);
    Assertions.assertThat(exit.decidedBy()).isEqualTo("wangfang");
    Assertions.assertThat(exit.verifiedBy()).isEqualTo("zhangwei");
    Assertions.assertThat(customers.changeHistory(code)).extracting(CustomerRepository.Change::fieldName)
        .containsExactly("status", "exit_date", "exit_reason");
    Assertions.assertThat(customers.changeHistory(code)).allSatisfy(c -> {
      Assertions.assertThat(c.processKey()).isEqualTo("networkExit");
      Assertions.assertThat(c.processInstanceId()).isEqualTo(pi.getId());
      Assertions.assertThat(c.changedBy()).isEqualTo("wangfang");
    });
    // an exited customer cannot exit again
    assertStartRefused("zhangwei", MANAGER, code, "VOLUNTARY", null, "已退網");
  }

  @Test
  void anExitCancelsTheVisitsOfAConfirmedScheduleAndTellsTheRegionalManagers() {
    String code = fixture.customer("zhangwei", "EAST", today.plusYears(2));
    LocalDate confirmedWeek = today.plusDays(700);
    long confirmed = fixture.schedule("zhangwei", "EAST", confirmedWeek, "CONFIRMED", code, confirmedWeek.plusDays(2));
    long draft = fixture.schedule("zhangwei", "EAST", confirmedWeek.plusDays(7), "DRAFT", code, confirmedWeek.plusDays(9));
    ProcessInstance pi = start("zhangwei", MANAGER, code, "VOLUNTARY", null, null);
    String outstanding = (String) runtimeService.getVariable(pi.getId(), Var.OUTSTANDING_TEXT);
    Assertions.assertThat(outstanding).contains("2 項").contains("RC-TEST-" + confirmedWeek).contains("(已確認)").contains("(草稿)");
    Assertions.assertThat(exits.ofProcessInstance(pi.getId()).outstandingSnapshot()).isEqualTo(outstanding);

    // something is outstanding: the notes are required, the task stays
    assertRefused(pi, "zhangwei", MANAGER, Map.of(Var.ALL_SETTLED, true), "核實說明");
    // a count sent with the completion (engine REST) does not waive the notes
    assertRefused(pi, "zhangwei", MANAGER, Map.of(Var.ALL_SETTLED, true, Var.OUTSTANDING_COUNT, 0), "核實說明");
    assertRefused(pi, "zhangwei", MANAGER, Map.of(Var.ALL_SETTLED, false, Var.VERIFICATION_NOTES, "x"), "請確認");
    completeAs("zhangwei", MANAGER, pi, Map.of(Var.ALL_SETTLED, true, Var.VERIFICATION_NOTES, "訪問隨退網取消"));
    completeAs("wangfang", REGIONAL_EAST, pi, Map.of(Var.DECISION, "APPROVED"));
    execute(jobAt(pi, Element.COMPLETE_EXIT));

    assertThat(pi).isWaitingAt(Element.NOTE_SCHEDULE_CHANGE);
    assertThat(task(pi)).hasCandidateGroup("regional-managers-east").hasName("已確認日程因客戶退網取消訪問：" + code);
    Assertions.assertThat((String) runtimeService.getVariable(pi.getId(), Var.SCHEDULE_CHANGE_TEXT))
        .contains("RC-TEST-" + confirmedWeek).contains(confirmedWeek.plusDays(2).toString());
    Assertions.assertThat(fixture.itemStatus(confirmed, code)).isEqualTo("SKIPPED");
    Assertions.assertThat(fixture.itemStatus(draft, code)).isEqualTo("REMOVED");
    long exitId = exits.ofProcessInstance(pi.getId()).id();
    Assertions.assertThat(exits.scheduleChanges(exitId)).singleElement()
        .satisfies(c -> Assertions.assertThat(c.visitDate()).isEqualTo(confirmedWeek.plusDays(2)));

    completeAs("wangfang", REGIONAL_EAST, pi, Map.of());
    assertThat(pi).hasPassed(Element.END_SCHEDULE_CHANGE_NOTED).isEnded();
    Assertions.assertThat(jdbc.queryForObject("SELECT noted_by FROM cm_network_exit_schedule_change WHERE exit_id = ?",
        String.class, exitId)).isEqualTo("wangfang");
  }

  @Test
  void aRejectedExitLeavesTheCustomerAsItIsAndTellsTheApplicant() {
    String code = fixture.customer("zhangwei", "EAST", today.plusYears(2));
    ProcessInstance pi = start("wangfang", REGIONAL_EAST, code, "OTHER", "店主長期聯繫不上", null);
    completeAs("zhangwei", MANAGER, pi, Map.of(Var.ALL_SETTLED, true));
    assertRefused(pi, "wangfang", REGIONAL_EAST, Map.of(Var.DECISION, "REJECTED"), "不同意的理由");
    assertRefused(pi, "wangfang", REGIONAL_EAST, Map.of(Var.DECISION, "MAYBE"), "審批結果只能是");
    completeAs("wangfang", REGIONAL_EAST, pi, Map.of(Var.DECISION, "REJECTED", Var.DECISION_REASON, "店主已恢復聯繫"));

    assertThat(pi).isWaitingAt(Element.NOTE_REJECTION);
    assertThat(task(pi)).isAssignedTo("wangfang");
    Assertions.assertThat(customers.find(code).orElseThrow().status()).isEqualTo(CustomerStatus.ACTIVE);
    Assertions.assertThat(exits.running(code)).isEmpty();
    Assertions.assertThat(exits.ofProcessInstance(pi.getId()).status()).isEqualTo(NetworkExitRepository.Status.REJECTED);
    completeAs("wangfang", REGIONAL_EAST, pi, Map.of());
    assertThat(pi).hasPassed(Element.END_REJECTED).isEnded();
    Assertions.assertThat(customers.changeHistory(code)).isEmpty();
  }

  @Test
  void aReturnedApplicationIsVerifiedAgainWithTheReason() {
    String code = fixture.customer("zhangwei", "EAST", today.plusYears(2));
    ProcessInstance pi = start("zhangwei", MANAGER, code, "LICENCE_CANCELLED", null, null);
    completeAs("zhangwei", MANAGER, pi, Map.of(Var.ALL_SETTLED, true));
    assertRefused(pi, "wangfang", REGIONAL_EAST, Map.of(Var.DECISION, "RETURNED"), "退回的理由");
    completeAs("wangfang", REGIONAL_EAST, pi, Map.of(Var.DECISION, "RETURNED", Var.DECISION_REASON, "請附註銷證明"));
    assertThat(pi).isWaitingAt(Element.VERIFY);
    assertThat(task(pi)).isAssignedTo("zhangwei");
    Assertions.assertThat(exits.ofProcessInstance(pi.getId()).status()).isEqualTo(NetworkExitRepository.Status.VERIFYING);
    Assertions.assertThat(runtimeService.getVariable(pi.getId(), Var.DECISION_REASON)).isEqualTo("請附註銷證明");
    completeAs("zhangwei", MANAGER, pi, Map.of(Var.ALL_SETTLED, true, Var.VERIFICATION_NOTES, "已補註銷證明"));
    completeAs("wangfang", REGIONAL_EAST, pi, Map.of(Var.DECISION, "APPROVED"));
    execute(jobAt(pi, Element.COMPLETE_EXIT));
    assertThat(pi).hasPassed(Element.TO_VERIFY, Element.END_EXITED).isEnded();
    Assertions.assertThat(customers.find(code).orElseThrow().exitReason()).isEqualTo(ExitReason.LICENCE_CANCELLED);
    Assertions.assertThat(customers.find(code).orElseThrow().exitDate()).isEqualTo(today);
  }

  @Test
  void aRegionalManagerApprovesTheExitTheyAppliedForAfterTheManagersVerification() {
    String code = fixture.customer("zhangwei", "EAST", today.plusYears(2));
    ProcessInstance pi = start("wangfang", REGIONAL_EAST, code, "STORE_CLOSED", null, null);
    assertThat(task(pi)).isAssignedTo("zhangwei");
    completeAs("zhangwei", MANAGER, pi, Map.of(Var.ALL_SETTLED, true));
    completeAs("wangfang", REGIONAL_EAST, pi, Map.of(Var.DECISION, "APPROVED"));
    execute(jobAt(pi, Element.COMPLETE_EXIT));
    assertThat(pi).hasPassed(Element.END_EXITED).isEnded();
    var exit = exits.ofProcessInstance(pi.getId());
    Assertions.assertThat(exit.status()).isEqualTo(NetworkExitRepository.Status.EXITED);
    Assertions.assertThat(exit.requestedBy()).isEqualTo("wangfang");
    Assertions.assertThat(exit.decidedBy()).isEqualTo("wangfang");
    Assertions.assertThat(exit.decisionReason()).isEqualTo(RecordExitDecisionDelegate.OWN_APPLICATION);
    Assertions.assertThat(customers.find(code).orElseThrow().status()).isEqualTo(CustomerStatus.EXITED);
  }

  @Test
  void aManagerOrRegionChangeWhileTheExitRunsSendsItsLaterTasksToTheCustomersCurrentParties() {
    String code = fixture.customer("zhangwei", "EAST", today.plusYears(2));
    ProcessInstance pi = start("zhangwei", MANAGER, code, "VOLUNTARY", null, null);
    completeAs("zhangwei", MANAGER, pi, Map.of(Var.ALL_SETTLED, true));
    // the customer moves to lina in WEST while the approval waits
    jdbc.update("UPDATE cm_customer SET manager_id = 'lina', region_code = 'WEST' WHERE customer_code = ?", code);
    completeAs("wangfang", REGIONAL_EAST, pi, Map.of(Var.DECISION, "RETURNED", Var.DECISION_REASON, "請補充說明"));
    assertThat(pi).isWaitingAt(Element.VERIFY);
    assertThat(task(pi)).isAssignedTo("lina");
    completeAs("lina", MANAGER, pi, Map.of(Var.ALL_SETTLED, true));
    assertThat(pi).isWaitingAt(Element.APPROVE);
    assertThat(task(pi)).hasCandidateGroup("regional-managers-west");
    Assertions.assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup(
        "regional-managers-east").count()).isZero();
  }

  @Test
  void badStartsAreAnsweredAndWriteNothing() {
    String mine = fixture.customer("zhangwei", "EAST", today.plusYears(2));
    String exited = fixture.customer("zhangwei", "EAST", today.plusYears(2), CustomerStatus.EXITED);
    String west = fixture.customer("lina", "WEST", today.plusYears(2));
    assertStartRefused("zhangwei", MANAGER, mine, "OTHER", null, "說明");
    assertStartRefused("zhangwei", MANAGER, mine, "BORED", null, "退網原因不在可選範圍內");
    assertStartRefused("zhangwei", MANAGER, mine, null, null, "請填寫「退網原因」");
    assertStartRefused("zhangwei", MANAGER, mine, "VOLUNTARY", null, "退網日期", today.plusDays(1).toString());
    assertStartRefused("zhangwei", MANAGER, mine, "VOLUNTARY", null, "退網日期", today.minusDays(91).toString());
    assertStartRefused("zhangwei", MANAGER, exited, "VOLUNTARY", null, "已退網");
    assertStartRefused("zhangwei", MANAGER, west, "VOLUNTARY", null, "不在您負責的範圍內");
    assertStartRefused("wangfang", REGIONAL_EAST, west, "VOLUNTARY", null, "不在您負責的範圍內");
    assertStartRefused("zhangwei", MANAGER, "CX-NONE", "VOLUNTARY", null, "不存在");
    // neither customer manager nor regional manager (an administrator in Tasklist): a 400 with the reason, not a 500
    assertStartRefused("admin", List.of("camunda-admin"), mine, "VOLUNTARY", null, "只有客戶經理或區域市場經理可以申請退網");
    Assertions.assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cm_network_exit WHERE customer_code IN (?,?,?)",
        Integer.class, mine, exited, west)).isZero();

    ProcessInstance first = start("zhangwei", MANAGER, mine, "VOLUNTARY", null, null);
    assertStartRefused("wangfang", REGIONAL_EAST, mine, "STORE_CLOSED", null, "客戶 " + mine + " 已有進行中的退網申請");
    Assertions.assertThat(exits.ofCustomer(mine)).singleElement()
        .satisfies(e -> Assertions.assertThat(e.processInstanceId()).isEqualTo(first.getId()));
  }

  // ---------------------------------------------------------------- helpers

  private ProcessInstance start(String user, List<String> groups, String code, String reason, String explanation,
                                String effectiveDate) {
    Map<String, Object> v = new HashMap<>();
    v.put(Var.CUSTOMER_CODE, code);
    v.put(Var.REASON, reason);
    v.put(Var.EXPLANATION, explanation);
    v.put(Var.EFFECTIVE_DATE, effectiveDate);
    identityService.setAuthentication(user, groups);
    try {
      return runtimeService.startProcessInstanceByKey(NetworkExitProcess.PROCESS_KEY, v);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void assertStartRefused(String user, List<String> groups, String code, String reason, String explanation,
                                  String message) {
    assertStartRefused(user, groups, code, reason, explanation, message, null);
  }

  private void assertStartRefused(String user, List<String> groups, String code, String reason, String explanation,
                                  String message, String effectiveDate) {
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(NetworkExitProcess.PROCESS_KEY).count();
    Assertions.assertThatThrownBy(() -> start(user, groups, code, reason, explanation, effectiveDate))
        .isInstanceOf(InvalidInput.class).hasMessageContaining(message);
    Assertions.assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(NetworkExitProcess.PROCESS_KEY)
        .count()).isEqualTo(before);
  }

  private void completeAs(String user, List<String> groups, ProcessInstance pi, Map<String, Object> variables) {
    Task task = task(pi);
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
    Assertions.assertThatThrownBy(() -> completeAs(user, groups, pi, variables)).isInstanceOf(InvalidInput.class)
        .hasMessageContaining(message);
    Assertions.assertThat(task(pi).getId()).isEqualTo(task.getId());
  }

  private Task task(ProcessInstance pi) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
  }

  private Job jobAt(ProcessInstance pi, String activityId) {
    return managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
  }
}

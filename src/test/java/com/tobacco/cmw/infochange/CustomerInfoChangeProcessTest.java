package com.tobacco.cmw.infochange;

import static com.tobacco.cmw.infochange.CustomerInfoChangeProcess.Element;
import static com.tobacco.cmw.infochange.CustomerInfoChangeProcess.Var;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.tobacco.cmw.calendar.WorkCalendar;
import com.tobacco.cmw.customer.Customer;
import com.tobacco.cmw.customer.CustomerRepository;
import com.tobacco.cmw.customer.LicenceRenewed;
import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.support.ProcessTestBase;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import com.tobacco.cmw.security.CurrentUser;
import com.tobacco.cmw.security.Grants;
import com.tobacco.cmw.security.ProcessAccess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.AfterEach;
import org.mockito.Mockito;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Every path of {@code customerInfoChange} (§3.5) on the real application and database: contact
 * data applied at once, an approved grade change, a rejection, an approval refused because the
 * customer changed meanwhile, a regional manager's own request, a region and manager change;
 * bad input refused with its message and nothing written; the licence-renewal event exactly when
 * the expiry moves later. Customers are put back and rows deleted after each test.
 */
@RecordApplicationEvents
class CustomerInfoChangeProcessTest extends ProcessTestBase {

  static final List<String> MANAGER = List.of("customer-managers");
  static final List<String> REGIONAL_EAST = List.of("regional-managers", "regional-managers-east");

  @Autowired ProcessEngine engine;
  @Autowired org.camunda.bpm.engine.HistoryService historyService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired CustomerRepository customers;
  @Autowired ChangeRequestRepository requests;
  @Autowired WorkCalendar calendar;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationEvents events;

  private InfoChangeFixture fixture;

  @BeforeEach
  void setUp() {
    init(engine);
    identityService.clearAuthentication();
    fixture = new InfoChangeFixture(jdbc, customers, runtimeService);
  }

  @AfterEach
  void cleanUp() {
    identityService.clearAuthentication();
    fixture.cleanUp();
  }

  // ---------------------------------------------------------------- paths

  @Test
  void contactPhoneAndAddressApplyAtOnceAndAreAudited() {
    Customer c = fixture.active("zhangwei", 0);
    ProcessInstance pi = start("zhangwei", MANAGER, Map.of(Var.CUSTOMER_CODE, c.customerCode(),
        Var.NEW_CONTACT_NAME, "王小明", Var.NEW_PHONE, "139 1234 5678", Var.NEW_ADDRESS, "東區中山路 88 號",
        Var.CHANGE_REASON, "店主更換聯繫方式"));

    assertThat(pi).hasPassedInOrder(Element.START, Element.OPEN_REQUEST, Element.NEEDS_APPROVAL,
        Element.END_APPLIED_AT_ONCE).isEnded();
    Assertions.assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
        .getBusinessKey()).isEqualTo(c.customerCode());
    Customer now = fixture.now(c.customerCode());
    Assertions.assertThat(now.contactName()).isEqualTo("王小明");
    Assertions.assertThat(now.phone()).isEqualTo("13912345678");
    Assertions.assertThat(now.address()).isEqualTo("東區中山路 88 號");
    List<CustomerRepository.Change> lines = customers.changeHistory(c.customerCode()).stream()
        .filter(l -> pi.getId().equals(l.processInstanceId())).toList();
    Assertions.assertThat(lines).extracting(CustomerRepository.Change::fieldName)
        .containsExactlyInAnyOrder("contact_name", "phone", "address");
    Assertions.assertThat(lines).allSatisfy(l -> {
      Assertions.assertThat(l.processKey()).isEqualTo("customerInfoChange");
      Assertions.assertThat(l.changedBy()).isEqualTo("zhangwei");
      Assertions.assertThat(l.reason()).isEqualTo("店主更換聯繫方式");
    });
    Assertions.assertThat(lines).anySatisfy(l -> {
      Assertions.assertThat(l.fieldName()).isEqualTo("phone");
      Assertions.assertThat(l.oldValue()).isEqualTo(c.phone());
      Assertions.assertThat(l.newValue()).isEqualTo("13912345678");
    });
    ChangeRequestRepository.Request request = requests.ofProcessInstance(pi.getId());
    Assertions.assertThat(request.status()).isEqualTo(ChangeRequestRepository.Status.APPLIED);
    Assertions.assertThat(requests.items(request.id())).allSatisfy(i -> Assertions.assertThat(i.appliedAt()).isNotNull());
    Assertions.assertThat(events.stream(LicenceRenewed.class)).isEmpty();
  }

  @Test
  void anApprovedGradeAndLicenceRenewalApplyTogetherAndPublishTheRenewal() {
    Customer c = fixture.activeWithLicenceBeyond(60, 0);
    int newGrade = c.grade() == 1 ? 2 : c.grade() - 1;
    LocalDate renewed = c.licenceExpiry().plusYears(5);
    ProcessInstance pi = start("zhangwei", MANAGER, Map.of(Var.CUSTOMER_CODE, c.customerCode(),
        Var.NEW_PHONE, "13800001111", Var.NEW_GRADE, String.valueOf(newGrade),
        Var.NEW_LICENCE_EXPIRY, renewed.toString(), Var.CHANGE_REASON, "許可證已延續,銷量提升"));

    // the phone is in force at once, the rest waits
    assertThat(pi).isWaitingAt(Element.APPROVE);
    Assertions.assertThat(fixture.now(c.customerCode()).phone()).isEqualTo("13800001111");
    Assertions.assertThat(fixture.now(c.customerCode()).grade()).isEqualTo(c.grade());
    Task task = task(pi);
    assertThat(task).hasCandidateGroup("regional-managers-east").hasDueDate(calendar.endOfWorkingDaysFromToday(2));
    Assertions.assertThat((String) runtimeService.getVariable(pi.getId(), Var.CHANGE_SUMMARY))
        .contains("聯繫電話", "(已生效)", "客戶等級", "許可證有效期至", "(待審批)");

    decide(pi, CustomerInfoChangeProcess.APPROVE, "同意");
    Assertions.assertThat(events.stream(LicenceRenewed.class)).isEmpty(); // not before it is applied
    execute(job(pi));

    assertThat(pi).hasPassedInOrder(Element.START, Element.OPEN_REQUEST, Element.APPROVE, Element.RECORD_DECISION,
        Element.APPROVED, Element.APPLY, Element.APPLIED, Element.END_APPROVED).isEnded();
    Customer now = fixture.now(c.customerCode());
    Assertions.assertThat(now.grade()).isEqualTo(newGrade);
    Assertions.assertThat(now.licenceExpiry()).isEqualTo(renewed);
    Assertions.assertThat(customers.gradeChanges(c.customerCode())).anySatisfy(g -> {
      Assertions.assertThat(g.processInstanceId()).isEqualTo(pi.getId());
      Assertions.assertThat(g.approvedBy()).isEqualTo("wangfang");
      Assertions.assertThat(g.newGrade()).isEqualTo(newGrade);
    });
    Assertions.assertThat(customers.changeHistory(c.customerCode()).stream()
            .filter(l -> pi.getId().equals(l.processInstanceId())))
        .extracting(CustomerRepository.Change::fieldName).containsExactlyInAnyOrder("phone", "grade", "licence_expiry");
    ChangeRequestRepository.Request request = requests.ofProcessInstance(pi.getId());
    Assertions.assertThat(request.status()).isEqualTo(ChangeRequestRepository.Status.APPLIED);
    Assertions.assertThat(request.decisionBy()).isEqualTo("wangfang");
    Assertions.assertThat(events.stream(LicenceRenewed.class)).containsExactly(
        new LicenceRenewed(c.customerCode(), c.licenceExpiry(), renewed, "wangfang", pi.getId()));
  }

  @Test
  void aRejectedChangeWritesNothingAndTheRequesterReadsTheReason() {
    Customer c = fixture.activeWithLicenceBeyond(60, 1);
    ProcessInstance pi = start("zhangwei", MANAGER, Map.of(Var.CUSTOMER_CODE, c.customerCode(),
        Var.NEW_LICENCE_EXPIRY, c.licenceExpiry().plusYears(1).toString(), Var.CHANGE_REASON, "續期"));

    decide(pi, CustomerInfoChangeProcess.REJECT, "未見續期證明");
    assertThat(pi).isWaitingAt(Element.ACKNOWLEDGE_REJECTION);
    assertThat(task(pi)).isAssignedTo("zhangwei");
    Assertions.assertThat((String) runtimeService.getVariable(pi.getId(), Var.NOTICE_TEXT)).contains("未見續期證明");
    taskService.complete(task(pi).getId(), Map.of("noticeRead", true));

    assertThat(pi).hasPassedInOrder(Element.APPROVE, Element.RECORD_DECISION, Element.APPROVED,
        Element.ACKNOWLEDGE_REJECTION, Element.END_REJECTED).isEnded();
    Assertions.assertThat(fixture.now(c.customerCode()).licenceExpiry()).isEqualTo(c.licenceExpiry());
    Assertions.assertThat(fixture.changeLines(c.customerCode())).isZero();
    ChangeRequestRepository.Request request = requests.ofProcessInstance(pi.getId());
    Assertions.assertThat(request.status()).isEqualTo(ChangeRequestRepository.Status.REJECTED);
    Assertions.assertThat(request.decisionReason()).isEqualTo("未見續期證明");
    Assertions.assertThat(events.stream(LicenceRenewed.class)).isEmpty();
  }

  @Test
  void anApprovalOnDataChangedMeanwhileIsRefusedAsAWholeAndTheRequesterIsTold() {
    Customer c = fixture.active("zhangwei", 2);
    int requested = c.grade() == 5 ? 4 : 5;
    ProcessInstance pi = start("zhangwei", MANAGER, Map.of(Var.CUSTOMER_CODE, c.customerCode(),
        Var.NEW_GRADE, String.valueOf(requested), Var.NEW_LICENCE_NO, fixture.freeLicence("330105"),
        Var.CHANGE_REASON, "重新評級並換證"));
    // meanwhile another process changes the grade
    int other = requested == 5 ? 3 : 4;
    jdbc.update("UPDATE cm_customer SET grade = ? WHERE customer_code = ?", other == c.grade() ? other - 1 : other,
        c.customerCode());

    decide(pi, CustomerInfoChangeProcess.APPROVE, null);
    execute(job(pi));

    assertThat(pi).isWaitingAt(Element.ACKNOWLEDGE_REFUSAL);
    assertThat(task(pi)).isAssignedTo("zhangwei");
    Assertions.assertThat((String) runtimeService.getVariable(pi.getId(), Var.NOTICE_TEXT))
        .contains("「客戶等級」在申請後已被修改");
    Assertions.assertThat(fixture.now(c.customerCode()).licenceNo()).isEqualTo(c.licenceNo()); // nothing applied
    Assertions.assertThat(fixture.changeLines(c.customerCode())).isZero();
    Assertions.assertThat(requests.ofProcessInstance(pi.getId()).status()).isEqualTo(ChangeRequestRepository.Status.REFUSED);
    taskService.complete(task(pi).getId(), Map.of("noticeRead", true));
    assertThat(pi).hasPassedInOrder(Element.APPLY, Element.APPLIED, Element.ACKNOWLEDGE_REFUSAL, Element.END_REFUSED)
        .isEnded();
  }

  @Test
  void anApprovalOfALicenceTakenMeanwhileByAnotherCustomerIsRefused() {
    Customer c = fixture.active("zhangwei", 6);
    Customer other = fixture.active("zhangwei", 7);
    String number = fixture.freeLicence("330102");
    ProcessInstance pi = start("zhangwei", MANAGER, Map.of(Var.CUSTOMER_CODE, c.customerCode(),
        Var.NEW_LICENCE_NO, number, Var.CHANGE_REASON, "換證"));
    jdbc.update("UPDATE cm_customer SET licence_no = ? WHERE customer_code = ?", number, other.customerCode());

    decide(pi, CustomerInfoChangeProcess.APPROVE, null);
    execute(job(pi));

    assertThat(pi).isWaitingAt(Element.ACKNOWLEDGE_REFUSAL);
    Assertions.assertThat(requests.ofProcessInstance(pi.getId()).outcomeNote())
        .contains("已屬於在網客戶 " + other.customerCode());
    Assertions.assertThat(fixture.now(c.customerCode()).licenceNo()).isEqualTo(c.licenceNo());
  }

  @Test
  void aRegionalManagersOwnRequestIsTheApprovalAndARegionChangeTakesANewManagerAndLicence() {
    Customer c = fixture.active("zhangwei", 3);
    String westLicence = fixture.freeLicence("330106");
    ProcessInstance pi = start("wangfang", REGIONAL_EAST, Map.of(Var.CUSTOMER_CODE, c.customerCode(),
        Var.NEW_REGION_CODE, "west", Var.NEW_MANAGER_ID, "lina", Var.NEW_LICENCE_NO, westLicence,
        Var.CHANGE_REASON, "門店遷至西區"));

    assertThat(pi).isWaitingAt(Element.APPLY); // no approval task: the requester is the approver
    execute(job(pi));

    assertThat(pi).hasPassedInOrder(Element.OPEN_REQUEST, Element.NEEDS_APPROVAL, Element.APPROVAL_GIVEN, Element.APPLY,
        Element.END_APPROVED).isEnded();
    assertThat(pi).hasNotPassed(Element.APPROVE);
    Customer now = fixture.now(c.customerCode());
    Assertions.assertThat(now.regionCode()).isEqualTo("WEST");
    Assertions.assertThat(now.managerId()).isEqualTo("lina");
    Assertions.assertThat(now.licenceNo()).isEqualTo(westLicence);
    ChangeRequestRepository.Request request = requests.ofProcessInstance(pi.getId());
    Assertions.assertThat(request.decisionBy()).isEqualTo("wangfang");
    Assertions.assertThat(customers.changeHistory(c.customerCode()).stream()
            .filter(l -> pi.getId().equals(l.processInstanceId())))
        .extracting(CustomerRepository.Change::fieldName)
        .containsExactlyInAnyOrder("region_code", "manager_id", "licence_no");
    Assertions.assertThat(events.stream(LicenceRenewed.class)).isEmpty(); // a new number alone is no renewal
  }

  // ---------------------------------------------------------------- the licence-renewal event

  @Test
  void anExpiryMovedEarlierOrANewNumberWithTheSameExpiryIsNoRenewalButANewNumberWithALaterExpiryIs() {
    Customer earlier = fixture.activeWithLicenceBeyond(200, 2);
    approveAndApply(start("zhangwei", MANAGER, Map.of(Var.CUSTOMER_CODE, earlier.customerCode(),
        Var.NEW_LICENCE_EXPIRY, calendar.today().plusDays(100).toString(), Var.CHANGE_REASON, "更正有效期")));
    Assertions.assertThat(fixture.now(earlier.customerCode()).licenceExpiry()).isEqualTo(calendar.today().plusDays(100));
    Assertions.assertThat(events.stream(LicenceRenewed.class)).isEmpty();

    Customer renewed = fixture.activeWithLicenceBeyond(60, 3);
    String number = fixture.freeLicence("330102");
    ProcessInstance pi = start("zhangwei", MANAGER, Map.of(Var.CUSTOMER_CODE, renewed.customerCode(),
        Var.NEW_LICENCE_NO, number, Var.NEW_LICENCE_EXPIRY, renewed.licenceExpiry().plusDays(1).toString(),
        Var.CHANGE_REASON, "換發新證"));
    approveAndApply(pi);
    Assertions.assertThat(events.stream(LicenceRenewed.class)).containsExactly(new LicenceRenewed(
        renewed.customerCode(), renewed.licenceExpiry(), renewed.licenceExpiry().plusDays(1), "wangfang", pi.getId()));
  }

  // ---------------------------------------------------------------- bad input

  /** A bad request: what is asked (on the first active customer of zhangwei) and the message expected. */
  static Stream<Arguments> badRequests() {
    Function<Customer, Map<String, Object>> none = c -> Map.of();
    return Stream.of(
        Arguments.of("licence shape", (Function<Customer, Map<String, Object>>) c -> Map.of(Var.NEW_LICENCE_NO, "12345"),
            "格式不正確"),
        Arguments.of("licence area code of another region",
            (Function<Customer, Map<String, Object>>) c -> Map.of(Var.NEW_LICENCE_NO, "330106100001"),
            "不是本區域的行政區劃代碼"),
        Arguments.of("expiry in the past", (Function<Customer, Map<String, Object>>) c -> Map.of(Var.NEW_LICENCE_EXPIRY,
            LocalDate.now().minusDays(3).toString()), "到期"),
        Arguments.of("expiry not a date", (Function<Customer, Map<String, Object>>) c -> Map.of(Var.NEW_LICENCE_EXPIRY,
            "31.12.2030"), "不是日期"),
        Arguments.of("grade out of range", (Function<Customer, Map<String, Object>>) c -> Map.of(Var.NEW_GRADE, "6"),
            "1–5 之間"),
        Arguments.of("grade not a number", (Function<Customer, Map<String, Object>>) c -> Map.of(Var.NEW_GRADE, "A"),
            "整數"),
        Arguments.of("manager of another region", (Function<Customer, Map<String, Object>>) c -> Map.of(Var.NEW_MANAGER_ID,
            "lina"), "不是區域 EAST 在職的客戶經理"),
        Arguments.of("manager who is no customer manager",
            (Function<Customer, Map<String, Object>>) c -> Map.of(Var.NEW_MANAGER_ID, "wangfang"), "在職的客戶經理"),
        Arguments.of("region unknown", (Function<Customer, Map<String, Object>>) c -> Map.of(Var.NEW_REGION_CODE, "NORTH",
            Var.NEW_MANAGER_ID, "lina"), "區域「NORTH」不存在"),
        Arguments.of("region without a new manager",
            (Function<Customer, Map<String, Object>>) c -> Map.of(Var.NEW_REGION_CODE, "WEST"), "須同時指定新區域的客戶經理"),
        Arguments.of("region whose area codes the licence lacks",
            (Function<Customer, Map<String, Object>>) c -> Map.of(Var.NEW_REGION_CODE, "WEST", Var.NEW_MANAGER_ID, "lina"),
            "不是本區域的行政區劃代碼"),
        Arguments.of("no change at all", none, "沒有任何變更"),
        Arguments.of("only the current values", (Function<Customer, Map<String, Object>>) c -> Map.of(Var.NEW_PHONE,
            c.phone(), Var.NEW_GRADE, String.valueOf(c.grade())), "沒有任何變更"),
        Arguments.of("phone pattern", (Function<Customer, Map<String, Object>>) c -> Map.of(Var.NEW_PHONE, "12345"),
            "「聯繫電話」格式不正確"),
        Arguments.of("contact name too long", (Function<Customer, Map<String, Object>>) c -> Map.of(Var.NEW_CONTACT_NAME,
            "長".repeat(61)), "「聯繫人」最多 60 字"),
        Arguments.of("missing reason", (Function<Customer, Map<String, Object>>) c -> Map.of(Var.NEW_PHONE, "13912345678",
            Var.CHANGE_REASON, " "), "請填寫「變更原因」"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void aBadRequestIsRefusedWithItsMessageAndWritesNothing(String what, Function<Customer, Map<String, Object>> asked,
                                                          String message) {
    Customer c = fixture.active("zhangwei", 0);
    Map<String, Object> variables = new HashMap<>(Map.of(Var.CUSTOMER_CODE, c.customerCode(), Var.CHANGE_REASON, "測試"));
    variables.putAll(asked.apply(c));
    assertRefused(c, "zhangwei", MANAGER, variables, message);
  }

  @Test
  void aLicenceOfAnotherActiveOrAnExitedCustomerIsRefused() {
    Customer c = fixture.active("zhangwei", 0);
    Customer other = fixture.active("zhangwei", 1);
    assertRefused(c, "zhangwei", MANAGER, Map.of(Var.CUSTOMER_CODE, c.customerCode(), Var.NEW_LICENCE_NO,
        other.licenceNo(), Var.CHANGE_REASON, "換證"), "已屬於在網客戶 " + other.customerCode());
    Customer exited = fixture.exited("zhangwei");
    assertRefused(c, "zhangwei", MANAGER, Map.of(Var.CUSTOMER_CODE, c.customerCode(), Var.NEW_LICENCE_NO,
        exited.licenceNo(), Var.CHANGE_REASON, "換證"), "已退網客戶 " + exited.customerCode());
  }

  @Test
  void unknownAndExitedCustomersAndOtherManagersCustomersAreRefused() {
    Customer c = fixture.active("zhangwei", 0);
    assertRefused(c, "zhangwei", MANAGER, Map.of(Var.CUSTOMER_CODE, "C-NONE", Var.NEW_PHONE, "13912345678",
        Var.CHANGE_REASON, "測試"), "客戶代碼「C-NONE」不存在");
    Customer exited = fixture.exited("zhangwei");
    assertRefused(c, "zhangwei", MANAGER, Map.of(Var.CUSTOMER_CODE, exited.customerCode(), Var.NEW_PHONE, "13912345678",
        Var.CHANGE_REASON, "測試"), "已退網");
    assertRefused(c, "lina", MANAGER, Map.of(Var.CUSTOMER_CODE, c.customerCode(), Var.NEW_PHONE, "13912345678",
        Var.CHANGE_REASON, "測試"), "不是您負責的客戶");
    assertRefused(c, "chenjing", List.of("regional-managers", "regional-managers-west"), Map.of(Var.CUSTOMER_CODE,
        c.customerCode(), Var.NEW_PHONE, "13912345678", Var.CHANGE_REASON, "測試"), "不是您負責的客戶");
  }

  @Test
  void aSecondRequestForAFieldWaitingForApprovalIsRefused() {
    Customer c = fixture.active("zhangwei", 4);
    int grade = c.grade() == 1 ? 2 : 1;
    start("zhangwei", MANAGER, Map.of(Var.CUSTOMER_CODE, c.customerCode(), Var.NEW_GRADE, String.valueOf(grade),
        Var.CHANGE_REASON, "升級"));
    int requestsBefore = fixture.requestCount(c.customerCode());
    Assertions.assertThatThrownBy(() -> start("zhangwei", MANAGER, Map.of(Var.CUSTOMER_CODE, c.customerCode(),
            Var.NEW_GRADE, String.valueOf(grade == 1 ? 3 : 1), Var.CHANGE_REASON, "再升級")))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("「客戶等級」已有待審批的變更申請");
    Assertions.assertThat(fixture.requestCount(c.customerCode())).isEqualTo(requestsBefore);
  }

  @Test
  void aDecisionWithoutChoiceOrARejectionWithoutReasonKeepsTheTaskAndWritesNothing() {
    Customer c = fixture.active("zhangwei", 5);
    ProcessInstance pi = start("zhangwei", MANAGER, Map.of(Var.CUSTOMER_CODE, c.customerCode(),
        Var.NEW_GRADE, String.valueOf(c.grade() == 1 ? 2 : 1), Var.CHANGE_REASON, "調級"));
    Task task = task(pi);
    for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of(),
        Map.of(Var.APPROVAL_DECISION, "MAYBE"), Map.of(Var.APPROVAL_DECISION, "REJECT"),
        Map.of(Var.APPROVAL_DECISION, "REJECT", Var.DECISION_COMMENT, "x".repeat(501)))) {
      identityService.setAuthentication("wangfang", REGIONAL_EAST);
      try {
        Assertions.assertThatThrownBy(() -> taskService.complete(task.getId(), bad)).isInstanceOf(InvalidInput.class)
            .hasMessageMatching("(?s).*(審批結果|駁回理由).*");
      } finally {
        identityService.clearAuthentication();
      }
      assertThat(pi).isWaitingAt(Element.APPROVE);
      ChangeRequestRepository.Request request = requests.ofProcessInstance(pi.getId());
      Assertions.assertThat(request.status()).isEqualTo(ChangeRequestRepository.Status.OPEN);
      Assertions.assertThat(request.decisionBy()).isNull();
    }
    Assertions.assertThat(fixture.now(c.customerCode()).grade()).isEqualTo(c.grade());
  }

  @Test
  void anApproverCannotDecideAnotherCustomersRequestByForgingTheRequestId() {
    Customer mine = fixture.activeWithLicenceBeyond(60, 3);
    Customer other = fixture.activeWithLicenceBeyond(60, 4);
    ProcessInstance pi = start("zhangwei", MANAGER, Map.of(Var.CUSTOMER_CODE, mine.customerCode(),
        Var.NEW_LICENCE_EXPIRY, mine.licenceExpiry().plusYears(1).toString(), Var.CHANGE_REASON, "續期"));
    ProcessInstance victim = start("zhangwei", MANAGER, Map.of(Var.CUSTOMER_CODE, other.customerCode(),
        Var.NEW_LICENCE_EXPIRY, other.licenceExpiry().plusYears(1).toString(), Var.CHANGE_REASON, "續期"));
    long victimId = requests.ofProcessInstance(victim.getId()).id();

    identityService.setAuthentication("wangfang", REGIONAL_EAST);
    try {
      taskService.complete(task(pi).getId(), Map.of(Var.APPROVAL_DECISION, CustomerInfoChangeProcess.REJECT,
          Var.DECISION_COMMENT, "偽造", Var.REQUEST_ID, victimId));
    } finally {
      identityService.clearAuthentication();
    }
    Assertions.assertThat(requests.ofProcessInstance(pi.getId()).status()).isEqualTo(ChangeRequestRepository.Status.REJECTED);
    ChangeRequestRepository.Request untouched = requests.ofProcessInstance(victim.getId());
    Assertions.assertThat(untouched.status()).isEqualTo(ChangeRequestRepository.Status.OPEN);
    Assertions.assertThat(untouched.decisionBy()).isNull();
    taskService.complete(task(pi).getId(), Map.of("noticeRead", true));
    approveAndApply(victim);
  }

  @Test
  void aContactChangeWhoseValueChangedBetweenReadingAndApplyingIsRefusedAndRecordsNothing(
      @Autowired ChangeRules rules, @Autowired ProcessAccess access, @Autowired CurrentUser currentUser,
      @Autowired Grants grants, @Autowired PlatformTransactionManager transactions) {
    Customer c = fixture.active("zhangwei", 5);
    // another writer changes the phone after the delegate read the customer and before it applies
    CustomerFieldUpdates racing = new CustomerFieldUpdates(jdbc, customers) {
      @Override
      public boolean apply(Customer customer, ChangeField field, String oldValue, String newValue, String reason,
                           String changedBy, java.time.Instant at, String processInstanceId) {
        jdbc.update("UPDATE cm_customer SET phone = '13700000000' WHERE customer_code = ?", customer.customerCode());
        return super.apply(customer, field, oldValue, newValue, reason, changedBy, at, processInstanceId);
      }
    };
    OpenChangeRequestDelegate delegate = new OpenChangeRequestDelegate(customers, rules, requests, racing, calendar,
        access, currentUser, grants);
    Map<String, Object> variables = Map.of(Var.CUSTOMER_CODE, c.customerCode(), Var.NEW_PHONE, "13912345678",
        Var.CHANGE_REASON, "店主換號");
    DelegateExecution execution = Mockito.mock(DelegateExecution.class);
    Mockito.when(execution.getVariable(Mockito.anyString())).thenAnswer(a -> variables.get(a.<String>getArgument(0)));
    Mockito.when(execution.getProcessInstanceId()).thenReturn("no-instance");
    int before = fixture.requestCount(c.customerCode());

    identityService.setAuthentication("zhangwei", MANAGER);
    try {
      Assertions.assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(
              status -> delegate.execute(execution)))
          .isInstanceOf(InvalidInput.class).hasMessageContaining("已被他人修改,請重新填寫");
    } finally {
      identityService.clearAuthentication();
    }
    Assertions.assertThat(fixture.requestCount(c.customerCode())).isEqualTo(before);
    Assertions.assertThat(fixture.changeLines(c.customerCode())).isZero();
    Assertions.assertThat(fixture.now(c.customerCode()).phone()).isEqualTo(c.phone());
  }

  // ---------------------------------------------------------------- helpers

  private void assertRefused(Customer c, String user, List<String> groups, Map<String, Object> variables, String message) {
    int requestsBefore = fixture.requestCount(c.customerCode());
    long instancesBefore = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(CustomerInfoChangeProcess.PROCESS_KEY).count();
    Assertions.assertThatThrownBy(() -> start(user, groups, variables)).isInstanceOf(InvalidInput.class)
        .hasMessageContaining(message);
    Assertions.assertThat(fixture.requestCount(c.customerCode())).isEqualTo(requestsBefore);
    Assertions.assertThat(fixture.changeLines(c.customerCode())).isZero();
    Assertions.assertThat(fixture.now(c.customerCode())).isEqualTo(c);
    Assertions.assertThat(runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(CustomerInfoChangeProcess.PROCESS_KEY).count()).isEqualTo(instancesBefore);
  }

  private ProcessInstance start(String user, List<String> groups, Map<String, Object> variables) {
    identityService.setAuthentication(user, groups);
    try {
      ProcessInstance pi = runtimeService.startProcessInstanceByKey(CustomerInfoChangeProcess.PROCESS_KEY, variables);
      fixture.started.add(pi.getId());
      return pi;
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void decide(ProcessInstance pi, String decision, String comment) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Var.APPROVAL_DECISION, decision);
    if (comment != null) {
      variables.put(Var.DECISION_COMMENT, comment);
    }
    identityService.setAuthentication("wangfang", REGIONAL_EAST);
    try {
      taskService.complete(task(pi).getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void approveAndApply(ProcessInstance pi) {
    decide(pi, CustomerInfoChangeProcess.APPROVE, "同意");
    execute(job(pi));
    assertThat(pi).isEnded();
  }

  private Task task(ProcessInstance pi) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
  }

  private org.camunda.bpm.engine.runtime.Job job(ProcessInstance pi) {
    return managementService.createJobQuery().processInstanceId(pi.getId()).singleResult();
  }
}

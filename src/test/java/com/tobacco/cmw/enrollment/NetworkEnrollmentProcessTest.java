package com.tobacco.cmw.enrollment;

import static com.tobacco.cmw.enrollment.NetworkEnrollmentProcess.Element;
import static com.tobacco.cmw.enrollment.NetworkEnrollmentProcess.Var;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.tobacco.cmw.calendar.WorkCalendar;
import com.tobacco.cmw.customer.Customer;
import com.tobacco.cmw.customer.CustomerRepository;
import com.tobacco.cmw.customer.CustomerStatus;
import com.tobacco.cmw.licencewatch.LicenceWatchRepository;
import com.tobacco.cmw.planning.VisitScheduleRepository;
import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.security.StaffDirectory;
import com.tobacco.cmw.support.ProcessTestBase;
import com.tobacco.cmw.visit.CustomerVisitProcess;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Every path of {@code networkEnrollment} (§3.3, §4.3) on the real application and database:
 * approval with the new customer and its first regular visit, rejection told to the applicant,
 * return and amendment (and withdrawal), an application not verified on site, a licence taken
 * between application and approval (BPMN error), re-enrollment of a customer that left the
 * network; two applications for one licence at the same time; bad task input refused with the
 * task kept. Rows created here are deleted after each test.
 *
 * <p>The approval starts a real {@code customerVisit}, a process this class does not cover: the
 * class runs in an engine of its own whose coverage leaves {@code customerVisit} to its own test.
 */
@TestPropertySource(properties = "camunda.bpm.process-engine-name=enrollmenttests")
@Import(NetworkEnrollmentProcessTest.VisitsCoveredByTheirOwnTest.class)
class NetworkEnrollmentProcessTest extends ProcessTestBase {

  static final List<String> MANAGER = List.of("customer-managers");
  static final List<String> REGIONAL_EAST = List.of("regional-managers", "regional-managers-east");

  /** The coverage settings of the other process tests, with {@code customerVisit} excluded. */
  @TestConfiguration
  static class VisitsCoveredByTheirOwnTest {
    @Bean
    static BeanPostProcessor excludeCustomerVisitFromCoverage() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
          if (bean instanceof ProcessEngineCoverageProperties) {
            return ProcessEngineCoverageProperties.Companion.builder()
                .assertClassCoverageAtLeast(1.0)
                .excludeProcessDefinitionKeys(CustomerVisitProcess.PROCESS_KEY)
                .build();
          }
          return bean;
        }
      };
    }
  }

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired LicenceWatchRepository watchPeriods;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired NetworkApplicationRepository applications;
  @Autowired CustomerRepository customers;
  @Autowired VisitScheduleRepository schedules;
  @Autowired WorkCalendar calendar;
  @Autowired StaffDirectory staff;
  @Autowired JdbcTemplate jdbc;

  private EnrollmentFixture fixture;
  private Customer exitedBefore;

  @BeforeEach
  void setUp() {
    init(engine);
    identityService.clearAuthentication();
    fixture = new EnrollmentFixture(jdbc, runtimeService, calendar.today().getYear());
  }

  @AfterEach
  void cleanUp() {
    identityService.clearAuthentication();
    fixture.cleanUp();
    if (exitedBefore != null) {
      Customer c = exitedBefore;
      jdbc.update("DELETE FROM cm_licence_watch WHERE customer_code = ?", c.customerCode());
      jdbc.update("UPDATE cm_customer SET store_name = ?, licence_expiry = ?, address = ?, region_code = ?, manager_id = ?, "
              + "grade = ?, business_type = ?, contact_name = ?, phone = ?, status = ?, entry_date = ?, exit_date = ?, "
              + "exit_reason = ? WHERE customer_code = ?",
          c.storeName(), c.licenceExpiry(), c.address(), c.regionCode(), c.managerId(), c.grade(), c.businessType(),
          c.contactName(), c.phone(), c.status().name(), c.entryDate(), c.exitDate(),
          c.exitReason() == null ? null : c.exitReason().name(), c.customerCode());
    }
  }

  // ---------------------------------------------------------------- paths

  @Test
  void anApprovedRetailerBecomesAnActiveCustomerWithItsFirstRegularVisitPlanned() {
    ProcessInstance pi = start(EnrollmentFixture.eastLicence(1));
    String no = pi.getBusinessKey();
    Assertions.assertThat(no).matches("RW-" + calendar.today().getYear() + "-\\d{5}");
    assertThat(pi).isWaitingAt(Element.VERIFY_STORE);
    assertThat(task(pi)).isAssignedTo("zhangwei");
    Assertions.assertThat(task(pi).getDueDate()).isEqualTo(calendar.endOfWorkingDaysFromToday(3));
    Assertions.assertThat(runtimeService.getVariable(pi.getId(), Var.DUE_TEXT)).asString()
        .matches("\\d{4}-\\d{2}-\\d{2} 18:00 前");
    Assertions.assertThat(runtimeService.getVariable(pi.getId(), Var.HOLDER_TYPE_TEXT)).asString().contains("個體工商戶");
    Assertions.assertThat(applications.find(no).orElseThrow().status())
        .isEqualTo(NetworkApplicationRepository.Status.PENDING_VERIFICATION);
    Assertions.assertThat(applications.applicationInProgress(EnrollmentFixture.eastLicence(1))).hasValue(no);

    verify(pi, true, true, 3);
    assertThat(pi).isWaitingAt(Element.APPROVE);
    assertThat(task(pi)).hasCandidateGroup("regional-managers-east").hasDueDate(calendar.endOfWorkingDaysFromToday(2));
    Assertions.assertThat(runtimeService.getVariable(pi.getId(), Var.GRANTED_GRADE)).isEqualTo(3);
    Assertions.assertThat(runtimeService.getVariable(pi.getId(), Var.ASSIGNED_MANAGER)).isEqualTo("zhangwei");
    decide(pi, Map.of(Var.DECISION, "APPROVE", Var.GRANTED_GRADE, 2, Var.ASSIGNED_MANAGER, "zhangwei"));
    assertThat(pi).isWaitingAt(Element.ENROLL_CUSTOMER);
    execute(job(pi));

    String code = (String) runtimeService.getVariable(pi.getId(), Var.CUSTOMER_CODE);
    Assertions.assertThat(code).matches("C" + String.format("%02d", calendar.today().getYear() % 100) + "\\d{5}");
    Customer customer = customers.find(code).orElseThrow();
    Assertions.assertThat(customer.status()).isEqualTo(CustomerStatus.ACTIVE);
    Assertions.assertThat(customer.grade()).isEqualTo(2);
    Assertions.assertThat(customer.managerId()).isEqualTo("zhangwei");
    Assertions.assertThat(customer.entryDate()).isEqualTo(calendar.today());
    Assertions.assertThat(customer.licenceNo()).isEqualTo(EnrollmentFixture.eastLicence(1));
    Assertions.assertThat(customers.changeHistory(code)).singleElement().satisfies(change -> {
      Assertions.assertThat(change.fieldName()).isEqualTo("status");
      Assertions.assertThat(change.oldValue()).isNull();
      Assertions.assertThat(change.newValue()).isEqualTo("ACTIVE");
      Assertions.assertThat(change.reason()).isEqualTo("入網 " + no);
      Assertions.assertThat(change.processKey()).isEqualTo("networkEnrollment");
      Assertions.assertThat(change.processInstanceId()).isEqualTo(pi.getId());
      Assertions.assertThat(change.changedBy()).isEqualTo("wangfang");
    });
    NetworkApplicationRepository.Application app = applications.find(no).orElseThrow();
    Assertions.assertThat(app.status()).isEqualTo(NetworkApplicationRepository.Status.APPROVED);
    Assertions.assertThat(app.customerCode()).isEqualTo(code);
    Assertions.assertThat(app.decidedBy()).isEqualTo("wangfang");
    Assertions.assertThat(app.grantedGrade()).isEqualTo(2);
    Assertions.assertThat(applications.applicationInProgress(EnrollmentFixture.eastLicence(1))).isEmpty();

    assertThat(pi).isWaitingAt(Element.PLAN_FIRST_VISIT);
    execute(job(pi));
    assertThat(pi).hasPassedInOrder(Element.START, Element.OPEN_APPLICATION, Element.VERIFY_STORE,
        Element.RECORD_VERIFICATION, Element.APPROVE, Element.RECORD_DECISION, Element.ENROLL_CUSTOMER,
        Element.PLAN_FIRST_VISIT, Element.END_ENROLLED).isEnded();
    ProcessInstance visit = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(CustomerVisitProcess.PROCESS_KEY).processInstanceBusinessKey(code).singleResult();
    Assertions.assertThat(visit).isNotNull();
    LocalDate planned = LocalDate.parse((String) runtimeService.getVariable(visit.getId(), CustomerVisitProcess.Var.PLANNED_DATE));
    Assertions.assertThat(planned).isEqualTo(calendar.workingDaysAfter(calendar.today(), 5));
    Assertions.assertThat(calendar.isWorkingDay(planned)).isTrue();
    Assertions.assertThat(calendar.workingDaysBetween(calendar.today(), planned)).isLessThanOrEqualTo(5);
    Task visitTask = taskService.createTaskQuery().processInstanceId(visit.getId()).singleResult();
    assertThat(visitTask).isAssignedTo("zhangwei");
    // the weekly planner does not plan a second visit for a customer with an open regular visit
    Assertions.assertThat(schedules.customersToPlan("zhangwei")).extracting(VisitScheduleRepository.CustomerRow::customerCode)
        .doesNotContain(code);
  }

  @Test
  void aRejectedApplicationIsRecordedAndTheApplicantTold() {
    ProcessInstance pi = start(EnrollmentFixture.eastLicence(2));
    verify(pi, true, true, 4);
    decide(pi, Map.of(Var.DECISION, "REJECT", Var.DECISION_REASON, "周邊 50 米內已有兩家零售戶,布局不合理"));
    assertThat(pi).isWaitingAt(Element.NOTE_REJECTION);
    assertThat(task(pi)).isAssignedTo("zhangwei").hasName("入網申請未獲批准：" + pi.getBusinessKey());
    NetworkApplicationRepository.Application app = applications.find(pi.getBusinessKey()).orElseThrow();
    Assertions.assertThat(app.status()).isEqualTo(NetworkApplicationRepository.Status.REJECTED);
    Assertions.assertThat(app.decisionReason()).contains("布局不合理");
    Assertions.assertThat(app.decidedBy()).isEqualTo("wangfang");
    Assertions.assertThat(app.decidedAt()).isNotNull();
    Assertions.assertThat(applications.applicationInProgress(EnrollmentFixture.eastLicence(2))).isEmpty();
    complete("zhangwei", MANAGER, task(pi), Map.of());
    assertThat(pi).hasPassed(Element.END_REJECTED).hasNotPassed(Element.ENROLL_CUSTOMER).isEnded();
    Assertions.assertThat(applications.find(pi.getBusinessKey()).orElseThrow().rejectionNotedAt()).isNotNull();
    Assertions.assertThat(customers.findByLicence(EnrollmentFixture.eastLicence(2))).isEmpty();
  }

  @Test
  void aReturnedApplicationIsAmendedVerifiedAgainAndMayBeWithdrawn() {
    ProcessInstance pi = start(EnrollmentFixture.eastLicence(3));
    verify(pi, true, true, 3);
    decide(pi, Map.of(Var.DECISION, "RETURN", Var.DECISION_REASON, "請核對經營地址門牌號"));
    assertThat(pi).isWaitingAt(Element.AMEND);
    assertThat(task(pi)).isAssignedTo("zhangwei");
    Assertions.assertThat(applications.find(pi.getBusinessKey()).orElseThrow().status())
        .isEqualTo(NetworkApplicationRepository.Status.RETURNED);
    // the amendment is checked like a new application
    Map<String, Object> bad = EnrollmentFixture.application("1234");
    assertRefused(pi, "zhangwei", MANAGER, bad, "格式不正確");
    Map<String, Object> amended = EnrollmentFixture.application(EnrollmentFixture.eastLicence(4));
    amended.put("address", "東區解放路 88-1 號");
    complete("zhangwei", MANAGER, task(pi), amended);
    assertThat(pi).isWaitingAt(Element.VERIFY_STORE);
    NetworkApplicationRepository.Application app = applications.find(pi.getBusinessKey()).orElseThrow();
    Assertions.assertThat(app.form().address()).isEqualTo("東區解放路 88-1 號");
    Assertions.assertThat(app.amendedAt()).isNotNull();
    Assertions.assertThat(app.status()).isEqualTo(NetworkApplicationRepository.Status.PENDING_VERIFICATION);
    // the hold moved to the new licence number
    Assertions.assertThat(applications.applicationInProgress(EnrollmentFixture.eastLicence(3))).isEmpty();
    Assertions.assertThat(applications.applicationInProgress(EnrollmentFixture.eastLicence(4))).hasValue(pi.getBusinessKey());

    verify(pi, true, true, 3);
    Assertions.assertThat(runtimeService.getVariables(pi.getId())).doesNotContainKeys(Var.DECISION, Var.DECISION_REASON);
    decide(pi, Map.of(Var.DECISION, "RETURN", Var.DECISION_REASON, "請補充聯繫人"));
    complete("zhangwei", MANAGER, task(pi), Map.of(Var.WITHDRAW, true));
    assertThat(pi).hasPassed(Element.END_WITHDRAWN).isEnded();
    Assertions.assertThat(applications.find(pi.getBusinessKey()).orElseThrow().status())
        .isEqualTo(NetworkApplicationRepository.Status.WITHDRAWN);
    Assertions.assertThat(applications.applicationInProgress(EnrollmentFixture.eastLicence(4))).isEmpty();
  }

  @Test
  void anApplicationNotVerifiedOnSiteCannotBeApprovedOnlyRejectedOrReturned() {
    ProcessInstance pi = start(EnrollmentFixture.eastLicence(5));
    verify(pi, false, true, 5);
    assertThat(pi).isWaitingAt(Element.APPROVE);
    Assertions.assertThat(runtimeService.getVariable(pi.getId(), Var.VERIFIED)).isEqualTo(false);
    Assertions.assertThat(runtimeService.getVariable(pi.getId(), Var.VERIFICATION_TEXT)).asString().contains("店鋪不存在");
    assertRefused(pi, "wangfang", REGIONAL_EAST, Map.of(Var.DECISION, "APPROVE"), "現場核實未通過");
    decide(pi, Map.of(Var.DECISION, "REJECT", Var.DECISION_REASON, "現場未找到店鋪"));
    complete("zhangwei", MANAGER, task(pi), Map.of());
    assertThat(pi).hasPassed(Element.END_REJECTED).isEnded();
    Assertions.assertThat(customers.findByLicence(EnrollmentFixture.eastLicence(5))).isEmpty();
  }

  @Test
  void aLicenceTakenBetweenApplicationAndApprovalEndsAsARejectionNotAnIncident() {
    String licence = EnrollmentFixture.eastLicence(6);
    ProcessInstance pi = start(licence);
    verify(pi, true, true, 3);
    decide(pi, Map.of(Var.DECISION, "APPROVE"));
    // meanwhile an import brings a customer with this licence
    customers.insert(new Customer("C0999901", "導入的店", licence, LocalDate.of(2030, 1, 1), "東區某路 1 號", "EAST",
        "zhangwei", 3, "超市", "某人", "13900000000", CustomerStatus.ACTIVE, LocalDate.now(), null));
    execute(job(pi));
    assertThat(pi).hasPassed(Element.LICENCE_TAKEN).isWaitingAt(Element.NOTE_REJECTION);
    assertThat(task(pi)).isAssignedTo("zhangwei");
    Assertions.assertThat(runtimeService.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
    NetworkApplicationRepository.Application app = applications.find(pi.getBusinessKey()).orElseThrow();
    Assertions.assertThat(app.status()).isEqualTo(NetworkApplicationRepository.Status.REJECTED);
    Assertions.assertThat(app.decisionReason()).contains("C0999901");
    Assertions.assertThat(runtimeService.getVariable(pi.getId(), Var.REJECTION_TEXT)).asString().contains("C0999901");
    Assertions.assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cm_customer WHERE licence_no = ?", Integer.class, licence))
        .isOne();
    complete("zhangwei", MANAGER, task(pi), Map.of());
    assertThat(pi).hasPassed(Element.END_REJECTED).isEnded();
  }

  @Test
  void aLicenceExpiredByTheApprovalIsNotApprovedAndOneExpiredBeforeTheEnrollmentEndsAsARejection() {
    String licence = EnrollmentFixture.eastLicence(7);
    LocalDate expiry = calendar.today().plusDays(1);
    Map<String, Object> application = new HashMap<>(EnrollmentFixture.application(licence));
    application.put(Var.LICENCE_EXPIRY, expiry.toString());
    // spaces in the phone are dropped, as in customerInfoChange (decision 83)
    application.put(Var.PHONE, "138 0013 8000");
    ProcessInstance pi = start(application);
    Assertions.assertThat(applications.find(pi.getBusinessKey()).orElseThrow().form().phone()).isEqualTo("13800138000");
    verify(pi, true, true, 3);
    try {
      // the approval comes after the expiry: refused, the task stays for a rejection or a return
      ClockUtil.setCurrentTime(java.util.Date.from(expiry.plusDays(2).atStartOfDay(calendar.zone()).toInstant()));
      assertRefused(pi, "wangfang", REGIONAL_EAST, Map.of(Var.DECISION, "APPROVE"), "許可證已於 " + expiry + " 到期");
      Assertions.assertThat(applications.find(pi.getBusinessKey()).orElseThrow().decision()).isNull();

      // approved in time, but the licence expires before the enrollment job runs
      ClockUtil.reset();
      decide(pi, Map.of(Var.DECISION, "APPROVE"));
      ClockUtil.setCurrentTime(java.util.Date.from(expiry.plusDays(2).atStartOfDay(calendar.zone()).toInstant()));
      execute(job(pi));
    } finally {
      ClockUtil.reset();
    }
    assertThat(pi).hasPassed(Element.LICENCE_TAKEN).isWaitingAt(Element.NOTE_REJECTION);
    Assertions.assertThat(runtimeService.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
    NetworkApplicationRepository.Application app = applications.find(pi.getBusinessKey()).orElseThrow();
    Assertions.assertThat(app.status()).isEqualTo(NetworkApplicationRepository.Status.REJECTED);
    Assertions.assertThat(app.decisionReason()).contains("許可證已於 " + expiry + " 到期");
    Assertions.assertThat(customers.findByLicence(licence)).isEmpty();
    Assertions.assertThat(applications.applicationInProgress(licence)).isEmpty();
    complete("zhangwei", MANAGER, task(pi), Map.of());
    assertThat(pi).hasPassed(Element.END_REJECTED).isEnded();
  }

  @Test
  void aRetailerThatLeftTheNetworkComesBackUnderItsOldCodeWithEveryChangeInTheHistory() {
    exitedBefore = customers.list("zhangwei", null, "EXITED", 1, 0).get(0);
    String licence = exitedBefore.licenceNo();
    Map<String, Object> v = EnrollmentFixture.application(licence);
    v.put("storeName", "重新開業的" + exitedBefore.storeName());
    // the former membership had its reminder for the same expiry the application gives
    LocalDate expiry = LocalDate.parse((String) v.get("licenceExpiry"));
    jdbc.update("INSERT INTO cm_licence_watch (customer_code, licence_expiry, reminder_started_at, reminder_done_at) "
        + "VALUES (?,?,CURRENT_TIMESTAMP,CURRENT_TIMESTAMP)", exitedBefore.customerCode(), expiry);
    ProcessInstance pi = start(v);
    verify(pi, true, true, 4);
    decide(pi, Map.of(Var.DECISION, "APPROVE", Var.GRANTED_GRADE, 4));
    execute(job(pi));
    Assertions.assertThat(runtimeService.getVariable(pi.getId(), Var.CUSTOMER_CODE)).isEqualTo(exitedBefore.customerCode());
    Customer back = customers.find(exitedBefore.customerCode()).orElseThrow();
    Assertions.assertThat(back.status()).isEqualTo(CustomerStatus.ACTIVE);
    Assertions.assertThat(back.exitDate()).isNull();
    Assertions.assertThat(back.exitReason()).isNull();
    Assertions.assertThat(back.entryDate()).isEqualTo(calendar.today());
    Assertions.assertThat(back.storeName()).startsWith("重新開業的");
    Assertions.assertThat(customers.changeHistory(back.customerCode()))
        .filteredOn(c -> "networkEnrollment".equals(c.processKey()))
        .extracting(CustomerRepository.Change::fieldName)
        .contains("status", "store_name", "entry_date", "exit_date")
        .allSatisfy(field -> Assertions.assertThat(field).isNotBlank());
    Assertions.assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cm_customer WHERE licence_no = ?", Integer.class, licence))
        .isOne();
    // the licence watch reminds the returned customer of that expiry again
    Assertions.assertThat(watchPeriods.dueForReminder(expiry.minusDays(1), expiry))
        .extracting(LicenceWatchRepository.Watched::customerCode).contains(back.customerCode());
  }

  @Test
  void theRegionalManagerGivesTheNewCustomerToAnotherCustomerManagerOfTheRegion() {
    staff.save(new StaffDirectory.Staff("zhaoyun", "趙雲", "customer-managers", "EAST", true));
    try {
      ProcessInstance pi = start(EnrollmentFixture.eastLicence(9));
      verify(pi, true, true, 2);
      Assertions.assertThat(runtimeService.getVariableTyped(pi.getId(), Var.MANAGER_CHOICES).getValue().toString())
          .contains("zhangwei", "zhaoyun").doesNotContain("lina");
      decide(pi, Map.of(Var.DECISION, "APPROVE", Var.ASSIGNED_MANAGER, "zhaoyun"));
      execute(job(pi));
      Customer customer = customers.find((String) runtimeService.getVariable(pi.getId(), Var.CUSTOMER_CODE)).orElseThrow();
      Assertions.assertThat(customer.managerId()).isEqualTo("zhaoyun");
      Assertions.assertThat(customer.grade()).isEqualTo(2); // the recommended grade when none is given
      Assertions.assertThat(applications.find(pi.getBusinessKey()).orElseThrow().assignedManagerId()).isEqualTo("zhaoyun");
      execute(job(pi));
      ProcessInstance visit = runtimeService.createProcessInstanceQuery()
          .processDefinitionKey(CustomerVisitProcess.PROCESS_KEY).processInstanceBusinessKey(customer.customerCode())
          .singleResult();
      assertThat(taskService.createTaskQuery().processInstanceId(visit.getId()).singleResult()).isAssignedTo("zhaoyun");
    } finally {
      jdbc.update("DELETE FROM cm_staff WHERE user_id = 'zhaoyun'");
    }
  }

  @Test
  void anApplicationWhoseInstanceAnAdministratorDeletesIsCancelledAndFreesTheLicence() {
    ProcessInstance pi = start(EnrollmentFixture.eastLicence(10));
    runtimeService.deleteProcessInstance(pi.getId(), "entered twice by mistake");
    Assertions.assertThat(applications.find(pi.getBusinessKey()).orElseThrow().status())
        .isEqualTo(NetworkApplicationRepository.Status.CANCELLED);
    Assertions.assertThat(applications.applicationInProgress(EnrollmentFixture.eastLicence(10))).isEmpty();
    ProcessInstance again = start(EnrollmentFixture.eastLicence(10));
    assertThat(again).isWaitingAt(Element.VERIFY_STORE);
  }

  @Test
  void anApplicationDeletedWithCustomListenersSkippedIsCancelledWhenTheLicenceIsAskedForAgain() {
    ProcessInstance pi = start(EnrollmentFixture.eastLicence(11));
    // Cockpit's cancel dialog may skip custom listeners: networkApplicationEnded does not run
    runtimeService.deleteProcessInstance(pi.getId(), "cancelled in Cockpit", true, true);
    Assertions.assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cm_network_application_lock WHERE application_no = ?",
        Integer.class, pi.getBusinessKey())).isOne();
    ProcessInstance again = start(EnrollmentFixture.eastLicence(11));
    assertThat(again).isWaitingAt(Element.VERIFY_STORE);
    Assertions.assertThat(applications.find(pi.getBusinessKey()).orElseThrow().status())
        .isEqualTo(NetworkApplicationRepository.Status.CANCELLED);
  }

  // ---------------------------------------------------------------- bad input (at the same time: EnrollmentConcurrencyTest)

  @Test
  void badTaskInputKeepsTheTaskOpenAndWritesNothing() {
    ProcessInstance pi = start(EnrollmentFixture.eastLicence(8));
    assertRefused(pi, "zhangwei", MANAGER, Map.of(Var.STORE_EXISTS, true, Var.LICENCE_ORIGINAL_SEEN, true,
        Var.RECOMMENDED_GRADE, 3), "核實情況與定級理由");
    assertRefused(pi, "zhangwei", MANAGER, Map.of(Var.STORE_EXISTS, true, Var.LICENCE_ORIGINAL_SEEN, true,
        Var.RECOMMENDED_GRADE, 6, Var.VERIFICATION_NOTES, "x"), "1–5");
    assertRefused(pi, "zhangwei", MANAGER, Map.of(Var.LICENCE_ORIGINAL_SEEN, true, Var.RECOMMENDED_GRADE, 3,
        Var.VERIFICATION_NOTES, "x"), "店鋪是否存在");
    Assertions.assertThat(applications.find(pi.getBusinessKey()).orElseThrow().verifiedAt()).isNull();
    verify(pi, true, true, 3);
    assertRefused(pi, "wangfang", REGIONAL_EAST, Map.of(Var.DECISION, "REJECT"), "不予批准的理由");
    assertRefused(pi, "wangfang", REGIONAL_EAST, Map.of(Var.DECISION, "RETURN"), "退回的理由");
    assertRefused(pi, "wangfang", REGIONAL_EAST, Map.of(Var.DECISION, "MAYBE"), "APPROVE, REJECT or RETURN");
    assertRefused(pi, "wangfang", REGIONAL_EAST, Map.of(Var.DECISION, "APPROVE", Var.ASSIGNED_MANAGER, "lina"),
        "不是 EAST 區域在職的客戶經理");
    assertRefused(pi, "wangfang", REGIONAL_EAST, Map.of(Var.DECISION, "APPROVE", Var.GRANTED_GRADE, 0), "1–5");
    Assertions.assertThat(applications.find(pi.getBusinessKey()).orElseThrow().decision()).isNull();
    Assertions.assertThat(runtimeService.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  // ---------------------------------------------------------------- helpers

  private ProcessInstance start(String licence) {
    return start(EnrollmentFixture.application(licence));
  }

  private ProcessInstance start(Map<String, Object> variables) {
    identityService.setAuthentication("zhangwei", MANAGER);
    try {
      return runtimeService.startProcessInstanceByKey(NetworkEnrollmentProcess.PROCESS_KEY, new HashMap<>(variables));
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void verify(ProcessInstance pi, boolean storeExists, boolean originalSeen, int grade) {
    complete("zhangwei", MANAGER, task(pi), Map.of(Var.STORE_EXISTS, storeExists, Var.LICENCE_ORIGINAL_SEEN,
        originalSeen, Var.RECOMMENDED_GRADE, grade, Var.VERIFICATION_NOTES, "店鋪位於主街,客流量大"));
  }

  private void decide(ProcessInstance pi, Map<String, Object> decision) {
    complete("wangfang", REGIONAL_EAST, task(pi), decision);
  }

  private void complete(String user, List<String> groups, Task task, Map<String, Object> variables) {
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
    Assertions.assertThatThrownBy(() -> complete(user, groups, task, variables))
        .isInstanceOf(InvalidInput.class).hasMessageContaining(message);
    Assertions.assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();
  }

  private Task task(ProcessInstance pi) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
  }

  private Job job(ProcessInstance pi) {
    return managementService.createJobQuery().processInstanceId(pi.getId()).singleResult();
  }
}

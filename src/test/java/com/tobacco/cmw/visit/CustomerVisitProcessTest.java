package com.tobacco.cmw.visit;

import static com.tobacco.cmw.visit.CustomerVisitProcess.Element;
import static com.tobacco.cmw.visit.CustomerVisitProcess.Var;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tobacco.cmw.calendar.WorkCalendar;
import com.tobacco.cmw.customer.Customer;
import com.tobacco.cmw.customer.CustomerRepository;
import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.support.ProcessTestBase;
import com.tobacco.cmw.support.VisitReports;
import com.tobacco.cmw.unlicensed.UnlicensedSellerReportProcess;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.HistoryService;
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
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Every path of {@code customerVisit} from start to end, on the real application and database
 * (§4.1.1–§4.1.4, §4.7), and every bad input answered without writing anything.
 *
 * <p>A sighting of an unlicensed seller starts a real {@code unlicensedSellerReport}, a process this
 * class does not cover: the class runs in an engine of its own whose coverage leaves that process
 * to its own test. The reports started here are deleted after each test.
 */
@TestPropertySource(properties = "camunda.bpm.process-engine-name=visittests")
@Import(CustomerVisitProcessTest.ReportsCoveredByTheirOwnTest.class)
class CustomerVisitProcessTest extends ProcessTestBase {

  /** The coverage settings of the other process tests, with {@code unlicensedSellerReport} excluded. */
  @TestConfiguration
  static class ReportsCoveredByTheirOwnTest {
    @Bean
    static BeanPostProcessor excludeUnlicensedReportsFromCoverage() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
          if (bean instanceof ProcessEngineCoverageProperties) {
            return ProcessEngineCoverageProperties.Companion.builder()
                .assertClassCoverageAtLeast(1.0)
                .excludeProcessDefinitionKeys(UnlicensedSellerReportProcess.PROCESS_KEY)
                .build();
          }
          return bean;
        }
      };
    }
  }

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired CustomerRepository customers;
  @Autowired VisitRepository visits;
  @Autowired WorkCalendar calendar;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;

  private long lastSightingBefore;

  @BeforeEach
  void setUp() {
    init(engine);
    identityService.clearAuthentication();
    lastSightingBefore = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM cm_unlicensed_sighting", Long.class);
  }

  /**
   * The sightings the visits of a test recorded, with the reports they started; the year's report
   * counter goes back to the highest number still in use (other rows may have been numbered since).
   */
  @AfterEach
  void deleteReports() {
    List<String> caseNos = jdbc.queryForList("SELECT report_case_no FROM cm_unlicensed_sighting WHERE id > ? "
        + "AND report_case_no IS NOT NULL", String.class, lastSightingBefore);
    for (String caseNo : caseNos) {
      String instance = jdbc.queryForObject("SELECT process_instance_id FROM cm_unlicensed_report WHERE case_no = ?",
          String.class, caseNo);
      if (runtimeService.createProcessInstanceQuery().processInstanceId(instance).count() > 0) {
        runtimeService.deleteProcessInstance(instance, "test clean-up");
      }
    }
    jdbc.update("DELETE FROM cm_unlicensed_sighting WHERE id > ?", lastSightingBefore);
    for (String caseNo : caseNos) {
      jdbc.update("DELETE FROM cm_unlicensed_report WHERE case_no = ?", caseNo);
    }
    int year = calendar.today().getYear();
    Integer highest = jdbc.queryForObject("SELECT MAX(case_seq) FROM cm_unlicensed_report WHERE case_year = ?",
        Integer.class, year);
    if (highest == null) {
      jdbc.update("DELETE FROM cm_unlicensed_number WHERE case_year = ?", year);
    } else {
      jdbc.update("UPDATE cm_unlicensed_number SET last_number = ? WHERE case_year = ?", highest, year);
    }
  }

  // ---------------------------------------------------------------- paths

  @Test
  void regularVisitWithoutViolationIsRecordedWithSignInAndOrderSuggestions() {
    Customer customer = activeCustomer("EAST", 1);
    LocalDate planned = calendar.firstWorkingDayOnOrAfter(calendar.today().plusDays(1));
    ProcessInstance pi = startRegular(customer.customerCode(), planned.toString());

    assertThat(pi).isWaitingAt(Element.VISIT_CUSTOMER);
    assertThat(pi).hasBusinessKey(customer.customerCode());
    assertThat(task(pi)).isAssignedTo(customer.managerId()).hasDueDate(calendar.endOfWorkingDay(planned));
    Assertions.assertThat(task(pi).getName()).contains(customer.storeName());

    List<Map<String, Object>> rows = filledRows(pi, null);
    taskService.complete(task(pi).getId(), report(rows, "張老闆"));

    assertThat(pi).isWaitingAt(Element.RECORD_VISIT);
    execute(job(pi));
    assertThat(pi).hasPassedInOrder(Element.START_REGULAR, Element.OPEN_VISIT, Element.VISIT_CUSTOMER,
        Element.CHECK_REPORT, Element.RECORD_VISIT, Element.UNLICENSED_SELLER_SEEN, Element.SIGHTING_HANDLED,
        Element.PRICE_VIOLATION, Element.END_DONE).isEnded();
    assertThat(pi).hasNotPassed(Element.REPORT_UNLICENSED_SELLER);

    long visitId = visitIdOf(pi);
    VisitRepository.Visit visit = visits.find(visitId).orElseThrow();
    Assertions.assertThat(visit.status()).isEqualTo("DONE");
    Assertions.assertThat(visit.priceViolation()).isFalse();
    Assertions.assertThat(visits.signerOf(visitId)).contains("張老闆");
    List<VisitRepository.CheckRow> checks = visits.checks(visitId);
    Assertions.assertThat(checks).hasSize(rows.size()).allSatisfy(c -> {
      Assertions.assertThat(c.stockCartons()).isEqualByComparingTo("2");
      Assertions.assertThat(c.belowMinPrice()).isFalse();
      // the suggestion follows the documented formula from the customer's own sales
      int expected = Math.max(0, c.dailySales().multiply(BigDecimal.TEN).setScale(1, java.math.RoundingMode.HALF_UP)
          .subtract(new BigDecimal("2"))
          .setScale(0, java.math.RoundingMode.CEILING).intValue());
      Assertions.assertThat(c.suggestedOrder()).isEqualTo(expected);
    });
    Assertions.assertThat(checks).anySatisfy(c -> Assertions.assertThat(c.suggestedOrder()).isPositive());
    Assertions.assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cm_stock WHERE visit_id = ?", Integer.class, visitId))
        .isEqualTo(rows.size());

    // the next visit's count replaces the stock of the same brands
    ProcessInstance next = startRegular(customer.customerCode(), planned.toString());
    List<Map<String, Object>> recount = filledRows(next, null);
    recount.forEach(row -> row.put("stockCartons", 7));
    taskService.complete(task(next).getId(), report(recount, "張老闆"));
    execute(job(next));
    long nextVisitId = visitIdOf(next);
    Assertions.assertThat(jdbc.queryForList("SELECT quantity_cartons FROM cm_stock WHERE customer_code = ? AND visit_id = ?",
        BigDecimal.class, customer.customerCode(), nextVisitId)).hasSize(recount.size())
        .allSatisfy(q -> Assertions.assertThat(q).isEqualByComparingTo("7"));
    Assertions.assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cm_stock WHERE visit_id = ?", Integer.class, visitId))
        .isZero();
  }

  @Test
  void specialVisitWithPriceBelowMinimumIsDowngradedOnApproval() {
    Customer customer = activeCustomer("EAST", 2);
    ProcessInstance pi = startSpecial(customer.customerCode(), "客戶反映貨架被損壞");

    assertThat(pi).isWaitingAt(Element.VISIT_CUSTOMER);
    assertThat(task(pi)).hasDueDate(calendar.endOfWorkingDaysFromToday(1));
    Assertions.assertThat(jdbc.queryForObject("SELECT situation FROM cm_special_visit_record WHERE visit_id = ?",
        String.class, visitIdOf(pi))).isEqualTo("客戶反映貨架被損壞");

    List<Map<String, Object>> rows = filledRows(pi, 0);
    Map<String, Object> report = report(rows, "李店長");
    report.put(Var.SPECIAL_HANDLING, "已協助更換貨架");
    report.put(Var.UNLICENSED_SELLER_SEEN, true);
    report.put(Var.UNLICENSED_PLACE, "解放路與中山路口流動攤位");
    report.put(Var.UNLICENSED_DESCRIPTION, "無證擺攤售煙");
    taskService.complete(task(pi).getId(), report);
    execute(job(pi));

    // §4.7: the sighting is reported in a step of its own: unlicensedSellerReport for the customer's
    // region, reported by the visit's manager, near the visited customer; the downgrade decision does
    // not wait for it
    assertThat(pi).isWaitingAt(Element.REPORT_UNLICENSED_SELLER, Element.DECIDE_DOWNGRADE);
    execute(job(pi));
    long sightingVisit = visitIdOf(pi);
    String caseNo = jdbc.queryForObject("SELECT report_case_no FROM cm_unlicensed_sighting WHERE visit_id = ?",
        String.class, sightingVisit);
    Assertions.assertThat(caseNo).matches("WZ-\\d{4}-\\d{5}");
    Map<String, Object> reportRow = jdbc.queryForMap("SELECT * FROM cm_unlicensed_report WHERE case_no = ?", caseNo);
    Assertions.assertThat(reportRow).containsEntry("REGION_CODE", "EAST").containsEntry("REPORTER_ID", customer.managerId())
        .containsEntry("NEAR_CUSTOMER_CODE", customer.customerCode()).containsEntry("PLACE", "解放路與中山路口流動攤位")
        .containsEntry("STATUS", "REPORTED").containsEntry("VISIT_ID", sightingVisit);
    ProcessInstance reportInstance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
        .processDefinitionKey(UnlicensedSellerReportProcess.PROCESS_KEY).singleResult();
    assertThat(reportInstance).isWaitingAt(UnlicensedSellerReportProcess.Element.REVIEW);
    assertThat(task(reportInstance)).hasCandidateGroup("regional-managers-east");
    // decision 67: no customerCode on the report, so an exit of the customer does not end it
    Assertions.assertThat(runtimeService.getVariables(reportInstance.getId())).doesNotContainKey(Var.CUSTOMER_CODE)
        .containsEntry(UnlicensedSellerReportProcess.Var.NEAR_CUSTOMER_CODE, customer.customerCode());

    assertThat(pi).isWaitingAt(Element.DECIDE_DOWNGRADE);
    assertThat(task(pi)).hasCandidateGroup("regional-managers-east").isNotAssigned();
    Assertions.assertThat((String) runtimeService.getVariable(pi.getId(), Var.VIOLATION_EVIDENCE)).contains("低於最低零售指導價");

    decideAs(pi, "wangfang", "regional-managers-east", CustomerVisitProcess.DECISION_APPROVE, "違反價格規定,降級處理");
    execute(job(pi));

    assertThat(pi).hasPassed(Element.START_SPECIAL, Element.REPORT_UNLICENSED_SELLER, Element.DOWNGRADE_CUSTOMER).isEnded();
    assertThat(pi).hasPassed(Element.END_DOWNGRADED);
    long visitId = visitIdOf(pi);
    Customer after = customers.find(customer.customerCode()).orElseThrow();
    Assertions.assertThat(after.grade()).isEqualTo(customer.grade() + 1);
    Assertions.assertThat(customers.gradeChanges(customer.customerCode()))
        .filteredOn(g -> g.processInstanceId().equals(pi.getId())).singleElement().satisfies(g -> {
      Assertions.assertThat(g.oldGrade()).isEqualTo(customer.grade());
      Assertions.assertThat(g.newGrade()).isEqualTo(customer.grade() + 1);
      Assertions.assertThat(g.visitId()).isEqualTo(visitId);
      Assertions.assertThat(g.approvedBy()).isEqualTo("wangfang");
      Assertions.assertThat(g.reason()).contains("低於最低零售指導價").contains("違反價格規定");
    });
    Assertions.assertThat(visits.downgradeRequestOf(visitId).orElseThrow().decision()).isEqualTo("APPROVED");
    Assertions.assertThat(jdbc.queryForObject("SELECT handling FROM cm_special_visit_record WHERE visit_id = ?",
        String.class, visitId)).isEqualTo("已協助更換貨架");
    Assertions.assertThat(jdbc.queryForObject("SELECT place FROM cm_unlicensed_sighting WHERE visit_id = ?",
        String.class, visitId)).isEqualTo("解放路與中山路口流動攤位");
  }

  @Test
  void rejectedDowngradeIsRecordedAndTheGradeStays() {
    Customer customer = activeCustomer("WEST", 3);
    ProcessInstance pi = startRegular(customer.customerCode(), calendar.firstWorkingDayOnOrAfter(calendar.today()).toString());
    taskService.complete(task(pi).getId(), report(filledRows(pi, 1), "王女士"));
    execute(job(pi));
    assertThat(task(pi)).hasCandidateGroup("regional-managers-west");

    decideAs(pi, "chenjing", "regional-managers-west", CustomerVisitProcess.DECISION_REJECT, "標價簽錯誤,已當場更正");

    assertThat(pi).hasPassed(Element.RECORD_DECISION, Element.END_DOWNGRADE_REJECTED).isEnded();
    Assertions.assertThat(customers.find(customer.customerCode()).orElseThrow().grade()).isEqualTo(customer.grade());
    Assertions.assertThat(customers.gradeChanges(customer.customerCode()))
        .noneMatch(g -> g.processInstanceId().equals(pi.getId()));
    Assertions.assertThat(jdbc.queryForMap("SELECT decision, decided_by, comment FROM cm_downgrade_request WHERE visit_id = ?",
        visitIdOf(pi))).containsEntry("DECISION", "REJECTED").containsEntry("DECIDED_BY", "chenjing");
  }

  @Test
  void anOverdueVisitIsEscalatedToTheRegionalManagerOneWorkingDayLater() {
    Customer customer = activeCustomer("EAST", 4);
    LocalDate planned = calendar.firstWorkingDayOnOrAfter(calendar.today());
    ProcessInstance pi = startRegular(customer.customerCode(), planned.toString());

    Job timer = managementService.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    Assertions.assertThat(timer.getDuedate()).isEqualTo(calendar.endOfWorkingDay(calendar.workingDaysAfter(planned, 1)));
    execute(timer);
    execute(job(pi));

    assertThat(pi).isWaitingAt(Element.VISIT_CUSTOMER, Element.FOLLOW_UP_OVERDUE);
    Task followUp = taskService.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(Element.FOLLOW_UP_OVERDUE).singleResult();
    assertThat(followUp).hasCandidateGroup("regional-managers-east");
    Assertions.assertThat(visits.find(visitIdOf(pi)).orElseThrow().escalatedAt()).isNotNull();

    Assertions.assertThatThrownBy(() -> taskService.complete(followUp.getId(), Map.of(Var.FOLLOW_UP_NOTE, "  ")))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("督辦意見");
    identityService.setAuthentication("wangfang", List.of("regional-managers", "regional-managers-east"));
    try {
      taskService.complete(followUp.getId(), Map.of(Var.FOLLOW_UP_NOTE, "已與客戶經理約定明日上午訪問"));
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(pi).hasPassed(Element.RECORD_FOLLOW_UP, Element.END_OVERDUE_FOLLOWED_UP).isWaitingAt(Element.VISIT_CUSTOMER);
    Assertions.assertThat(jdbc.queryForMap("SELECT escalation_note, escalation_followed_up_by FROM cm_visit WHERE id = ?",
        visitIdOf(pi))).containsEntry("ESCALATION_NOTE", "已與客戶經理約定明日上午訪問")
        .containsEntry("ESCALATION_FOLLOWED_UP_BY", "wangfang");

    Task visitTask = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    taskService.complete(visitTask.getId(), report(filledRows(pi, null), "趙先生"));
    execute(job(pi));
    assertThat(pi).hasPassed(Element.END_DONE).isEnded();
  }

  @Test
  void variablesSetByTheAssigneeCannotRedirectTheRecordsOrTheDecision() {
    Customer mine = activeCustomer("EAST", 8);
    Customer other = activeCustomer("EAST", 9);
    String day = calendar.firstWorkingDayOnOrAfter(calendar.today()).toString();
    ProcessInstance pi = startRegular(mine.customerCode(), day);
    ProcessInstance otherVisit = startRegular(other.customerCode(), day);
    long otherVisitId = visitIdOf(otherVisit);

    Map<String, Object> tampered = report(filledRows(pi, 0), "丁");
    tampered.put(Var.VISIT_ID, otherVisitId);
    tampered.put(Var.CUSTOMER_CODE, other.customerCode());
    tampered.put(Var.VISIT_TYPE, "SPECIAL");
    tampered.put("regionalManagersGroup", "customer-managers");
    taskService.complete(task(pi).getId(), tampered);
    execute(job(pi));

    // the report went to this process's own visit, the other visit is untouched
    long ownVisitId = visits.ofProcessInstance(pi.getId()).id();
    Assertions.assertThat(visits.find(ownVisitId).orElseThrow().status()).isEqualTo("DONE");
    Assertions.assertThat(visits.find(otherVisitId).orElseThrow().status()).isEqualTo("OPEN");
    // the decision still belongs to the regional managers of the customer's region, shows the
    // customer's real data and is due by the end of the second working day
    assertThat(task(pi)).hasCandidateGroup("regional-managers-east")
        .hasDueDate(calendar.endOfWorkingDaysFromToday(2));
    Assertions.assertThat(task(pi).getName()).contains(mine.storeName());
    Assertions.assertThat(runtimeService.getVariables(pi.getId())).containsEntry(Var.CUSTOMER_CODE, mine.customerCode())
        .containsEntry(Var.VISIT_ID, ownVisitId).containsEntry(Var.CUSTOMER_GRADE, mine.grade());
    Assertions.assertThat(taskService.createTaskQuery().taskId(task(pi).getId()).taskCandidateGroup("customer-managers").count())
        .isZero();
  }

  @Test
  void aGradeFiveCustomerStaysAtFiveAndTheApprovalIsRecorded() {
    String code = jdbc.queryForObject("SELECT MIN(customer_code) FROM cm_customer WHERE status = 'ACTIVE' AND grade = 5 "
        + "AND region_code = 'EAST'", String.class);
    ProcessInstance pi = startRegular(code, calendar.firstWorkingDayOnOrAfter(calendar.today()).toString());
    taskService.complete(task(pi).getId(), report(filledRows(pi, 0), "戊"));
    execute(job(pi));
    decideAs(pi, "wangfang", "regional-managers-east", CustomerVisitProcess.DECISION_APPROVE, "降級處理");
    execute(job(pi));
    assertThat(pi).hasPassed(Element.END_DOWNGRADED).isEnded();
    Assertions.assertThat(customers.find(code).orElseThrow().grade()).isEqualTo(5);
    Assertions.assertThat(customers.gradeChanges(code)).noneMatch(g -> g.processInstanceId().equals(pi.getId()));
    Assertions.assertThat(visits.downgradeRequestOf(visitIdOf(pi)).orElseThrow().decision()).isEqualTo("APPROVED");
  }

  @Test
  void aFailingRecordingStepRetriesAndEndsAsAnIncidentWithTheFormKept() {
    Customer customer = activeCustomer("WEST", 10);
    ProcessInstance pi = startRegular(customer.customerCode(), calendar.firstWorkingDayOnOrAfter(calendar.today()).toString());
    taskService.complete(task(pi).getId(), report(filledRows(pi, null), "己"));
    // a technical fault: the visit record disappears before it can be written
    jdbc.update("UPDATE cm_visit SET process_instance_id = 'gone' WHERE process_instance_id = ?", pi.getId());
    Job job = job(pi);
    for (int attempt = 1; attempt <= 3; attempt++) {
      Assertions.assertThatThrownBy(() -> managementService.executeJob(job.getId())).hasMessageContaining("no visit for process instance");
    }
    Assertions.assertThat(managementService.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isZero();
    Assertions.assertThat(runtimeService.createIncidentQuery().processInstanceId(pi.getId()).singleResult().getIncidentMessage())
        .contains("no visit for process instance");
    // the submitted report is still there to be recorded once the fault is repaired
    Assertions.assertThat(runtimeService.getVariable(pi.getId(), Var.CUSTOMER_SIGNER_NAME)).isEqualTo("己");
    jdbc.update("UPDATE cm_visit SET process_instance_id = ? WHERE process_instance_id = 'gone'", pi.getId());
    managementService.setJobRetries(job.getId(), 1);
    managementService.executeJob(job.getId());
    assertThat(pi).hasPassed(Element.END_DONE).isEnded();
  }

  @Test
  void aReportThatCannotStartRetriesAndEndsAsAnIncidentWithTheVisitRecorded() {
    Customer customer = activeCustomer("WEST", 12);
    ProcessInstance pi = startRegular(customer.customerCode(), calendar.firstWorkingDayOnOrAfter(calendar.today()).toString());
    Map<String, Object> report = report(filledRows(pi, null), "庚");
    report.put(Var.UNLICENSED_SELLER_SEEN, true);
    report.put(Var.UNLICENSED_PLACE, "西湖大道 88 號旁報刊亭");
    report.put(Var.UNLICENSED_DESCRIPTION, "報刊亭無證銷售卷煙");
    taskService.complete(task(pi).getId(), report);
    execute(job(pi));
    long visitId = visitIdOf(pi);
    Assertions.assertThat(visits.find(visitId).orElseThrow().status()).isEqualTo("DONE");
    // a technical fault: the sighting's customer cannot be found when the report opens
    jdbc.update("UPDATE cm_unlicensed_sighting SET customer_code = 'GONE' WHERE visit_id = ?", visitId);
    Job job = job(pi);
    for (int attempt = 1; attempt <= 3; attempt++) {
      Assertions.assertThatThrownBy(() -> managementService.executeJob(job.getId())).hasMessageContaining("customer GONE");
    }
    Assertions.assertThat(runtimeService.createIncidentQuery().processInstanceId(pi.getId()).singleResult()
        .getActivityId()).isEqualTo(Element.REPORT_UNLICENSED_SELLER);
    Assertions.assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cm_unlicensed_report WHERE visit_id = ?", Long.class,
        visitId)).isZero();
    // the visit's own path did not wait for the report: only the report's step keeps the visit running
    assertThat(pi).hasPassed(Element.REPORT_IN_PARALLEL, Element.END_DONE).isNotEnded();
    // repaired, the retried job reports the sighting once
    jdbc.update("UPDATE cm_unlicensed_sighting SET customer_code = ? WHERE visit_id = ?", customer.customerCode(), visitId);
    managementService.setJobRetries(job.getId(), 1);
    managementService.executeJob(job.getId());
    assertThat(pi).hasPassed(Element.REPORT_UNLICENSED_SELLER, Element.END_SIGHTING_REPORTED, Element.END_DONE).isEnded();
    Assertions.assertThat(jdbc.queryForMap("SELECT region_code, status FROM cm_unlicensed_report WHERE visit_id = ?", visitId))
        .containsEntry("REGION_CODE", "WEST").containsEntry("STATUS", "REPORTED");
  }

  // ---------------------------------------------------------------- bad input

  @Test
  void anUnknownCustomerIsRefusedAndNothingIsStarted() {
    long instances = runtimeService.createProcessInstanceQuery().count();
    long visitRows = countVisits();
    Assertions.assertThatThrownBy(() -> startRegular("C99999", calendar.today().toString()))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("客戶代碼「C99999」不存在");
    Assertions.assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
    Assertions.assertThat(countVisits()).isEqualTo(visitRows);
  }

  @Test
  void aSpecialSituationOfAnExitedCustomerIsRefused() {
    String exited = jdbc.queryForObject("SELECT MIN(customer_code) FROM cm_customer WHERE status = 'EXITED'", String.class);
    long visitRows = countVisits();
    Assertions.assertThatThrownBy(() -> startSpecial(exited, "店鋪已關門"))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("已退網");
    Assertions.assertThat(countVisits()).isEqualTo(visitRows);
    Assertions.assertThat(runtimeService.createIncidentQuery().count()).isZero();
  }

  @Test
  void aPlannedDayInThePastOrOnAHolidayIsRefused() {
    String code = activeCustomer("EAST", 5).customerCode();
    Assertions.assertThatThrownBy(() -> startRegular(code, calendar.today().minusDays(1).toString()))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("早於今天");
    LocalDate weekend = calendar.today().plusDays(1);
    while (calendar.isWorkingDay(weekend)) {
      weekend = weekend.plusDays(1);
    }
    String nonWorking = weekend.toString();
    Assertions.assertThatThrownBy(() -> startRegular(code, nonWorking))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("不是工作日");
    Assertions.assertThatThrownBy(() -> startRegular(code, "明天"))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("不是日期");
  }

  @Test
  void badVisitReportsKeepTheTaskOpenAndWriteNothing() {
    Customer customer = activeCustomer("EAST", 6);
    ProcessInstance pi = startRegular(customer.customerCode(), calendar.firstWorkingDayOnOrAfter(calendar.today()).toString());
    String taskId = task(pi).getId();
    long visitId = visitIdOf(pi);

    List<Map<String, Object>> negative = filledRows(pi, null);
    negative.get(0).put("stockCartons", -3);
    assertRefused(taskId, report(negative, "甲"), "庫存應在 0 至");

    List<Map<String, Object>> tooExpensive = filledRows(pi, null);
    tooExpensive.get(0).put("shelfPricePack", 10000);
    assertRefused(taskId, report(tooExpensive, "甲"), "不超過 9999");

    List<Map<String, Object>> notANumber = filledRows(pi, null);
    notANumber.get(0).put("shelfPricePack", "十五元");
    assertRefused(taskId, report(notANumber, "甲"), "不是數字");

    List<Map<String, Object>> unknownBrand = filledRows(pi, null);
    unknownBrand.get(0).put("brandCode", "B999");
    assertRefused(taskId, report(unknownBrand, "甲"), "不在品牌目錄中");

    Map<String, Object> unconfirmed = report(filledRows(pi, null), "甲");
    unconfirmed.put(Var.CUSTOMER_CONFIRMED, false);
    assertRefused(taskId, unconfirmed, "客戶在記錄簿上簽名確認");

    Map<String, Object> noSigner = report(filledRows(pi, null), "");
    assertRefused(taskId, noSigner, "客戶簽名確認(姓名)");

    List<Map<String, Object>> dropped = filledRows(pi, null);
    dropped.remove(0);
    assertRefused(taskId, report(dropped, "甲"), "請核對全部品牌的庫存與價格");

    Map<String, Object> sightingWithoutPlace = report(filledRows(pi, null), "甲");
    sightingWithoutPlace.put(Var.UNLICENSED_SELLER_SEEN, true);
    assertRefused(taskId, sightingWithoutPlace, "無證經營地點");

    assertThat(pi).isWaitingAt(Element.VISIT_CUSTOMER);
    Assertions.assertThat(visits.find(visitId).orElseThrow().status()).isEqualTo("OPEN");
    Assertions.assertThat(visits.signerOf(visitId)).isEmpty();
    Assertions.assertThat(visits.checks(visitId)).isEmpty();
    Assertions.assertThat(runtimeService.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
    Assertions.assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).messages().count()).isZero();
  }

  @Test
  void aDowngradeDecisionWithoutCommentIsRefused() {
    Customer customer = activeCustomer("EAST", 7);
    ProcessInstance pi = startRegular(customer.customerCode(), calendar.firstWorkingDayOnOrAfter(calendar.today()).toString());
    taskService.complete(task(pi).getId(), report(filledRows(pi, 0), "丙"));
    execute(job(pi));
    String taskId = task(pi).getId();
    assertRefused(taskId, Map.of(Var.DOWNGRADE_DECISION, "APPROVE", Var.DECISION_COMMENT, " "), "審批意見");
    assertRefused(taskId, Map.of(Var.DOWNGRADE_DECISION, "MAYBE", Var.DECISION_COMMENT, "x"), "同意降級");
    assertThat(pi).isWaitingAt(Element.DECIDE_DOWNGRADE);
    Assertions.assertThat(visits.downgradeRequestOf(visitIdOf(pi)).orElseThrow().decision()).isEqualTo("PENDING");
  }

  // ---------------------------------------------------------------- helpers

  @Test
  void theBusinessKeyIsAlwaysTheCustomerCode() {
    Customer customer = activeCustomer("EAST", 11);
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(CustomerVisitProcess.PROCESS_KEY, "C-OTHER",
        Map.of(Var.CUSTOMER_CODE, customer.customerCode(),
            Var.PLANNED_DATE, calendar.firstWorkingDayOnOrAfter(calendar.today()).toString()));
    assertThat(pi).hasBusinessKey(customer.customerCode());
  }

  private ProcessInstance startRegular(String customerCode, String plannedDate) {
    return runtimeService.startProcessInstanceByKey(CustomerVisitProcess.PROCESS_KEY,
        Map.of(Var.CUSTOMER_CODE, customerCode, Var.PLANNED_DATE, plannedDate));
  }

  private ProcessInstance startSpecial(String customerCode, String situation) {
    return runtimeService.createMessageCorrelation(CustomerVisitProcess.MESSAGE_SPECIAL_SITUATION)
        .setVariable(Var.CUSTOMER_CODE, customerCode)
        .setVariable(Var.SITUATION, situation)
        .correlateStartMessage();
  }

  /** The n-th active customer of a region with a grade that can still go down (test isolation by n). */
  private Customer activeCustomer(String region, int n) {
    String code = jdbc.queryForList("SELECT customer_code FROM cm_customer WHERE region_code = ? AND status = 'ACTIVE' "
        + "AND grade < 5 ORDER BY customer_code", String.class, region).get(n);
    return customers.find(code).orElseThrow();
  }

  /** The pre-filled rows with stock 2 and a lawful shelf price; row {@code belowMinRow} priced below the minimum. */
  private List<Map<String, Object>> filledRows(ProcessInstance pi, Integer belowMinRow) {
    List<Map<String, Object>> rows = VisitReports.filledRows(json,
        runtimeService.getVariable(pi.getId(), Var.BRAND_CHECKS).toString(), belowMinRow);
    Assertions.assertThat(rows).isNotEmpty();
    return rows;
  }

  private Map<String, Object> report(List<Map<String, Object>> rows, String signer) {
    return VisitReports.report(json, rows, signer);
  }

  private void decideAs(ProcessInstance pi, String userId, String regionGroup, String decision, String comment) {
    identityService.setAuthentication(userId, List.of("regional-managers", regionGroup));
    try {
      taskService.complete(task(pi).getId(), Map.of(Var.DOWNGRADE_DECISION, decision, Var.DECISION_COMMENT, comment));
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void assertRefused(String taskId, Map<String, Object> variables, String message) {
    Assertions.assertThatThrownBy(() -> taskService.complete(taskId, variables))
        .isInstanceOf(InvalidInput.class).hasMessageContaining(message);
    Assertions.assertThat(taskService.createTaskQuery().taskId(taskId).count()).isOne();
  }

  private long visitIdOf(ProcessInstance pi) {
    return ((Number) historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(Var.VISIT_ID).singleResult().getValue()).longValue();
  }

  private long countVisits() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM cm_visit", Long.class);
  }
}

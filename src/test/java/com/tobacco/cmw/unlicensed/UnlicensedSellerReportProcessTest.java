package com.tobacco.cmw.unlicensed;

import static com.tobacco.cmw.unlicensed.UnlicensedSellerReportProcess.Element;
import static com.tobacco.cmw.unlicensed.UnlicensedSellerReportProcess.Var;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.tobacco.cmw.calendar.WorkCalendar;
import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.support.ProcessTestBase;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
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
 * Every path of {@code unlicensedSellerReport} (§3.7, §4.7) on the real application and database:
 * forwarded to the monopoly department, its result acknowledged by sales operations; closed as a
 * duplicate of an open report of the same place, whose result the duplicate then shows; the
 * department's deadline passing and the regional managers' follow-up; duplicate links refused; bad
 * input answered without writing anything, not even a case number. Rows created here are deleted
 * after each test.
 */
class UnlicensedSellerReportProcessTest extends ProcessTestBase {

  static final List<String> MANAGER = List.of("customer-managers");
  static final List<String> REGIONAL_EAST = List.of("regional-managers", "regional-managers-east");
  static final List<String> REGIONAL_WEST = List.of("regional-managers", "regional-managers-west");
  static final List<String> MONOPOLY = List.of("monopoly-department");
  static final List<String> SALES_OPERATIONS = List.of("sales-operations");
  static final String PLACE = "解放路與中山路口流動攤位";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired UnlicensedReportRepository reports;
  @Autowired UnlicensedReports views;
  @Autowired WorkCalendar calendar;
  @Autowired JdbcTemplate jdbc;
  @Autowired UnreportedSightings unreportedSightings;

  private final List<ProcessInstance> started = new ArrayList<>();
  private Integer counterBefore;
  private int year;

  @BeforeEach
  void setUp() {
    init(engine);
    identityService.clearAuthentication();
    year = calendar.today().getYear();
    counterBefore = counter();
  }

  @AfterEach
  void cleanUp() {
    identityService.clearAuthentication();
    for (ProcessInstance pi : started) {
      if (runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count() > 0) {
        runtimeService.deleteProcessInstance(pi.getId(), "test clean-up");
      }
    }
    List<String> caseNos = started.stream().map(ProcessInstance::getBusinessKey).toList();
    for (String caseNo : caseNos) {
      jdbc.update("UPDATE cm_unlicensed_report SET duplicate_of = NULL WHERE case_no = ?", caseNo);
    }
    for (String caseNo : caseNos) {
      jdbc.update("DELETE FROM cm_unlicensed_evidence WHERE case_no = ?", caseNo);
      jdbc.update("DELETE FROM cm_unlicensed_report WHERE case_no = ?", caseNo);
    }
    // back to the highest number still in use, never below a row that exists
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
  void aForwardedReportGetsTheMonopolyResultWhichSalesOperationsAcknowledge() {
    ProcessInstance pi = report("zhangwei", PLACE, "無證擺攤銷售卷煙,約二十條");
    String caseNo = pi.getBusinessKey();
    Assertions.assertThat(caseNo).matches("WZ-" + year + "-\\d{5}");
    assertThat(pi).isWaitingAt(Element.REVIEW);
    assertThat(task(pi)).hasCandidateGroup("regional-managers-east").isNotAssigned();
    Assertions.assertThat(task(pi).getName()).isEqualTo("處理無證經營舉報：" + caseNo);
    Assertions.assertThat(runtimeService.getVariables(pi.getId())).doesNotContainKey("customerCode")
        .containsEntry(Var.REGION_NAME, "東區").containsEntry(Var.REPORTER_NAME, "張偉");
    UnlicensedReportRepository.Report opened = reports.find(caseNo).orElseThrow();
    Assertions.assertThat(opened.status()).isEqualTo(ReportStatus.REPORTED);
    Assertions.assertThat(opened.regionCode()).isEqualTo("EAST");
    Assertions.assertThat(opened.reporterId()).isEqualTo("zhangwei");
    Assertions.assertThat(opened.processInstanceId()).isEqualTo(pi.getId());

    completeAs("wangfang", REGIONAL_EAST, pi, Map.of(Var.REVIEW_DECISION, "FORWARD", Var.REVIEW_COMMENT, "請專賣部門查處"));
    assertThat(pi).isWaitingAt(Element.INVESTIGATE);
    java.util.Date due = calendar.endOfWorkingDay(calendar.workingDaysAfter(calendar.today(), 1));
    assertThat(task(pi)).hasCandidateGroup("monopoly-department").hasDueDate(due);
    Assertions.assertThat(reports.find(caseNo).orElseThrow()).satisfies(r -> {
      Assertions.assertThat(r.status()).isEqualTo(ReportStatus.FORWARDED);
      Assertions.assertThat(r.reviewedBy()).isEqualTo("wangfang");
      Assertions.assertThat(r.investigationDue()).isEqualTo(due.toInstant());
    });

    completeAs("zhaolei", MONOPOLY, pi, Map.of(Var.MONOPOLY_RESULT, "CONFIRMED_DEALT", Var.RESULT_NOTE,
        "已依法取締,沒收卷煙 18 條", Var.RESULT_DATE, calendar.today().toString()));
    assertThat(pi).isWaitingAt(Element.ACKNOWLEDGE);
    assertThat(task(pi)).hasCandidateGroup("sales-operations");
    Assertions.assertThat((String) runtimeService.getVariable(pi.getId(), Var.RESULT_TEXT))
        .isEqualTo("確認并已處理(" + calendar.today() + "):已依法取締,沒收卷煙 18 條");

    completeAs("sunli", SALES_OPERATIONS, pi, Map.of(Var.ACKNOWLEDGEMENT_NOTE, "已知悉"));
    assertThat(pi).hasPassedInOrder(Element.START, Element.OPEN_REPORT, Element.REVIEW, Element.RECORD_REVIEW,
        Element.FORWARDED, Element.INVESTIGATE, Element.RECORD_RESULT, Element.ACKNOWLEDGE,
        Element.RECORD_ACKNOWLEDGEMENT, Element.END_ACKNOWLEDGED).isEnded();
    UnlicensedReportRepository.Report closed = reports.find(caseNo).orElseThrow();
    Assertions.assertThat(closed.status()).isEqualTo(ReportStatus.CLOSED);
    Assertions.assertThat(closed.result()).isEqualTo(MonopolyResult.CONFIRMED_DEALT);
    Assertions.assertThat(closed.resultBy()).isEqualTo("zhaolei");
    Assertions.assertThat(closed.resultDate()).isEqualTo(calendar.today());
    Assertions.assertThat(closed.acknowledgedBy()).isEqualTo("sunli");
    Assertions.assertThat(closed.acknowledgement()).isEqualTo("已知悉");
    Assertions.assertThat(closed.closedAt()).isNotNull();
    Assertions.assertThat(closed.overdueAt()).isNull();
  }

  @Test
  void aDuplicateIsClosedIntoTheOpenReportOfTheSamePlaceAndShowsItsResult() {
    ProcessInstance first = report("zhangwei", PLACE, "流動攤位售煙");
    ProcessInstance elsewhere = report("zhangwei", "慶春路 200 號雜貨鋪後門", "無證售煙");
    // written differently: spaces, full-width letters and punctuation do not make another place
    ProcessInstance second = report("zhangwei", " 解放路與中山路口,流動攤位。", "又見該攤位售煙");
    Task review = task(second);
    // the choices are what the server accepts, every open report of the region: the matching place first, marked
    String candidates = taskService.getVariableLocal(review.getId(), Var.DUPLICATE_CANDIDATES).toString();
    Assertions.assertThat(candidates).contains("【同一地點】" + first.getBusinessKey())
        .contains(elsewhere.getBusinessKey()).doesNotContain("【同一地點】" + elsewhere.getBusinessKey())
        .doesNotContain(second.getBusinessKey());
    Assertions.assertThat(candidates.indexOf(first.getBusinessKey())).isLessThan(candidates.indexOf(elsewhere.getBusinessKey()));
    Assertions.assertThat((String) taskService.getVariableLocal(review.getId(), Var.DUPLICATE_HINT)).contains("1 件");
    Assertions.assertThat((String) taskService.getVariableLocal(task(elsewhere).getId(), Var.DUPLICATE_HINT))
        .contains("沒有");

    completeAs("wangfang", REGIONAL_EAST, second, Map.of(Var.REVIEW_DECISION, "DUPLICATE",
        Var.DUPLICATE_OF, first.getBusinessKey(), Var.REVIEW_COMMENT, "同一攤位"));
    assertThat(second).hasPassed(Element.RECORD_REVIEW, Element.FORWARDED, Element.END_DUPLICATE)
        .hasNotPassed(Element.INVESTIGATE).isEnded();
    UnlicensedReportRepository.Report duplicate = reports.find(second.getBusinessKey()).orElseThrow();
    Assertions.assertThat(duplicate.status()).isEqualTo(ReportStatus.DUPLICATE);
    Assertions.assertThat(duplicate.duplicateOf()).isEqualTo(first.getBusinessKey());
    Assertions.assertThat(duplicate.closedAt()).isNotNull();

    // the original lists its duplicates; the duplicate's reporter sees the original's result when it comes
    identityService.setAuthentication("zhangwei", MANAGER);
    Assertions.assertThat(views.visible(first.getBusinessKey()).duplicates())
        .extracting(UnlicensedReports.Duplicate::caseNo).containsExactly(second.getBusinessKey());
    Assertions.assertThat(views.visible(second.getBusinessKey()).duplicateOf().result()).isNull();
    identityService.clearAuthentication();
    completeAs("wangfang", REGIONAL_EAST, first, Map.of(Var.REVIEW_DECISION, "FORWARD"));
    completeAs("zhaolei", MONOPOLY, first, Map.of(Var.MONOPOLY_RESULT, "TRANSFERRED", Var.RESULT_NOTE,
        "已移交市場監管部門", Var.RESULT_DATE, calendar.today().toString()));
    identityService.setAuthentication("zhangwei", MANAGER);
    UnlicensedReports.Original original = views.visible(second.getBusinessKey()).duplicateOf();
    Assertions.assertThat(original.caseNo()).isEqualTo(first.getBusinessKey());
    Assertions.assertThat(original.result()).isEqualTo(MonopolyResult.TRANSFERRED);
    Assertions.assertThat(original.resultLabel()).isEqualTo("已移交");
    Assertions.assertThat(original.resultNote()).isEqualTo("已移交市場監管部門");
  }

  @Test
  void aDuplicateLinkMustNameAnOpenReportOfTheRegionOtherThanItself() {
    ProcessInstance east = report("zhangwei", PLACE, "流動攤位售煙");
    ProcessInstance west = report("lina", PLACE, "西區同名路口售煙");
    ProcessInstance closedOne = report("zhangwei", PLACE + "旁", "已併案的舉報");
    completeAs("wangfang", REGIONAL_EAST, closedOne, Map.of(Var.REVIEW_DECISION, "DUPLICATE",
        Var.DUPLICATE_OF, east.getBusinessKey()));
    ProcessInstance pi = report("zhangwei", PLACE, "再次發現");
    String taskId = task(pi).getId();

    assertReviewRefused(pi, taskId, pi.getBusinessKey(), "不能與自己併案");
    assertReviewRefused(pi, taskId, west.getBusinessKey(), "不是本區域的舉報");
    assertReviewRefused(pi, taskId, "WZ-1999-00001", "不是本區域的舉報");
    assertReviewRefused(pi, taskId, closedOne.getBusinessKey(), "不能作為併案的原案件");
    assertRefused("wangfang", REGIONAL_EAST, taskId, Map.of(Var.REVIEW_DECISION, "DUPLICATE"), "重複舉報的原案件編號");
    assertRefused("wangfang", REGIONAL_EAST, taskId, Map.of(Var.REVIEW_DECISION, "IGNORE"), "處理意見只能是");
    // a result already recorded is not open any more either
    completeAs("wangfang", REGIONAL_EAST, east, Map.of(Var.REVIEW_DECISION, "FORWARD"));
    completeAs("zhaolei", MONOPOLY, east, Map.of(Var.MONOPOLY_RESULT, "NOT_FOUND", Var.RESULT_NOTE, "現場未發現",
        Var.RESULT_DATE, calendar.today().toString()));
    assertReviewRefused(pi, taskId, east.getBusinessKey(), "不能作為併案的原案件");
    Assertions.assertThat(reports.find(pi.getBusinessKey()).orElseThrow().status()).isEqualTo(ReportStatus.REPORTED);
  }

  @Test
  void aReportClosedIntoAnotherTakesItsOwnDuplicatesAlongAndNoLinkCloses() {
    ProcessInstance a = report("zhangwei", PLACE, "第一次發現");
    ProcessInstance b = report("zhangwei", PLACE, "第二次發現");
    ProcessInstance c = report("zhangwei", PLACE, "第三次發現");
    completeAs("wangfang", REGIONAL_EAST, b, Map.of(Var.REVIEW_DECISION, "DUPLICATE", Var.DUPLICATE_OF, a.getBusinessKey()));
    // a later manager closes A into C: B must follow, or it would wait for a result that never comes
    completeAs("wangfang", REGIONAL_EAST, a, Map.of(Var.REVIEW_DECISION, "DUPLICATE", Var.DUPLICATE_OF, c.getBusinessKey()));
    Assertions.assertThat(reports.find(a.getBusinessKey()).orElseThrow().duplicateOf()).isEqualTo(c.getBusinessKey());
    Assertions.assertThat(reports.find(b.getBusinessKey()).orElseThrow().duplicateOf()).isEqualTo(c.getBusinessKey());
    Assertions.assertThat(reports.duplicatesOf(a.getBusinessKey())).isEmpty();
    Assertions.assertThat(reports.duplicatesOf(c.getBusinessKey())).extracting(UnlicensedReportRepository.Report::caseNo)
        .containsExactlyInAnyOrder(a.getBusinessKey(), b.getBusinessKey());
    // a lost race (the original was closed between the check and the write) writes nothing and says so
    ProcessInstance d = report("zhangwei", PLACE, "第四次發現");
    Assertions.assertThat(reports.closeAsDuplicate(d.getBusinessKey(), a.getBusinessKey(), "wangfang",
        java.time.Instant.now(), null)).isFalse();
    Assertions.assertThat(reports.find(d.getBusinessKey()).orElseThrow().status()).isEqualTo(ReportStatus.REPORTED);
    // and a report decided meanwhile is not closed again
    Assertions.assertThat(reports.closeAsDuplicate(a.getBusinessKey(), d.getBusinessKey(), "wangfang",
        java.time.Instant.now(), null)).isFalse();
    Assertions.assertThat(reports.find(a.getBusinessKey()).orElseThrow().duplicateOf()).isEqualTo(c.getBusinessKey());
  }

  @Test
  void anOverdueInvestigationIsFollowedUpByTheRegionalManagersWhileTheDepartmentKeepsItsTask() {
    ProcessInstance pi = report("zhangwei", PLACE, "流動攤位售煙");
    completeAs("wangfang", REGIONAL_EAST, pi, Map.of(Var.REVIEW_DECISION, "FORWARD"));
    Job timer = managementService.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    Assertions.assertThat(timer.getDuedate()).isEqualTo(task(pi).getDueDate());
    execute(timer);
    Job record = managementService.createJobQuery().processInstanceId(pi.getId()).executable().singleResult();
    execute(record);
    Task followUp = taskAt(pi, Element.FOLLOW_UP_OVERDUE);
    assertThat(followUp).hasCandidateGroup("regional-managers-east");
    Assertions.assertThat(reports.find(pi.getBusinessKey()).orElseThrow().overdueAt()).isNotNull();
    Assertions.assertThat(taskAt(pi, Element.INVESTIGATE)).isNotNull();

    assertRefused("wangfang", REGIONAL_EAST, followUp.getId(), Map.of(Var.FOLLOW_UP_NOTE, " "), "督辦情況");
    identityService.setAuthentication("wangfang", REGIONAL_EAST);
    taskService.complete(followUp.getId(), Map.of(Var.FOLLOW_UP_NOTE, "已電話督促專賣部門今日內查處"));
    identityService.clearAuthentication();
    assertThat(pi).hasPassed(Element.INVESTIGATION_OVERDUE, Element.RECORD_OVERDUE, Element.RECORD_FOLLOW_UP,
        Element.END_FOLLOWED_UP).isWaitingAt(Element.INVESTIGATE);
    UnlicensedReportRepository.Report r = reports.find(pi.getBusinessKey()).orElseThrow();
    Assertions.assertThat(r.overdueFollowedBy()).isEqualTo("wangfang");
    Assertions.assertThat(r.overdueNote()).isEqualTo("已電話督促專賣部門今日內查處");
    Assertions.assertThat(r.status()).isEqualTo(ReportStatus.FORWARDED);
  }

  @Test
  void theResultEndsAnOpenFollowUpAndTheCaseEndsWhenAcknowledged() {
    ProcessInstance pi = report("zhangwei", PLACE, "流動攤位售煙");
    completeAs("wangfang", REGIONAL_EAST, pi, Map.of(Var.REVIEW_DECISION, "FORWARD"));
    execute(managementService.createJobQuery().processInstanceId(pi.getId()).timers().singleResult());
    execute(managementService.createJobQuery().processInstanceId(pi.getId()).executable().singleResult());
    Assertions.assertThat(taskAt(pi, Element.FOLLOW_UP_OVERDUE)).isNotNull();

    completeAt("zhaolei", MONOPOLY, pi, Element.INVESTIGATE, Map.of(Var.MONOPOLY_RESULT, "NOT_FOUND",
        Var.RESULT_NOTE, "現場未發現", Var.RESULT_DATE, calendar.today().toString()));
    // the follow-up ended with the investigation: only sales operations' task is left
    Assertions.assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).list())
        .extracting(Task::getTaskDefinitionKey).containsExactly(Element.ACKNOWLEDGE);
    completeAs("sunli", SALES_OPERATIONS, pi, Map.of(Var.ACKNOWLEDGEMENT_NOTE, "已知悉"));
    assertThat(pi).hasPassed(Element.END_RESULT_RECORDED, Element.END_ACKNOWLEDGED)
        .hasNotPassed(Element.RECORD_FOLLOW_UP).isEnded();
  }

  @Test
  void aResultRecordedAfterTheTimerButBeforeTheOverdueStepOpensNoFollowUp() {
    ProcessInstance pi = report("zhangwei", PLACE, "流動攤位售煙");
    completeAs("wangfang", REGIONAL_EAST, pi, Map.of(Var.REVIEW_DECISION, "FORWARD"));
    execute(managementService.createJobQuery().processInstanceId(pi.getId()).timers().singleResult());
    Assertions.assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).executable().count()).isOne();

    completeAt("zhaolei", MONOPOLY, pi, Element.INVESTIGATE, Map.of(Var.MONOPOLY_RESULT, "NOT_FOUND",
        Var.RESULT_NOTE, "現場未發現", Var.RESULT_DATE, calendar.today().toString()));
    Assertions.assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(pi).isWaitingAt(Element.ACKNOWLEDGE).hasNotPassed(Element.RECORD_OVERDUE);
    UnlicensedReportRepository.Report r = reports.find(pi.getBusinessKey()).orElseThrow();
    Assertions.assertThat(r.overdueAt()).isNull();
    // and the steps write nothing for a report no longer at the monopoly department
    Assertions.assertThat(reports.markOverdue(r.caseNo(), java.time.Instant.now())).isFalse();
    Assertions.assertThat(reports.recordOverdueFollowUp(r.caseNo(), "wangfang", java.time.Instant.now(), "x")).isFalse();
    Assertions.assertThat(reports.find(pi.getBusinessKey()).orElseThrow().overdueAt()).isNull();
  }

  @Test
  void theLoggedInCustomerManagerIsTheReporterWhateverTheVariablesSay() {
    identityService.setAuthentication("lina", MANAGER);
    Map<String, Object> v = reportVariables(PLACE, "西區路口售煙");
    v.put(Var.REPORTER_ID, "zhangwei");
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(UnlicensedSellerReportProcess.PROCESS_KEY, v);
    identityService.clearAuthentication();
    started.add(pi);
    UnlicensedReportRepository.Report r = reports.find(pi.getBusinessKey()).orElseThrow();
    Assertions.assertThat(r.reporterId()).isEqualTo("lina");
    Assertions.assertThat(r.regionCode()).isEqualTo("WEST");
    assertThat(task(pi)).hasCandidateGroup("regional-managers-west");
    // nobody may pass a visit's sighting off as their own report
    identityService.setAuthentication("lina", MANAGER);
    Map<String, Object> claimed = reportVariables(PLACE, "x");
    claimed.put(Var.SIGHTING_ID, 1L);
    Assertions.assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(UnlicensedSellerReportProcess.PROCESS_KEY,
        claimed)).isInstanceOf(InvalidInput.class).hasMessageContaining("由系統根據訪問記錄舉報");
  }

  @Test
  void aStartCarriesOnlyTheReportsOwnFields() {
    String eastCustomer = jdbc.queryForObject("SELECT MIN(customer_code) FROM cm_customer WHERE manager_id = 'zhangwei'",
        String.class);
    Map<String, Object> v = reportVariables(PLACE, "售煙");
    v.put("customerCode", eastCustomer);
    v.put(Var.REVIEW_DECISION, "DUPLICATE");
    v.put(Var.DUPLICATE_OF, "WZ-1999-00001");
    v.put(Var.MONOPOLY_RESULT, "NOT_FOUND");
    v.put(Var.NEAR_CUSTOMER_TEXT, "假的附近客戶");
    v.put(Var.INVESTIGATION_DUE, new java.util.Date());
    ProcessInstance pi = start(v);
    // decision 67: with customerCode an exit of that customer would delete the report
    Assertions.assertThat(runtimeService.getVariables(pi.getId())).doesNotContainKeys("customerCode", Var.REVIEW_DECISION,
        Var.DUPLICATE_OF, Var.MONOPOLY_RESULT, Var.NEAR_CUSTOMER_TEXT, Var.INVESTIGATION_DUE)
        .containsEntry(Var.PLACE, PLACE);
    Assertions.assertThat(runtimeService.createProcessInstanceQuery().variableValueEquals("customerCode", eastCustomer)
        .processDefinitionKey(UnlicensedSellerReportProcess.PROCESS_KEY).count()).isZero();
  }

  @Test
  void aPaddedDecisionIsWrittenBackAsCheckedSoTheGatewayFindsItsPath() {
    ProcessInstance pi = report("zhangwei", PLACE, "流動攤位售煙");
    completeAs("wangfang", REGIONAL_EAST, pi, Map.of(Var.REVIEW_DECISION, " FORWARD "));
    assertThat(pi).isWaitingAt(Element.INVESTIGATE);
    Assertions.assertThat(runtimeService.getVariable(pi.getId(), Var.REVIEW_DECISION)).isEqualTo("FORWARD");
    completeAs("zhaolei", MONOPOLY, pi, Map.of(Var.MONOPOLY_RESULT, "not_found ", Var.RESULT_NOTE, "現場未發現",
        Var.RESULT_DATE, calendar.today().toString()));
    Assertions.assertThat(runtimeService.getVariable(pi.getId(), Var.MONOPOLY_RESULT)).isEqualTo("NOT_FOUND");

    ProcessInstance first = report("zhangwei", PLACE, "流動攤位售煙");
    ProcessInstance second = report("zhangwei", PLACE, "又見");
    completeAs("wangfang", REGIONAL_EAST, second, Map.of(Var.REVIEW_DECISION, "DUPLICATE ",
        Var.DUPLICATE_OF, " " + first.getBusinessKey().toLowerCase(java.util.Locale.ROOT)));
    assertThat(second).hasPassed(Element.END_DUPLICATE).isEnded();
    Assertions.assertThat(reports.find(second.getBusinessKey()).orElseThrow().duplicateOf())
        .isEqualTo(first.getBusinessKey());
  }

  @Test
  void sightingsOfEndedVisitsThatWereNeverReportedAreReportedOnceAtStart() {
    ProcessInstance running = report("zhangwei", PLACE, "仍在進行的訪問");
    Map<String, Object> customer = jdbc.queryForMap("SELECT customer_code, manager_id FROM cm_customer "
        + "WHERE manager_id = 'zhangwei' AND status = 'ACTIVE' ORDER BY customer_code LIMIT 1");
    String code = (String) customer.get("CUSTOMER_CODE");
    List<Long> visitIds = new ArrayList<>();
    List<Long> sightingIds = new ArrayList<>();
    try {
      // a visit ended on the previous version, one cancelled, one whose instance still runs
      for (String[] v : new String[][] {{"old-visit-ended", "DONE"}, {"old-visit-cancelled", "CANCELLED"},
          {running.getId(), "DONE"}}) {
        jdbc.update("INSERT INTO cm_visit (process_instance_id, customer_code, manager_id, visit_type, planned_date, "
            + "due_at, status, checked_brands, created_at) VALUES (?, ?, 'zhangwei', 'REGULAR', CURRENT_DATE, "
            + "CURRENT_TIMESTAMP, ?, '', CURRENT_TIMESTAMP)", v[0], code, v[1]);
        long visitId = jdbc.queryForObject("SELECT id FROM cm_visit WHERE process_instance_id = ?", Long.class, v[0]);
        visitIds.add(visitId);
        jdbc.update("INSERT INTO cm_unlicensed_sighting (visit_id, customer_code, place, description, reported_by, "
            + "reported_at) VALUES (?, ?, '東站廣場報刊亭', '報刊亭無證售煙', 'zhangwei', CURRENT_TIMESTAMP)", visitId, code);
        sightingIds.add(jdbc.queryForObject("SELECT MAX(id) FROM cm_unlicensed_sighting", Long.class));
      }
      List<String> reported = unreportedSightings.report();
      reported.forEach(caseNo -> started.add(runtimeService.createProcessInstanceQuery()
          .processInstanceBusinessKey(caseNo).singleResult()));
      Assertions.assertThat(reported).hasSize(1);
      UnlicensedReportRepository.Report r = reports.find(reported.get(0)).orElseThrow();
      Assertions.assertThat(r.visitId()).isEqualTo(visitIds.get(0));
      Assertions.assertThat(r.reporterId()).isEqualTo("zhangwei");
      Assertions.assertThat(r.regionCode()).isEqualTo("EAST");
      Assertions.assertThat(r.status()).isEqualTo(ReportStatus.REPORTED);
      Assertions.assertThat(jdbc.queryForList("SELECT status FROM cm_unlicensed_sighting WHERE id IN (?, ?, ?) ORDER BY id",
          String.class, sightingIds.toArray())).containsExactly("REPORTED", "NEW", "NEW");
      // once: the next start reports nothing again
      Assertions.assertThat(unreportedSightings.report()).isEmpty();
    } finally {
      for (long id : sightingIds) {
        jdbc.update("DELETE FROM cm_unlicensed_sighting WHERE id = ?", id);
      }
      for (long id : visitIds) {
        jdbc.update("UPDATE cm_unlicensed_report SET visit_id = NULL WHERE visit_id = ?", id);
        jdbc.update("DELETE FROM cm_visit WHERE id = ?", id);
      }
    }
  }

  // ---------------------------------------------------------------- bad input

  @Test
  void badReportsAreAnsweredClearlyAndChangeNothing() {
    long rows = jdbc.queryForObject("SELECT COUNT(*) FROM cm_unlicensed_report", Long.class);
    long instances = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(UnlicensedSellerReportProcess.PROCESS_KEY).count();
    assertStartRefused(without(reportVariables(PLACE, "售煙"), Var.PLACE), "請填寫「無證經營地點」");
    assertStartRefused(reportVariables("  ,。!  ", "售煙"), "不能只有標點");
    assertStartRefused(reportVariables("路".repeat(201), "售煙"), "最多 200 字");
    assertStartRefused(reportVariables(PLACE, "煙".repeat(2001)), "最多 2000 字");
    assertStartRefused(without(reportVariables(PLACE, "售煙"), Var.DESCRIPTION), "請填寫「無證經營情況描述」");
    assertStartRefused(with(reportVariables(PLACE, "售煙"), Var.SEEN_AT,
        ZonedDateTime.now(calendar.zone()).plusHours(2).toOffsetDateTime().toString()), "不能晚於現在");
    assertStartRefused(with(reportVariables(PLACE, "售煙"), Var.SEEN_AT, "2016-01-01T10:00"), "早於一年前");
    assertStartRefused(with(reportVariables(PLACE, "售煙"), Var.SEEN_AT, "昨天下午"), "不是日期時間");
    assertStartRefused(without(reportVariables(PLACE, "售煙"), Var.SEEN_AT), "請填寫「發現時間」");
    assertStartRefused(with(reportVariables(PLACE, "售煙"), Var.EVIDENCE_NOTE, "照".repeat(1001)), "最多 1000 字");
    assertStartRefused(with(reportVariables(PLACE, "售煙"), Var.NEAR_CUSTOMER_CODE, "C-NONE"), "不存在");
    String westCustomer = jdbc.queryForObject("SELECT MIN(customer_code) FROM cm_customer WHERE region_code = 'WEST'",
        String.class);
    assertStartRefused(with(reportVariables(PLACE, "售煙"), Var.NEAR_CUSTOMER_CODE, westCustomer), "不在您所屬的區域");
    assertStartRefused(with(reportVariables(PLACE, "售煙"), Var.REPORTER_ID, "wangfang"), "只有在職的客戶經理");
    Assertions.assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cm_unlicensed_report", Long.class)).isEqualTo(rows);
    Assertions.assertThat(runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(UnlicensedSellerReportProcess.PROCESS_KEY).count()).isEqualTo(instances);
    // refused starts give their numbers back
    Assertions.assertThat(counter()).isEqualTo(counterBefore);
  }

  @Test
  void aTimeSeenWithoutOffsetIsCompanyTimeAndTheNearbyCustomerIsKept() {
    String eastCustomer = jdbc.queryForObject("SELECT MIN(customer_code) FROM cm_customer WHERE manager_id = 'zhangwei'",
        String.class);
    LocalDateTime seen = LocalDateTime.now(calendar.zone()).minusHours(3).withSecond(0).withNano(0);
    Map<String, Object> v = reportVariables(PLACE, "售煙");
    v.put(Var.SEEN_AT, seen.toString().substring(0, 16).replace('T', ' '));
    v.put(Var.NEAR_CUSTOMER_CODE, eastCustomer);
    ProcessInstance pi = start(v);
    UnlicensedReportRepository.Report r = reports.find(pi.getBusinessKey()).orElseThrow();
    Assertions.assertThat(r.seenAt()).isEqualTo(seen.atZone(calendar.zone()).toInstant());
    Assertions.assertThat(r.nearCustomerCode()).isEqualTo(eastCustomer);
    Assertions.assertThat((String) runtimeService.getVariable(pi.getId(), Var.NEAR_CUSTOMER_TEXT)).contains(eastCustomer);
  }

  @Test
  void badResultsKeepTheDepartmentsTaskOpenAndWriteNothing() {
    ProcessInstance pi = report("zhangwei", PLACE, "流動攤位售煙");
    completeAs("wangfang", REGIONAL_EAST, pi, Map.of(Var.REVIEW_DECISION, "FORWARD"));
    String taskId = task(pi).getId();
    LocalDate today = calendar.today();
    assertRefused("zhaolei", MONOPOLY, taskId, result("MAYBE", "x", today), "處理結果只能是");
    assertRefused("zhaolei", MONOPOLY, taskId, result("NOT_FOUND", " ", today), "請填寫「處理情況說明」");
    assertRefused("zhaolei", MONOPOLY, taskId, result("NOT_FOUND", "x".repeat(2001), today), "最多 2000 字");
    assertRefused("zhaolei", MONOPOLY, taskId, result("NOT_FOUND", "未發現", today.plusDays(1)), "不能晚於今天");
    assertRefused("zhaolei", MONOPOLY, taskId, result("NOT_FOUND", "未發現", today.minusDays(1)), "不能早於舉報日期");
    assertRefused("zhaolei", MONOPOLY, taskId, result("NOT_FOUND", "未發現", "下週一"), "不是日期");
    UnlicensedReportRepository.Report r = reports.find(pi.getBusinessKey()).orElseThrow();
    Assertions.assertThat(r.status()).isEqualTo(ReportStatus.FORWARDED);
    Assertions.assertThat(r.result()).isNull();
  }

  @Test
  void placesMatchWhenTheyNameTheSamePlace() {
    Assertions.assertThat(PlaceKeys.key(" 解放路與中山路口,流動攤位。")).isEqualTo(PlaceKeys.key(PLACE));
    Assertions.assertThat(PlaceKeys.key("Ｂ座 １０１室")).isEqualTo("b座101室");
    Assertions.assertThat(PlaceKeys.matches(PlaceKeys.key("中山路口"), PlaceKeys.key(PLACE))).isTrue();
    Assertions.assertThat(PlaceKeys.matches(PlaceKeys.key("路口"), PlaceKeys.key(PLACE))).isFalse();
    Assertions.assertThat(PlaceKeys.matches(PlaceKeys.key("慶春路 200 號"), PlaceKeys.key(PLACE))).isFalse();
    Assertions.assertThat(PlaceKeys.matches("", "")).isFalse();
  }

  @Test
  void aPlaceThatGrowsUnderNormalisationStillOpensAReport() {
    ProcessInstance pi = report("zhangwei", "㍿".repeat(200), "招牌寫滿株式会社的小店售煙");
    UnlicensedReportRepository.Report r = reports.find(pi.getBusinessKey()).orElseThrow();
    Assertions.assertThat(r.placeKey()).isEqualTo("株式会社".repeat(200));
    assertThat(pi).isWaitingAt(Element.REVIEW);
    // a key is bounded however much a place grows, and never ends in half a character
    Assertions.assertThat(PlaceKeys.key("ﷺ".repeat(200))).hasSize(PlaceKeys.MAX_KEY);
    Assertions.assertThat(PlaceKeys.key("a" + "𠀀".repeat(600))).hasSize(PlaceKeys.MAX_KEY - 1);
  }

  @Test
  void anEvidenceFileOverTheLimitIsRefusedBeforeItIsRead() {
    ProcessInstance pi = report("zhangwei", PLACE, "流動攤位售煙");
    identityService.setAuthentication("zhangwei", MANAGER);
    try {
      Assertions.assertThatThrownBy(() -> views.addEvidence(pi.getBusinessKey(), "big.pdf", "application/pdf",
              6L * 1024 * 1024, () -> {
                throw new AssertionError("the content was read before its size was checked");
              }))
          .isInstanceOf(InvalidInput.class).hasMessageContaining("不能超過");
    } finally {
      identityService.clearAuthentication();
    }
    Assertions.assertThat(reports.evidence(pi.getBusinessKey())).isEmpty();
  }

  // ---------------------------------------------------------------- helpers

  private ProcessInstance report(String reporter, String place, String description) {
    Map<String, Object> v = reportVariables(place, description);
    v.put(Var.REPORTER_ID, reporter);
    return start(v);
  }

  private ProcessInstance start(Map<String, Object> variables) {
    variables.putIfAbsent(Var.REPORTER_ID, "zhangwei");
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(UnlicensedSellerReportProcess.PROCESS_KEY, variables);
    started.add(pi);
    return pi;
  }

  private Map<String, Object> reportVariables(String place, String description) {
    Map<String, Object> v = new HashMap<>();
    v.put(Var.PLACE, place);
    v.put(Var.DESCRIPTION, description);
    v.put(Var.SEEN_AT, ZonedDateTime.now(calendar.zone()).minusHours(1).toOffsetDateTime().toString());
    v.put(Var.EVIDENCE_NOTE, "手機照片 3 張");
    return v;
  }

  private static Map<String, Object> with(Map<String, Object> v, String name, Object value) {
    v.put(name, value);
    return v;
  }

  private static Map<String, Object> without(Map<String, Object> v, String name) {
    v.remove(name);
    return v;
  }

  private static Map<String, Object> result(String result, String note, Object date) {
    return Map.of(Var.MONOPOLY_RESULT, result, Var.RESULT_NOTE, note, Var.RESULT_DATE, date.toString());
  }

  private void assertStartRefused(Map<String, Object> variables, String message) {
    variables.putIfAbsent(Var.REPORTER_ID, "zhangwei");
    Assertions.assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(UnlicensedSellerReportProcess.PROCESS_KEY,
        variables)).isInstanceOf(InvalidInput.class).hasMessageContaining(message);
  }

  private void assertReviewRefused(ProcessInstance pi, String taskId, String duplicateOf, String message) {
    assertRefused("wangfang", REGIONAL_EAST, taskId, Map.of(Var.REVIEW_DECISION, "DUPLICATE", Var.DUPLICATE_OF,
        duplicateOf), message);
  }

  private void assertRefused(String user, List<String> groups, String taskId, Map<String, Object> variables,
                             String message) {
    identityService.setAuthentication(user, groups);
    try {
      Assertions.assertThatThrownBy(() -> taskService.complete(taskId, variables))
          .isInstanceOf(InvalidInput.class).hasMessageContaining(message);
    } finally {
      identityService.clearAuthentication();
    }
    Assertions.assertThat(taskService.createTaskQuery().taskId(taskId).count()).isOne();
  }

  private void completeAs(String user, List<String> groups, ProcessInstance pi, Map<String, Object> variables) {
    identityService.setAuthentication(user, groups);
    try {
      Task task = task(pi);
      taskService.claim(task.getId(), user);
      taskService.complete(task.getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void completeAt(String user, List<String> groups, ProcessInstance pi, String activityId,
                          Map<String, Object> variables) {
    identityService.setAuthentication(user, groups);
    try {
      Task task = taskAt(pi, activityId);
      taskService.claim(task.getId(), user);
      taskService.complete(task.getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private Task task(ProcessInstance pi) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
  }

  private Task taskAt(ProcessInstance pi, String activityId) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(activityId).singleResult();
  }

  private Integer counter() {
    return jdbc.queryForList("SELECT last_number FROM cm_unlicensed_number WHERE case_year = ?", Integer.class, year)
        .stream().findFirst().orElse(null);
  }
}

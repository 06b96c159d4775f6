package com.tobacco.cmw.exit;

import static com.tobacco.cmw.exit.NetworkExitProcess.Var;
import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.cmw.complaint.QualityComplaintProcess;
import com.tobacco.cmw.customer.CustomerRepository;
import com.tobacco.cmw.planning.VisitScheduleRepository;
import com.tobacco.cmw.salesreport.MonthlySalesFigures;
import com.tobacco.cmw.support.SpringTestBase;
import com.tobacco.cmw.visit.CustomerVisitProcess;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An approved exit ends the running instances of that customer and of no other: two customers of
 * one manager each have a regular visit and a complaint (the first also a special visit and a
 * started visit of a confirmed schedule); the first exits. Its instances end with the reason in
 * history, its visits are CANCELLED, its complaint case ends in the register; the second
 * customer's instances run on. The weekly planner and the monthly report no longer pick the
 * exited customer.
 */
class NetworkExitEndsInstancesTest extends SpringTestBase {

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired CustomerRepository customers;
  @Autowired NetworkExitRepository exits;
  @Autowired VisitScheduleRepository schedules;
  @Autowired MonthlySalesFigures figures;
  @Autowired JdbcTemplate jdbc;
  @Autowired com.tobacco.cmw.complaint.ComplaintRegister register;

  ExitFixture fixture;
  LocalDate today;
  Integer counterBefore;
  int year;

  @BeforeEach
  void setUp() {
    fixture = new ExitFixture(jdbc, customers, runtimeService);
    today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    year = today.getYear();
    counterBefore = jdbc.queryForList("SELECT last_number FROM cm_complaint_number WHERE case_year = ?", Integer.class, year)
        .stream().findFirst().orElse(null);
  }

  @AfterEach
  void cleanUp() {
    identityService.clearAuthentication();
    fixture.cleanUp();
    if (counterBefore == null) {
      jdbc.update("DELETE FROM cm_complaint_number WHERE case_year = ?", year);
    } else {
      jdbc.update("UPDATE cm_complaint_number SET last_number = ? WHERE case_year = ?", counterBefore, year);
    }
  }

  @Test
  void anExitEndsTheInstancesOfThatCustomerAndOfNoOther() {
    String leaving = fixture.customer("zhangwei", "EAST", today.plusYears(2));
    String staying = fixture.customer("zhangwei", "EAST", today.plusYears(2));
    ProcessInstance leavingVisit = visit(leaving);
    ProcessInstance leavingSpecial = runtimeService.createMessageCorrelation(CustomerVisitProcess.MESSAGE_SPECIAL_SITUATION)
        .setVariable("customerCode", leaving).setVariable("situation", "店主說要關店").correlateStartMessage();
    ProcessInstance leavingComplaint = complaint(leaving);
    ProcessInstance stayingVisit = visit(staying);
    ProcessInstance stayingComplaint = complaint(staying);
    // the leaving customer's regular visit was started from a confirmed schedule of this week
    LocalDate monday = today.with(java.time.DayOfWeek.MONDAY);
    long schedule = fixture.schedule("zhangwei", "EAST", monday.plusDays(1400), "CONFIRMED", leaving, monday.plusDays(1402));
    jdbc.update("UPDATE cm_visit_schedule_item SET status = 'STARTED', visit_process_instance_id = ? WHERE schedule_id = ?",
        leavingVisit.getId(), schedule);

    ProcessInstance exit = startExit(leaving);
    String outstanding = (String) runtimeService.getVariable(exit.getId(), Var.OUTSTANDING_TEXT);
    assertThat(outstanding).contains(leavingComplaint.getBusinessKey()).contains("客戶訪問")
        .contains("3 項").doesNotContain(stayingComplaint.getBusinessKey());
    complete(exit, "zhangwei", List.of("customer-managers"),
        Map.of(Var.ALL_SETTLED, true, Var.VERIFICATION_NOTES, "投訴與訪問隨退網終止"));
    complete(exit, "wangfang", List.of("regional-managers", "regional-managers-east"), Map.of(Var.DECISION, "APPROVED"));
    managementService.executeJob(managementService.createJobQuery().processInstanceId(exit.getId()).singleResult().getId());

    String reason = NetworkExitProcess.endReason(leaving);
    for (ProcessInstance pi : List.of(leavingVisit, leavingSpecial, leavingComplaint)) {
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
      HistoricProcessInstance h = historyService.createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).singleResult();
      assertThat(h.getDeleteReason()).isEqualTo(reason);
      assertThat(h.getState()).isEqualTo(HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED);
    }
    for (ProcessInstance pi : List.of(stayingVisit, stayingComplaint)) {
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isOne();
    }
    long exitId = exits.ofProcessInstance(exit.getId()).id();
    assertThat(exits.ended(exitId)).extracting(NetworkExitRepository.EndedInstance::processInstanceId)
        .containsExactlyInAnyOrder(leavingVisit.getId(), leavingSpecial.getId(), leavingComplaint.getId());
    assertThat(exits.ended(exitId)).extracting(NetworkExitRepository.EndedInstance::processKey)
        .containsOnly("customerVisit", "qualityComplaint");
    assertThat(jdbc.queryForList("SELECT status FROM cm_visit WHERE customer_code = ?", String.class, leaving))
        .hasSize(2).containsOnly("CANCELLED");
    assertThat(jdbc.queryForList("SELECT status FROM cm_visit WHERE customer_code = ?", String.class, staying))
        .containsExactly("OPEN");
    Map<String, Object> leavingCase = jdbc.queryForMap("SELECT current_step, closed_at, ended_reason, result FROM "
        + "cm_complaint_case WHERE customer_code = ?", leaving);
    assertThat(leavingCase.get("current_step")).isEqualTo("CUSTOMER_EXITED");
    assertThat(leavingCase.get("closed_at")).isNotNull();
    assertThat(leavingCase.get("ended_reason")).isEqualTo(reason);
    assertThat(leavingCase.get("result")).isNull();
    assertThat(jdbc.queryForObject("SELECT closed_at FROM cm_complaint_case WHERE customer_code = ?", Object.class, staying))
        .isNull();
    // the complaint register shows why the case ended, and finds it by that step
    var rows = register.find(com.tobacco.cmw.security.DataScope.Scope.ALL,
        new com.tobacco.cmw.complaint.ComplaintRegister.Filter(null, null, null, null, leaving, null, null,
            com.tobacco.cmw.complaint.ComplaintStep.CUSTOMER_EXITED, false, null, null), 0, 10, java.time.Instant.now()).rows();
    assertThat(rows).singleElement().satisfies(row -> {
      assertThat(row.currentStepName()).isEqualTo("客戶已退網,案件終止");
      assertThat(row.closedAt()).isNotNull();
      assertThat(row.overdue()).isFalse();
    });
    // the started visit of the confirmed schedule is cancelled, not re-planned, and the regional managers are told
    assertThat(fixture.itemStatus(schedule, leaving)).isEqualTo("SKIPPED");
    assertThat(taskService.createTaskQuery().processInstanceId(exit.getId()).singleResult().getTaskDefinitionKey())
        .isEqualTo(NetworkExitProcess.Element.NOTE_SCHEDULE_CHANGE);

    // the planner and the monthly report leave the exited customer out
    assertThat(schedules.customersToPlan("zhangwei")).extracting(VisitScheduleRepository.CustomerRow::customerCode)
        .doesNotContain(leaving);
    assertThat(figures.withoutOrders("zhangwei", YearMonth.from(today)))
        .extracting(com.tobacco.cmw.salesreport.MonthlyReportContent.CustomerRef::customerCode).contains(staying).doesNotContain(leaving);
  }

  private ProcessInstance visit(String code) {
    return runtimeService.startProcessInstanceByKey(CustomerVisitProcess.PROCESS_KEY,
        Map.of("customerCode", code, "plannedDate", today.plusDays(3).toString()));
  }

  private ProcessInstance complaint(String code) {
    Map<String, Object> v = new HashMap<>();
    v.put(QualityComplaintProcess.Var.CUSTOMER_CODE, code);
    v.put(QualityComplaintProcess.Var.BRAND_CODE, jdbc.queryForObject("SELECT MIN(brand_code) FROM cm_brand", String.class));
    v.put(QualityComplaintProcess.Var.QUANTITY, 2);
    v.put(QualityComplaintProcess.Var.QUANTITY_UNIT, "CARTON");
    v.put(QualityComplaintProcess.Var.DEFECT_DESCRIPTION, "煙支斷裂");
    return runtimeService.startProcessInstanceByKey(QualityComplaintProcess.PROCESS_KEY, v);
  }

  private ProcessInstance startExit(String code) {
    identityService.setAuthentication("zhangwei", List.of("customer-managers"));
    try {
      return runtimeService.startProcessInstanceByKey(NetworkExitProcess.PROCESS_KEY,
          Map.of(Var.CUSTOMER_CODE, code, Var.REASON, "STORE_CLOSED"));
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void complete(ProcessInstance pi, String user, List<String> groups, Map<String, Object> variables) {
    String taskId = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();
    identityService.setAuthentication(user, groups);
    try {
      taskService.complete(taskId, variables);
    } finally {
      identityService.clearAuthentication();
    }
  }
}

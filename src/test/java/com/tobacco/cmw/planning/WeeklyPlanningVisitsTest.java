package com.tobacco.cmw.planning;

import static com.tobacco.cmw.planning.WeeklyVisitPlanningProcess.Element;
import static com.tobacco.cmw.planning.WeeklyVisitPlanningProcess.Var;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tobacco.cmw.calendar.WorkCalendar;
import com.tobacco.cmw.customer.CustomerRepository;
import com.tobacco.cmw.security.StaffDirectory;
import com.tobacco.cmw.support.SpringTestBase;
import com.tobacco.cmw.visit.CustomerVisitProcess;
import java.time.LocalDate;
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
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a confirmed schedule starts (§4.1.1): one regular {@code customerVisit} per planned visit,
 * due at the end of its day, assigned to the manager and linked to its schedule item; never two
 * for one item, also when the step runs again.
 */
class WeeklyPlanningVisitsTest extends SpringTestBase {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired WeeklyPlanner planner;
  @Autowired VisitScheduleRepository schedules;
  @Autowired StartPlannedVisitsDelegate startPlannedVisits;
  @Autowired WorkCalendar calendar;
  @Autowired StaffDirectory staff;
  @Autowired CustomerRepository customers;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;

  final List<PlanningFixture> fixtures = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    fixtures.forEach(f -> f.cleanUp(runtimeService));
  }

  private PlanningFixture fixture(String region) {
    PlanningFixture f = new PlanningFixture(staff, customers, jdbc, region);
    fixtures.add(f);
    return f;
  }

  @BeforeEach
  void setUp() {
    init(engine);
    identityService.clearAuthentication();
  }

  @Test
  void aConfirmedScheduleStartsOneVisitPerPlannedVisitDueOnItsDay() throws Exception {
    PlanningFixture f = fixture("EAST");
    LocalDate week = planner.nextWeekStart().plusWeeks(1);
    String first = f.customer(1, null);
    String second = f.customer(3, null);
    String overdue = f.customer(2, week.minusDays(10));
    String added = f.customer(5, week.minusDays(1));
    WeeklyPlanner.Drafted drafted = planner.draftAndStart(f.managerId, week).orElseThrow();
    ProcessInstance pi = instance(f.managerId, week);

    List<Map<String, Object>> rows = json.readValue(runtimeService.getVariable(pi.getId(), Var.SCHEDULE_ROWS).toString(),
        new TypeReference<>() {});
    rows.stream().filter(r -> second.equals(r.get("customerCode"))).findFirst().orElseThrow()
        .put("visitDate", week.plusDays(3).toString());
    Map<String, Object> vars = new HashMap<>();
    vars.put(Var.SCHEDULE_ROWS, SpinValues.jsonValue(json.writeValueAsString(rows)).create());
    vars.put(Var.ADDED_VISITS, SpinValues.jsonValue(json.writeValueAsString(
        List.of(Map.of("customerCode", added, "visitDate", week.plusDays(4).toString())))).create());
    taskService.complete(task(pi).getId(), vars);
    execute(job(pi));
    execute(job(pi));
    assertThat(pi).hasPassed(Element.START_VISITS, Element.END_CONFIRMED).isEnded();

    Map<String, LocalDate> expected = Map.of(first, week, overdue, week.plusDays(2), second, week.plusDays(3),
        added, week.plusDays(4));
    List<VisitScheduleRepository.Item> items = schedules.items(drafted.scheduleId());
    Assertions.assertThat(items).hasSize(4).allSatisfy(item -> {
      Assertions.assertThat(item.status()).isEqualTo(VisitScheduleRepository.ItemStatus.STARTED);
      LocalDate day = expected.get(item.customerCode());
      Assertions.assertThat(item.visitDate()).isEqualTo(day);
      ProcessInstance visit = runtimeService.createProcessInstanceQuery()
          .processInstanceId(item.visitProcessInstanceId()).singleResult();
      assertThat(visit).hasProcessDefinitionKey(CustomerVisitProcess.PROCESS_KEY).hasBusinessKey(item.customerCode())
          .isWaitingAt(CustomerVisitProcess.Element.VISIT_CUSTOMER);
      assertThat(task(visit)).isAssignedTo(f.managerId).hasDueDate(calendar.endOfWorkingDay(day));
      Assertions.assertThat(jdbc.queryForObject("SELECT planned_date FROM cm_visit WHERE process_instance_id = ?",
          LocalDate.class, visit.getId())).isEqualTo(day);
    });

    // the step run again (a retried job) starts nothing more
    DelegateExecution again = Mockito.mock(DelegateExecution.class);
    Mockito.when(again.getProcessInstanceId()).thenReturn(pi.getId());
    startPlannedVisits.execute(again);
    Assertions.assertThat(openVisits(f.managerId)).isEqualTo(4);
    // and the week is not drafted twice
    Assertions.assertThat(planner.draftAndStart(f.managerId, week)).isEmpty();
    // a customer with a visit still open is not drafted again the week after
    Assertions.assertThat(planner.draftAndStart(f.managerId, week.plusWeeks(1)).orElseThrow().planned()).isZero();
  }

  @Test
  void anAutomaticallyConfirmedScheduleStartsTheDraftedVisits() {
    PlanningFixture f = fixture("WEST");
    LocalDate week = planner.nextWeekStart().plusWeeks(2);
    String first = f.customer(2, null);
    String second = f.customer(4, null);
    WeeklyPlanner.Drafted drafted = planner.draftAndStart(f.managerId, week).orElseThrow();
    ProcessInstance pi = instance(f.managerId, week);

    execute(managementService.createJobQuery().processInstanceId(pi.getId()).timers().singleResult());
    execute(job(pi));
    execute(job(pi));

    assertThat(pi).isWaitingAt(Element.ACKNOWLEDGE);
    assertThat(task(pi)).hasCandidateGroup("regional-managers-west");
    Assertions.assertThat(schedules.items(drafted.scheduleId())).extracting(VisitScheduleRepository.Item::customerCode,
        VisitScheduleRepository.Item::visitDate, VisitScheduleRepository.Item::status).containsExactlyInAnyOrder(
        Assertions.tuple(first, week, VisitScheduleRepository.ItemStatus.STARTED),
        Assertions.tuple(second, week.plusDays(1), VisitScheduleRepository.ItemStatus.STARTED));
    Assertions.assertThat(openVisits(f.managerId)).isEqualTo(2);
  }

  private int openVisits(String managerId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM cm_visit WHERE manager_id = ? AND status = 'OPEN'", Integer.class,
        managerId);
  }

  private ProcessInstance instance(String managerId, LocalDate week) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(WeeklyVisitPlanningProcess.PROCESS_KEY)
        .processInstanceBusinessKey(WeeklyPlanner.businessKey(managerId, week)).singleResult();
  }
}

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
import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.security.StaffDirectory;
import com.tobacco.cmw.support.ProcessTestBase;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of {@code weeklyVisitPlanning} (§4.1.1) from start to end: the Friday timer drafting
 * for every active customer manager, the manager's adjustments and confirmation, the automatic
 * confirmation when the week's first working day reaches 09:00 with the regional manager told,
 * and bad adjustments refused with the task kept and nothing written. Customers here leave the
 * network before the visits would start, so this class starts no {@code customerVisit} (that
 * process has its own coverage); {@link WeeklyPlanningVisitsTest} follows the visits started.
 */
class WeeklyVisitPlanningProcessTest extends ProcessTestBase {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired WeeklyPlanner planner;
  @Autowired VisitScheduleRepository schedules;
  @Autowired ScheduleParties parties;
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

  // ---------------------------------------------------------------- the Friday run

  @Test
  void theFridayTimerRunsOnTheConfiguredCronAndDraftsEveryActiveManager() {
    Job timer = managementService.createJobQuery().processDefinitionKey(WeeklyVisitPlanningProcess.PROCESS_KEY)
        .activityId(Element.START_EVERY_FRIDAY).singleResult();
    // application-test.yaml sets cmw.planning.cron to 0 30 8 ? * FRI: the bean expression reached the deployed timer
    Assertions.assertThat(((TimerEntity) timer).getRepeat()).isEqualTo("0 30 8 ? * FRI");
    ZonedDateTime due = timer.getDuedate().toInstant().atZone(ZoneId.systemDefault());
    Assertions.assertThat(due.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
    Assertions.assertThat(due.toLocalTime()).isEqualTo(LocalTime.of(8, 30));

    LocalDate week = planner.nextWeekStart();
    String label = WeeklyPlanner.weekLabel(week);
    List<String> managers = planner.activeManagerIds();
    List<String> draftedBefore = schedules.managersDrafted(week);
    execute(timer);

    // the run itself ends at once: it only starts the managers' instances
    HistoricProcessInstance run = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(WeeklyVisitPlanningProcess.PROCESS_KEY)
        .processInstanceBusinessKey(WeeklyVisitPlanningProcess.BUSINESS_KEY_PREFIX + label).singleResult();
    Assertions.assertThat(run.getEndTime()).isNotNull();
    Assertions.assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(run.getId())
            .orderPartiallyByOccurrence().asc().list())
        .extracting(HistoricActivityInstance::getActivityId)
        .containsExactly(Element.START_EVERY_FRIDAY, Element.FIX_WEEK, Element.REQUEST_SCHEDULES, Element.END_REQUESTED);
    // one instance and one draft job per manager not drafted before: one manager's failure cannot stop the others
    List<String> requested = managers.stream().filter(m -> !draftedBefore.contains(m)).toList();
    Assertions.assertThat(requested).isNotEmpty();
    for (String manager : requested) {
      ProcessInstance pi = instance(manager, week);
      assertThat(pi).isWaitingAt(Element.DRAFT_SCHEDULE);
      Assertions.assertThat(runtimeService.getVariable(pi.getId(), Var.WEEK_START)).isEqualTo(week.toString());
    }
    // a second run (or a retried one) starts nothing twice
    Assertions.assertThat(planner.requestAll(week)).isEmpty();
    for (String manager : requested) {
      ProcessInstance pi = instance(manager, week);
      execute(job(pi));
      assertThat(pi).hasPassedInOrder(Element.START_REQUESTED, Element.DRAFT_SCHEDULE).isWaitingAt(Element.ADJUST);
    }

    Assertions.assertThat(managers).contains("zhangwei", "lina");
    for (String manager : managers) {
      VisitScheduleRepository.Schedule schedule = schedules.find(manager, week).orElseThrow();
      Assertions.assertThat(schedule.businessKey()).isEqualTo("VS-" + label + "-" + manager);
      Assertions.assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(schedule.businessKey())
          .processDefinitionKey(WeeklyVisitPlanningProcess.PROCESS_KEY).count()).isEqualTo(1);
      assertSpread(schedule, week);
    }
    ProcessInstance zhangwei = instance("zhangwei", week);
    assertThat(zhangwei).isWaitingAt(Element.ADJUST);
    assertThat(task(zhangwei)).isAssignedTo("zhangwei").hasDueDate(parties.confirmBy(week));
    Assertions.assertThat(task(zhangwei).getName()).isEqualTo("調整並確認客戶訪問日程表 " + label);
  }

  /** Planned days are working days of the week, at most the cap a day, spread evenly; the rest not scheduled only when full. */
  private void assertSpread(VisitScheduleRepository.Schedule schedule, LocalDate week) {
    List<VisitScheduleRepository.Item> items = schedules.items(schedule.id());
    Map<LocalDate, Long> perDay = items.stream().filter(i -> i.status() == VisitScheduleRepository.ItemStatus.PLANNED)
        .collect(Collectors.groupingBy(VisitScheduleRepository.Item::visitDate, Collectors.counting()));
    List<LocalDate> days = planner.workingDays(week);
    Assertions.assertThat(days).containsAll(perDay.keySet());
    Assertions.assertThat(perDay.values()).allMatch(n -> n <= 4);
    if (!perDay.isEmpty()) {
      long max = perDay.values().stream().mapToLong(Long::longValue).max().orElseThrow();
      long min = days.stream().mapToLong(d -> perDay.getOrDefault(d, 0L)).min().orElseThrow();
      Assertions.assertThat(max - min).isLessThanOrEqualTo(1);
    }
    long notScheduled = items.stream().filter(i -> i.status() == VisitScheduleRepository.ItemStatus.NOT_SCHEDULED).count();
    if (notScheduled > 0) {
      Assertions.assertThat(perDay.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(4L * days.size());
    }
  }

  // ---------------------------------------------------------------- the manager adjusts and confirms

  @Test
  void theManagerMovesRemovesAndAddsVisitsAndConfirms() throws Exception {
    PlanningFixture f = fixture("EAST");
    LocalDate week = planner.nextWeekStart().plusWeeks(1);
    String neverGrade1 = f.customer(1, null);
    String neverGrade4 = f.customer(4, null);
    String overdue = f.customer(2, week.minusDays(20));   // weekly, due 13 days before the week
    String dueMonday = f.customer(1, week.minusDays(7));  // weekly, due on Monday
    String dueThursday = f.customer(3, week.minusDays(11)); // fortnightly, due on Thursday
    String notDue = f.customer(5, week.minusDays(3));
    String toAdd = f.customer(5, week.minusDays(2));

    WeeklyPlanner.Drafted drafted = planner.draftAndStart(f.managerId, week).orElseThrow();
    ProcessInstance pi = instance(f.managerId, week);
    assertThat(pi).isWaitingAt(Element.ADJUST).hasBusinessKey(WeeklyPlanner.businessKey(f.managerId, week));
    assertThat(task(pi)).isAssignedTo(f.managerId).hasDueDate(parties.confirmBy(week));
    Assertions.assertThat(drafted.planned()).isEqualTo(5);
    Assertions.assertThat(drafted.notScheduled()).isZero();
    // overdue first (never visited before all), one a day over Monday to Friday
    Assertions.assertThat(plannedDays(drafted.scheduleId())).containsExactlyInAnyOrderEntriesOf(Map.of(
        neverGrade1, week, neverGrade4, week.plusDays(1), overdue, week.plusDays(2), dueMonday, week.plusDays(3),
        dueThursday, week.plusDays(4)));
    Assertions.assertThat(plannedDays(drafted.scheduleId())).doesNotContainKeys(notDue, toAdd);

    List<Map<String, Object>> rows = rows(pi);
    Assertions.assertThat(rows).hasSize(5);
    row(rows, dueThursday).put("visitDate", week.toString());
    row(rows, neverGrade4).put("remove", true);
    row(rows, neverGrade4).put("removalReason", "店鋪裝修停業一周");
    Map<String, Object> vars = new HashMap<>();
    vars.put(Var.SCHEDULE_ROWS, SpinValues.jsonValue(json.writeValueAsString(rows)).create());
    vars.put(Var.ADDED_VISITS, SpinValues.jsonValue(json.writeValueAsString(
        List.of(Map.of("customerCode", toAdd, "visitDate", week.plusDays(2).toString())))).create());
    identityService.setAuthentication(f.managerId, List.of("customer-managers"));
    try {
      taskService.complete(task(pi).getId(), vars);
    } finally {
      identityService.clearAuthentication();
    }

    assertThat(pi).isWaitingAt(Element.APPLY_ADJUSTMENTS);
    execute(job(pi));
    assertThat(pi).isWaitingAt(Element.START_VISITS);
    VisitScheduleRepository.Schedule schedule = schedules.find(drafted.scheduleId()).orElseThrow();
    Assertions.assertThat(schedule.status()).isEqualTo(VisitScheduleRepository.Status.CONFIRMED);
    Assertions.assertThat(schedule.confirmedBy()).isEqualTo(f.managerId);
    Map<String, VisitScheduleRepository.Item> items = items(drafted.scheduleId());
    Assertions.assertThat(items.get(dueThursday)).satisfies(i -> {
      Assertions.assertThat(i.visitDate()).isEqualTo(week);
      Assertions.assertThat(i.draftedDate()).isEqualTo(week.plusDays(4));
      Assertions.assertThat(i.origin()).isEqualTo(VisitScheduleRepository.Origin.MOVED);
    });
    Assertions.assertThat(items.get(neverGrade4).status()).isEqualTo(VisitScheduleRepository.ItemStatus.REMOVED);
    Assertions.assertThat(items.get(neverGrade4).removalReason()).isEqualTo("店鋪裝修停業一周");
    Assertions.assertThat(items.get(toAdd)).satisfies(i -> {
      Assertions.assertThat(i.origin()).isEqualTo(VisitScheduleRepository.Origin.ADDED);
      Assertions.assertThat(i.visitDate()).isEqualTo(week.plusDays(2));
      Assertions.assertThat(i.status()).isEqualTo(VisitScheduleRepository.ItemStatus.PLANNED);
    });
    Assertions.assertThat(items.get(neverGrade1).origin()).isEqualTo(VisitScheduleRepository.Origin.DRAFTED);

    // the customers leave the network before the visits start: none is started, each is noted
    for (String code : List.of(neverGrade1, overdue, dueMonday, dueThursday, toAdd)) {
      f.exit(code);
    }
    execute(job(pi));

    assertThat(pi).hasPassedInOrder(Element.START_DRAFTED, Element.ADJUST, Element.CHECK_ADJUSTMENTS,
        Element.APPLY_ADJUSTMENTS, Element.CONFIRMED, Element.START_VISITS, Element.HOW_CONFIRMED, Element.END_CONFIRMED)
        .isEnded();
    assertThat(pi).hasNotPassed(Element.ACKNOWLEDGE);
    Assertions.assertThat(items(drafted.scheduleId()).values()).filteredOn(i -> !i.customerCode().equals(neverGrade4))
        .allSatisfy(i -> {
          Assertions.assertThat(i.status()).isEqualTo(VisitScheduleRepository.ItemStatus.SKIPPED);
          Assertions.assertThat(i.note()).contains("不在網");
          Assertions.assertThat(i.visitProcessInstanceId()).isNull();
        });
  }

  // ---------------------------------------------------------------- not confirmed in time

  @Test
  void aDraftNotConfirmedByMondayNineIsConfirmedAsDraftedAndTheRegionalManagerIsTold() {
    PlanningFixture f = fixture("WEST");
    LocalDate week = planner.nextWeekStart().plusWeeks(2);
    String first = f.customer(2, null);
    String second = f.customer(3, null);
    WeeklyPlanner.Drafted drafted = planner.draftAndStart(f.managerId, week).orElseThrow();
    ProcessInstance pi = instance(f.managerId, week);

    Job timer = managementService.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    Date mondayNine = Date.from(week.atTime(9, 0).atZone(SHANGHAI).toInstant());
    Assertions.assertThat(timer.getDuedate()).isEqualTo(mondayNine);
    execute(timer);

    assertThat(pi).isWaitingAt(Element.CONFIRM_AS_DRAFTED);
    execute(job(pi));
    VisitScheduleRepository.Schedule schedule = schedules.find(drafted.scheduleId()).orElseThrow();
    Assertions.assertThat(schedule.status()).isEqualTo(VisitScheduleRepository.Status.AUTO_CONFIRMED);
    Assertions.assertThat(schedule.confirmedBy()).isEqualTo("system");
    Assertions.assertThat(schedule.regionalNotifiedAt()).isNotNull();
    Assertions.assertThat(plannedDays(drafted.scheduleId())).containsExactlyInAnyOrderEntriesOf(
        Map.of(first, week, second, week.plusDays(1)));

    f.exit(first);
    f.exit(second);
    execute(job(pi));

    assertThat(pi).isWaitingAt(Element.ACKNOWLEDGE);
    Task notice = task(pi);
    assertThat(notice).hasCandidateGroup("regional-managers-west").isNotAssigned();
    Assertions.assertThat(notice.getName()).contains(WeeklyPlanner.weekLabel(week)).contains("測試經理" + f.managerId);
    Assertions.assertThatThrownBy(() -> taskService.complete(notice.getId(), Map.of("acknowledged", false)))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("已知悉");
    identityService.setAuthentication("chenjing", List.of("regional-managers", "regional-managers-west"));
    try {
      taskService.complete(notice.getId(), Map.of("acknowledged", true));
    } finally {
      identityService.clearAuthentication();
    }

    assertThat(pi).hasPassedInOrder(Element.START_DRAFTED, Element.NOT_CONFIRMED, Element.CONFIRM_AS_DRAFTED,
        Element.CONFIRMED, Element.START_VISITS, Element.HOW_CONFIRMED, Element.ACKNOWLEDGE,
        Element.RECORD_ACKNOWLEDGEMENT, Element.END_AUTO_CONFIRMED).isEnded();
    assertThat(pi).hasNotPassed(Element.CHECK_ADJUSTMENTS);
    VisitScheduleRepository.Schedule after = schedules.find(drafted.scheduleId()).orElseThrow();
    Assertions.assertThat(after.acknowledgedBy()).isEqualTo("chenjing");
    Assertions.assertThat(after.acknowledgedAt()).isNotNull();
  }

  @Test
  void theDeadlineIsNineOnTheWeeksFirstWorkingDay() {
    // 國慶: Monday 5 Oct 2026 is a holiday, the week's first working day is Thursday 8 Oct
    Assertions.assertThat(parties.confirmBy(LocalDate.parse("2026-10-05")))
        .isEqualTo(Date.from(LocalDate.parse("2026-10-08").atTime(9, 0).atZone(SHANGHAI).toInstant()));
    Assertions.assertThat(parties.confirmBy(LocalDate.parse("2026-11-30")))
        .isEqualTo(Date.from(LocalDate.parse("2026-11-30").atTime(9, 0).atZone(SHANGHAI).toInstant()));
  }

  // ---------------------------------------------------------------- bad input

  @Test
  void badAdjustmentsAreRefusedWithAClearMessageTheTaskStaysAndNothingIsWritten() throws Exception {
    PlanningFixture f = fixture("EAST");
    PlanningFixture other = fixture("EAST");
    LocalDate week = planner.nextWeekStart().plusWeeks(3);
    String planned = f.customer(1, null);
    List<String> spare = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      spare.add(f.customer(5, week.minusDays(1)));
    }
    String foreign = other.customer(1, week.minusDays(1));
    WeeklyPlanner.Drafted drafted = planner.draftAndStart(f.managerId, week).orElseThrow();
    ProcessInstance pi = instance(f.managerId, week);
    String taskId = task(pi).getId();
    List<Map<String, Object>> before = snapshot(drafted.scheduleId());
    String monday = week.toString();

    record Case(String name, List<Map<String, Object>> rows, List<Map<String, Object>> added, String message) {}
    List<Case> cases = List.of(
        new Case("unknown customer", rows(pi), List.of(Map.of("customerCode", "NOSUCH1", "visitDate", monday)), "「NOSUCH1」不存在"),
        new Case("another manager's customer", rows(pi), List.of(Map.of("customerCode", foreign, "visitDate", monday)),
            "不是您負責的客戶"),
        new Case("customer already planned", rows(pi), List.of(Map.of("customerCode", planned, "visitDate", monday)),
            "已在日程表中"),
        new Case("Saturday of the week", withRow(rows(pi), planned, "visitDate", week.plusDays(5).toString()), List.of(),
            "不是本周(" + WeeklyPlanner.weekLabel(week) + ")的工作日"),
        new Case("a day of the next week", withRow(rows(pi), planned, "visitDate", week.plusDays(7).toString()), List.of(),
            "不是本周"),
        new Case("not a date", withRow(rows(pi), planned, "visitDate", "下周一"), List.of(), "不是日期"),
        new Case("removal without reason", withRow(withRow(rows(pi), planned, "remove", true), planned, "removalReason", "  "),
            List.of(), "刪除訪問須填寫原因"),
        new Case("an item of no schedule", withRow(rows(pi), planned, "itemId", 999999999L), List.of(), "不是本日程表的計劃訪問"),
        new Case("over the daily cap", rows(pi), spare.stream().map(c -> Map.<String, Object>of("customerCode", c,
            "visitDate", monday)).toList(), "安排了 5 個訪問,超過每日上限 4 個"));

    for (Case c : cases) {
      Map<String, Object> vars = Map.of(
          Var.SCHEDULE_ROWS, SpinValues.jsonValue(json.writeValueAsString(c.rows())).create(),
          Var.ADDED_VISITS, SpinValues.jsonValue(json.writeValueAsString(c.added())).create());
      Assertions.assertThatThrownBy(() -> taskService.complete(taskId, vars)).as(c.name())
          .isInstanceOf(InvalidInput.class).hasMessageContaining(c.message());
      Assertions.assertThat(taskService.createTaskQuery().taskId(taskId).count()).as(c.name()).isEqualTo(1);
      assertThat(pi).isWaitingAt(Element.ADJUST);
      Assertions.assertThat(snapshot(drafted.scheduleId())).as(c.name()).isEqualTo(before);
      Assertions.assertThat(schedules.find(drafted.scheduleId()).orElseThrow().status()).as(c.name())
          .isEqualTo(VisitScheduleRepository.Status.DRAFT);
    }
  }

  // ---------------------------------------------------------------- helpers

  private ProcessInstance instance(String managerId, LocalDate week) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(WeeklyVisitPlanningProcess.PROCESS_KEY)
        .processInstanceBusinessKey(WeeklyPlanner.businessKey(managerId, week)).singleResult();
  }

  private Map<String, LocalDate> plannedDays(long scheduleId) {
    return schedules.items(scheduleId).stream().filter(i -> i.status() == VisitScheduleRepository.ItemStatus.PLANNED)
        .collect(Collectors.toMap(VisitScheduleRepository.Item::customerCode, VisitScheduleRepository.Item::visitDate));
  }

  private Map<String, VisitScheduleRepository.Item> items(long scheduleId) {
    return schedules.items(scheduleId).stream()
        .collect(Collectors.toMap(VisitScheduleRepository.Item::customerCode, i -> i));
  }

  private List<Map<String, Object>> rows(ProcessInstance pi) throws Exception {
    return json.readValue(runtimeService.getVariable(pi.getId(), Var.SCHEDULE_ROWS).toString(), new TypeReference<>() {});
  }

  private static Map<String, Object> row(List<Map<String, Object>> rows, String customerCode) {
    return rows.stream().filter(r -> customerCode.equals(r.get("customerCode"))).findFirst().orElseThrow();
  }

  private static List<Map<String, Object>> withRow(List<Map<String, Object>> rows, String customerCode, String key,
                                                   Object value) {
    row(rows, customerCode).put(key, value);
    return rows;
  }

  private List<Map<String, Object>> snapshot(long scheduleId) {
    return jdbc.queryForList("SELECT * FROM cm_visit_schedule_item WHERE schedule_id = ? ORDER BY id", scheduleId);
  }
}

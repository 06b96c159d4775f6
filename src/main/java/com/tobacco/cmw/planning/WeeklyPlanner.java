package com.tobacco.cmw.planning;

import static com.tobacco.cmw.planning.WeeklyVisitPlanningProcess.Var;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tobacco.cmw.calendar.WorkCalendar;
import com.tobacco.cmw.security.ProcessAccess;
import com.tobacco.cmw.visit.CustomerVisitProcess;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drafts the 客戶訪問日程表 of a week (§4.1.1): per customer manager the due customers by the
 * {@code visitFrequency} decision (asked once per grade) and the last completed visit, spread by
 * {@link DraftRule} over the week's working days, written to the schedule tables, and one
 * {@code weeklyVisitPlanning} instance started on message {@code VisitScheduleDrafted} for the
 * manager to adjust and confirm.
 *
 * <p>The Friday timer starts one instance per manager ({@link #requestAll}), which drafts its
 * manager's week in a job of its own ({@link #draftInto}): the managers are drafted in parallel
 * by the job executor, and one failure is that manager's incident. The demo calls
 * {@link #draftAll(LocalDate)}, which drafts each manager in a transaction of its own
 * ({@link #draftAndStart}) and starts the instances at the adjust task.
 */
@Service("weeklyPlanner")
public class WeeklyPlanner {

  private static final Logger log = LoggerFactory.getLogger(WeeklyPlanner.class);
  private static final String[] WEEKDAY = {"一", "二", "三", "四", "五", "六", "日"};

  /** Outcome of drafting a week for all managers. */
  public record DraftRun(LocalDate weekStart, int managers, int drafted, int alreadyDrafted, int failed,
                         int plannedVisits, int notScheduled, long millis) {}

  private final VisitScheduleRepository schedules;
  private final WorkCalendar calendar;
  private final DecisionService decisions;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final RepositoryService repository;
  private final ProcessAccess access;
  private final PlanningSettings settings;
  private final ObjectMapper json;
  private final TransactionTemplate ownTransaction;

  public WeeklyPlanner(VisitScheduleRepository schedules, WorkCalendar calendar, DecisionService decisions,
                       RepositoryService repository, RuntimeService runtime, HistoryService history, ProcessAccess access,
                       PlanningSettings settings, ObjectMapper json, PlatformTransactionManager transactions) {
    this.schedules = schedules;
    this.calendar = calendar;
    this.decisions = decisions;
    this.runtime = runtime;
    this.history = history;
    this.repository = repository;
    this.access = access;
    this.settings = settings;
    this.json = json;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  // ---- the week

  /** The Monday after today (company time zone): the week a Friday draft plans. */
  public LocalDate nextWeekStart() {
    return calendar.today().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
  }

  public static LocalDate weekStartOf(LocalDate day) {
    return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  /** ISO week, e.g. 2026-W49. */
  public static String weekLabel(LocalDate weekStart) {
    return String.format("%d-W%02d", weekStart.get(IsoFields.WEEK_BASED_YEAR), weekStart.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  public static String businessKey(String managerId, LocalDate weekStart) {
    return WeeklyVisitPlanningProcess.BUSINESS_KEY_PREFIX + weekLabel(weekStart) + "-" + managerId;
  }

  /** Monday to Sunday, working days only: 調休 weekend days count, public holidays do not. */
  public List<LocalDate> workingDays(LocalDate weekStart) {
    return workingDays(calendar, weekStart);
  }

  static List<LocalDate> workingDays(WorkCalendar calendar, LocalDate weekStart) {
    List<LocalDate> days = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      LocalDate day = weekStart.plusDays(i);
      if (calendar.isWorkingDay(day)) {
        days.add(day);
      }
    }
    return days;
  }

  public static String dayLabel(LocalDate day) {
    return day + "(" + WEEKDAY[day.getDayOfWeek().getValue() - 1] + ")";
  }

  // ---- the visit frequency

  /** The answers of one deployed version of the decision; a deployed version never changes. */
  private record Intervals(String decisionDefinitionId, Map<Integer, Integer> byGrade) {}

  private volatile Intervals knownIntervals;

  /**
   * Days between visits per grade 1–5, from the process owner's {@code visitFrequency} decision
   * (its latest version). Kept per decision version: the Friday run's drafts, one job per
   * manager, ask the decision once instead of five times each (each evaluation parses FEEL and
   * writes decision history); deploying a new version takes effect at the next draft.
   */
  public Map<Integer, Integer> intervalsByGrade() {
    DecisionDefinition latest = repository.createDecisionDefinitionQuery()
        .decisionDefinitionKey(CustomerVisitProcess.DECISION_VISIT_FREQUENCY).latestVersion().singleResult();
    Intervals known = knownIntervals;
    if (latest != null && known != null && known.decisionDefinitionId().equals(latest.getId())) {
      return known.byGrade();
    }
    Map<Integer, Integer> byGrade = new HashMap<>();
    for (int grade = 1; grade <= 5; grade++) {
      Map<String, Object> input = Map.of("grade", grade);
      Object days = (latest == null
          ? decisions.evaluateDecisionTableByKey(CustomerVisitProcess.DECISION_VISIT_FREQUENCY, input)
          : decisions.evaluateDecisionTableById(latest.getId(), input)).getSingleResult().getEntry("intervalDays");
      byGrade.put(grade, ((Number) days).intValue());
    }
    if (latest != null) {
      knownIntervals = new Intervals(latest.getId(), Map.copyOf(byGrade));
    }
    return byGrade;
  }

  // ---- drafting

  /** User ids of the active customer managers (those the Friday run starts an instance for). */
  public List<String> activeManagerIds() {
    return schedules.activeManagers().stream().map(VisitScheduleRepository.Manager::userId).toList();
  }

  /**
   * Drafts the week for every active customer manager, one transaction each: a manager whose draft
   * fails is logged and counted, the others are drafted. A manager already drafted for the week
   * is left alone. The method the benchmark and the demo call.
   */
  public DraftRun draftAll(LocalDate weekStart) {
    long started = System.currentTimeMillis();
    LocalDate monday = weekStartOf(weekStart);
    Map<Integer, Integer> intervals = intervalsByGrade();
    List<VisitScheduleRepository.Manager> managers = schedules.activeManagers();
    int drafted = 0;
    int already = 0;
    int failed = 0;
    int planned = 0;
    int notScheduled = 0;
    for (VisitScheduleRepository.Manager manager : managers) {
      try {
        Optional<Drafted> result = ownTransaction.execute(s -> draftAndStart(manager.userId(), monday, intervals));
        if (result != null && result.isPresent()) {
          drafted++;
          planned += result.get().planned();
          notScheduled += result.get().notScheduled();
        } else {
          already++;
        }
      } catch (RuntimeException e) {
        failed++;
        log.error("Visit schedule of {} for week {} could not be drafted", manager.userId(), weekLabel(monday), e);
      }
    }
    DraftRun run = new DraftRun(monday, managers.size(), drafted, already, failed, planned, notScheduled,
        System.currentTimeMillis() - started);
    log.info("Visit schedules for {}: {}", weekLabel(monday), run);
    return run;
  }

  /** What one draft holds. */
  public record Drafted(long scheduleId, String processInstanceId, int planned, int notScheduled) {}

  public Optional<Drafted> draftAndStart(String managerId, LocalDate weekStart) {
    return draftAndStart(managerId, weekStart, intervalsByGrade());
  }

  /**
   * Drafts one manager's week and starts the instance in which the manager adjusts it (message
   * {@code VisitScheduleDrafted}); empty when the manager's week was drafted before. Runs in the
   * caller's transaction.
   */
  public Optional<Drafted> draftAndStart(String managerId, LocalDate weekStart, Map<Integer, Integer> intervals) {
    LocalDate monday = weekStartOf(weekStart);
    VisitScheduleRepository.Manager manager = activeManager(managerId);
    if (schedules.exists(managerId, monday)) {
      return Optional.empty();
    }
    Draft draft = draft(manager, monday, intervals);
    ProcessInstance pi = runtime.createMessageCorrelation(WeeklyVisitPlanningProcess.MESSAGE_SCHEDULE_DRAFTED)
        .processInstanceBusinessKey(draft.businessKey()).setVariables(draft.variables()).correlateStartMessage();
    return Optional.of(link(draft, pi.getId(), manager));
  }

  /**
   * The Friday run: starts one instance per active manager whose week is neither drafted nor
   * started yet (message {@code VisitScheduleRequested}); each instance drafts its manager's
   * week in a job of its own ({@link #draftInto}). Returns the managers started.
   */
  public List<String> requestAll(LocalDate weekStart) {
    long started = System.currentTimeMillis();
    LocalDate monday = weekStartOf(weekStart);
    String label = weekLabel(monday);
    Set<String> drafted = new HashSet<>(schedules.managersDrafted(monday));
    Set<String> keys = history.createHistoricProcessInstanceQuery().processDefinitionKey(WeeklyVisitPlanningProcess.PROCESS_KEY)
        .processInstanceBusinessKeyLike(WeeklyVisitPlanningProcess.BUSINESS_KEY_PREFIX + label + "-%").list().stream()
        .map(HistoricProcessInstance::getBusinessKey).collect(Collectors.toSet());
    List<String> requested = new ArrayList<>();
    for (String managerId : activeManagerIds()) {
      String key = businessKey(managerId, monday);
      if (drafted.contains(managerId) || keys.contains(key)) {
        continue;
      }
      runtime.createMessageCorrelation(WeeklyVisitPlanningProcess.MESSAGE_SCHEDULE_REQUESTED)
          .processInstanceBusinessKey(key)
          .setVariable(Var.MANAGER_ID, managerId)
          .setVariable(Var.WEEK_START, monday.toString())
          .setVariable(Var.WEEK_LABEL, label)
          .correlateStartMessage();
      requested.add(managerId);
    }
    log.info("Visit schedules for {}: {} managers requested, {} drafted or started before, in {} ms", label,
        requested.size(), drafted.size(), System.currentTimeMillis() - started);
    return requested;
  }

  /**
   * The draft step of an instance started by {@link #requestAll}: drafts the manager's week, links
   * the schedule to the instance and sets the form's variables on it. A week drafted meanwhile
   * by another instance is an error (the run skips drafted weeks), so no week is drafted twice.
   */
  public Drafted draftInto(DelegateExecution execution) {
    String managerId = (String) execution.getVariable(Var.MANAGER_ID);
    LocalDate monday = weekStartOf(LocalDate.parse((String) execution.getVariable(Var.WEEK_START)));
    VisitScheduleRepository.Manager manager = activeManager(managerId);
    schedules.find(managerId, monday).ifPresent(s -> {
      throw new IllegalStateException("the visit schedule of " + managerId + " for " + weekLabel(monday)
          + " was drafted before (process instance " + s.processInstanceId() + ")");
    });
    Draft draft = draft(manager, monday, intervalsByGrade());
    execution.setVariables(draft.variables());
    return link(draft, execution.getProcessInstanceId(), manager);
  }

  /** A draft written to the schedule tables, with the variables of its instance. */
  private record Draft(long scheduleId, String businessKey, Map<String, Object> variables, int planned, int notScheduled) {}

  private VisitScheduleRepository.Manager activeManager(String managerId) {
    return schedules.manager(managerId)
        .orElseThrow(() -> new IllegalStateException("no active customer manager " + managerId));
  }

  private Draft draft(VisitScheduleRepository.Manager manager, LocalDate monday, Map<Integer, Integer> intervals) {
    String managerId = manager.userId();
    List<DraftRule.Candidate> candidates = schedules.customersToPlan(managerId).stream()
        .map(c -> new DraftRule.Candidate(c.customerCode(), c.grade(),
            VisitScheduleRepository.dayOf(c.lastDoneAt(), calendar.zone()), intervals.getOrDefault(c.grade(), 7)))
        .toList();
    List<LocalDate> days = workingDays(monday);
    int cap = settings.getMaxVisitsPerDay();
    List<DraftRule.Line> lines = DraftRule.draft(candidates, monday, days, cap);
    String key = businessKey(managerId, monday);
    long scheduleId = schedules.insertSchedule(manager, monday, weekLabel(monday), key, cap, Instant.now());
    schedules.insertDraftItems(scheduleId, lines);

    List<VisitScheduleRepository.Item> items = schedules.items(scheduleId);
    Map<String, Object> vars = new HashMap<>();
    vars.put(Var.SCHEDULE_ID, scheduleId);
    vars.put(Var.MANAGER_ID, managerId);
    vars.put(Var.MANAGER_NAME, manager.name());
    vars.put(Var.WEEK_START, monday.toString());
    vars.put(Var.WEEK_LABEL, weekLabel(monday));
    vars.put(Var.WEEK_DAYS, days.isEmpty() ? "本周無工作日 / no working day"
        : days.stream().map(WeeklyPlanner::dayLabel).collect(Collectors.joining("、")));
    vars.put(Var.MAX_VISITS_PER_DAY, cap);
    vars.put(Var.SCHEDULE_ROWS, SpinValues.jsonValue(toJson(formRows(items))).create());
    vars.put(Var.ADDED_VISITS, SpinValues.jsonValue("[]").create());
    vars.put(Var.NOT_SCHEDULED, notScheduledText(items));
    int planned = (int) lines.stream().filter(DraftRule.Line::scheduled).count();
    return new Draft(scheduleId, key, vars, planned, lines.size() - planned);
  }

  private Drafted link(Draft draft, String processInstanceId, VisitScheduleRepository.Manager manager) {
    schedules.linkProcessInstance(draft.scheduleId(), processInstanceId);
    access.grantInstance(processInstanceId, manager.userId(), manager.regionCode());
    return new Drafted(draft.scheduleId(), processInstanceId, draft.planned(), draft.notScheduled());
  }

  /** The planned lines as the adjust form edits them. */
  static List<Map<String, Object>> formRows(List<VisitScheduleRepository.Item> items) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (VisitScheduleRepository.Item item : items) {
      if (item.status() != VisitScheduleRepository.ItemStatus.PLANNED) {
        continue;
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("itemId", item.id());
      row.put("customerCode", item.customerCode());
      row.put("customerName", item.customerName());
      row.put("grade", item.grade());
      row.put("lastVisit", item.lastVisitDate() == null ? "從未訪問" : item.lastVisitDate().toString());
      row.put("overdue", item.overdueDays() != 0);
      row.put("visitDate", item.visitDate().toString());
      row.put("remove", false);
      row.put("removalReason", "");
      rows.add(row);
    }
    return rows;
  }

  static String notScheduledText(List<VisitScheduleRepository.Item> items) {
    String text = items.stream().filter(i -> i.status() == VisitScheduleRepository.ItemStatus.NOT_SCHEDULED)
        .map(i -> i.customerCode() + " " + i.customerName() + "(" + i.grade() + "級)")
        .collect(Collectors.joining("、"));
    return text.isEmpty() ? "無 / none" : text;
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

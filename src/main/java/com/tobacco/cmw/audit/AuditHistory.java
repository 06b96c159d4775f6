package com.tobacco.cmw.audit;

import com.tobacco.cmw.process.EngineClock;
import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.security.AccessDeniedException;
import com.tobacco.cmw.security.CurrentUser;
import com.tobacco.cmw.security.Roles;
import com.tobacco.cmw.security.StaffDirectory;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.variable.value.BytesValue;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The auditors' view of process history, finished and running, for the Cockpit plugin
 * ({@link HistoryPlugin}). Read-only by construction: it only queries.
 *
 * <p>Who may look: members of {@code auditors} and {@code camunda-admin}; anyone else is refused
 * before a query runs. What they see: every query runs under the caller's engine authentication
 * (set by the web application for the request), so the engine's authorizations decide — an auditor
 * whose READ_HISTORY on a process was revoked finds none of its instances, not even a count.
 */
@Service
public class AuditHistory {

  /** Page size ceiling of the instance search. */
  static final int MAX_RESULTS = 200;
  /** Longest value text shown for a variable, input or output; longer values are cut with "…". */
  static final int VALUE_CHARS = 500;
  static final String CUSTOMER_VARIABLE = "customerCode";

  public record Definition(String key, String name, int version, long running, long finished) {}

  public record Instance(String id, String businessKey, String definitionKey, String definitionName, int version,
                         String customerCode, String customerName, String state, Date startTime, Date endTime,
                         Long durationMs, String startedBy, String startedByName, String endReason,
                         String superInstanceId) {}

  public record Page(long total, int firstResult, int maxResults, List<Instance> items) {}

  /** One activity instance of the timeline; for a user task who held it and who completed it. */
  public record Step(String activityInstanceId, String activityId, String name, String type, Date startTime,
                     Date endTime, Long durationMs, boolean canceled, String taskId, String assignee,
                     String assigneeName, String completedBy, String completedByName, String calledInstanceId) {}

  /** One value a variable took; {@code by} is the user whose operation set it, if known. */
  public record VariableChange(Date time, String name, String type, String value, int revision, String activityId,
                               String activityName, String by, String byName) {}

  public record Variable(String name, String type, String value) {}

  public record Decision(String id, String decisionKey, String decisionName, Date evaluationTime, String activityId,
                         String activityName, List<Variable> inputs, List<Variable> outputs) {}

  public record Incident(String id, String type, String message, String activityId, String activityName,
                         Date createTime, Date endTime, String state) {}

  public record Operation(Date time, String userId, String userName, String operationType, String entityType,
                          String property, String orgValue, String newValue, String taskId, String category) {}

  /** Everything an auditor reads about one instance. */
  public record Record(Instance instance, List<Step> timeline, Map<String, Long> counts, List<VariableChange> variables,
                       List<Decision> decisions, List<Incident> incidents, List<Operation> operations,
                       List<Instance> calledInstances) {}

  /** A search as the plugin's form sends it; every field may be blank. */
  public record Search(String definitionKey, String businessKey, String customer, String startedFrom,
                       String startedTo, String state, Integer firstResult, Integer maxResults) {}

  /** The states an auditor can filter by (Camunda's historic states, grouped). */
  public enum State {
    ALL, RUNNING, FINISHED, COMPLETED, EXTERNALLY_TERMINATED, INTERNALLY_TERMINATED;

    static State parse(String value) {
      if (value == null || value.isBlank()) {
        return ALL;
      }
      try {
        return valueOf(value.trim().toUpperCase());
      } catch (IllegalArgumentException e) {
        throw InvalidInput.atStart("未知的狀態 " + value + "(可選 ALL、RUNNING、FINISHED、COMPLETED、EXTERNALLY_TERMINATED、"
            + "INTERNALLY_TERMINATED)/ unknown state " + value);
      }
    }
  }

  private final HistoryService historyService;
  private final RepositoryService repositoryService;
  private final CurrentUser currentUser;
  private final StaffDirectory staff;
  private final JdbcTemplate jdbc;
  private final EngineClock clock;

  public AuditHistory(HistoryService historyService, RepositoryService repositoryService, CurrentUser currentUser,
                      StaffDirectory staff, JdbcTemplate jdbc, EngineClock clock) {
    this.historyService = historyService;
    this.repositoryService = repositoryService;
    this.currentUser = currentUser;
    this.staff = staff;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The latest version of each process the caller may read, with how many instances ran and run. */
  public List<Definition> definitions() {
    requireAuditor();
    List<Definition> result = new ArrayList<>();
    for (ProcessDefinition d : repositoryService.createProcessDefinitionQuery().latestVersion()
        .orderByProcessDefinitionKey().asc().list()) {
      long running = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(d.getKey()).unfinished().count();
      long finished = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(d.getKey()).finished().count();
      result.add(new Definition(d.getKey(), nameOf(d), d.getVersion(), running, finished));
    }
    return result;
  }

  /** Instances matching the search, newest start first. */
  public Page search(Search search) {
    requireAuditor();
    HistoricProcessInstanceQuery query = historyService.createHistoricProcessInstanceQuery();
    if (notBlank(search.definitionKey())) {
      query.processDefinitionKey(search.definitionKey().trim());
    }
    if (notBlank(search.businessKey())) {
      query.processInstanceBusinessKeyLike("%" + likeEscaped(search.businessKey().trim()) + "%");
    }
    if (notBlank(search.customer())) {
      List<String> codes = customerCodes(search.customer().trim());
      if (codes.isEmpty()) {
        return new Page(0, 0, 0, List.of());
      }
      if (codes.size() == 1) {
        query.variableValueEquals(CUSTOMER_VARIABLE, codes.get(0));
      } else {
        // or() opens a separate query whose conditions are OR-ed; endOr() returns to the main one
        HistoricProcessInstanceQuery anyOf = query.or();
        codes.forEach(code -> anyOf.variableValueEquals(CUSTOMER_VARIABLE, code));
        anyOf.endOr();
      }
    }
    LocalDate from = date("startedFrom", search.startedFrom());
    LocalDate to = date("startedTo", search.startedTo());
    if (from != null && to != null && to.isBefore(from)) {
      throw InvalidInput.atStart("開始日期的區間不正確:截止日早於起始日 / the date range ends before it starts");
    }
    // the engine includes both bounds: from the first to the last millisecond of the days
    if (from != null) {
      query.startedAfter(Date.from(from.atStartOfDay(clock.zone()).toInstant()));
    }
    if (to != null) {
      query.startedBefore(Date.from(to.plusDays(1).atStartOfDay(clock.zone()).toInstant().minusMillis(1)));
    }
    switch (State.parse(search.state())) {
      case RUNNING -> query.unfinished();
      case FINISHED -> query.finished();
      case COMPLETED -> query.completed();
      case EXTERNALLY_TERMINATED -> query.externallyTerminated();
      case INTERNALLY_TERMINATED -> query.internallyTerminated();
      case ALL -> { }
    }
    int first = Math.max(0, Objects.requireNonNullElse(search.firstResult(), 0));
    int max = Math.min(MAX_RESULTS, Math.max(1, Objects.requireNonNullElse(search.maxResults(), 50)));
    long total = query.count();
    List<HistoricProcessInstance> rows = query.orderByProcessInstanceStartTime().desc().orderByProcessInstanceId().asc()
        .listPage(first, max);
    return new Page(total, first, max, instances(rows));
  }

  /** The whole record of one instance, or {@link UnknownInstance} when it does not exist or is not readable. */
  public Record record(String processInstanceId) {
    requireAuditor();
    HistoricProcessInstance pi = readable(processInstanceId);
    Names names = new Names();
    List<HistoricActivityInstance> activities = historyService.createHistoricActivityInstanceQuery()
        .processInstanceId(pi.getId()).orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc()
        .list();
    Map<String, String> activityNames = new HashMap<>();
    Map<String, String> activityOfInstance = new HashMap<>();
    for (HistoricActivityInstance a : activities) {
      activityNames.putIfAbsent(a.getActivityId(), a.getActivityName());
      activityOfInstance.put(a.getId(), a.getActivityId());
    }
    List<UserOperationLogEntry> log = historyService.createUserOperationLogQuery().processInstanceId(pi.getId())
        .orderByTimestamp().asc().list();
    Map<String, String> completedBy = new HashMap<>();
    Map<String, String> userOfOperation = new HashMap<>();
    for (UserOperationLogEntry e : log) {
      if (e.getOperationId() != null && e.getUserId() != null) {
        userOfOperation.putIfAbsent(e.getOperationId(), e.getUserId());
      }
      if (UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(e.getOperationType()) && e.getTaskId() != null
          && e.getUserId() != null) {
        completedBy.putIfAbsent(e.getTaskId(), e.getUserId());
      }
    }
    // a user task's own name has its expressions resolved ("拜訪客戶:${customerName}" → the store)
    Map<String, String> taskNames = new HashMap<>();
    historyService.createHistoricTaskInstanceQuery().processInstanceId(pi.getId()).list()
        .forEach(t -> taskNames.put(t.getId(), t.getName()));
    List<Step> timeline = new ArrayList<>();
    for (HistoricActivityInstance a : activities) {
      // only what the operation log recorded: a task completed without a logged-in user has no completer
      String completer = a.getTaskId() == null || a.isCanceled() ? null : completedBy.get(a.getTaskId());
      String name = a.getTaskId() != null && taskNames.get(a.getTaskId()) != null ? taskNames.get(a.getTaskId())
          : a.getActivityName();
      timeline.add(new Step(a.getId(), a.getActivityId(), name, a.getActivityType(), a.getStartTime(),
          a.getEndTime(), a.getDurationInMillis(), a.isCanceled(), a.getTaskId(), a.getAssignee(),
          names.of(a.getAssignee()), completer, names.of(completer), a.getCalledProcessInstanceId()));
    }
    Map<String, String> stepNames = new HashMap<>();
    timeline.forEach(step -> stepNames.put(step.activityInstanceId(), step.name()));
    Map<String, Long> counts = new LinkedHashMap<>();
    for (HistoricActivityInstance a : activities) {
      if (!a.getActivityId().contains("#")) {
        counts.merge(a.getActivityId(), 1L, Long::sum);
      }
    }
    List<VariableChange> variables = new ArrayList<>();
    for (HistoricDetail d : historyService.createHistoricDetailQuery().processInstanceId(pi.getId()).variableUpdates()
        .disableCustomObjectDeserialization().orderByTime().asc().orderPartiallyByOccurrence().asc().list()) {
      HistoricVariableUpdate u = (HistoricVariableUpdate) d;
      String activityId = activityOfInstance.get(u.getActivityInstanceId());
      String by = u.getUserOperationId() == null ? null : userOfOperation.get(u.getUserOperationId());
      variables.add(new VariableChange(u.getTime(), u.getVariableName(), u.getTypeName(),
          u.getErrorMessage() != null ? shown("(" + u.getErrorMessage() + ")") : shown(u::getTypedValue), u.getRevision(),
          activityId, stepNames.getOrDefault(u.getActivityInstanceId(), activityId == null ? null : activityNames.get(activityId)),
          by, names.of(by)));
    }
    List<Decision> decisions = new ArrayList<>();
    for (HistoricDecisionInstance d : historyService.createHistoricDecisionInstanceQuery().processInstanceId(pi.getId())
        .includeInputs().includeOutputs().disableCustomObjectDeserialization().orderByEvaluationTime().asc().list()) {
      decisions.add(new Decision(d.getId(), d.getDecisionDefinitionKey(), d.getDecisionDefinitionName(),
          d.getEvaluationTime(), d.getActivityId(), activityNames.get(d.getActivityId()),
          d.getInputs().stream().map(i -> new Variable(i.getClauseName(), i.getTypeName(), shown(i::getTypedValue))).toList(),
          d.getOutputs().stream().map(o -> new Variable(o.getClauseName() != null ? o.getClauseName() : o.getVariableName(),
              o.getTypeName(), shown(o::getTypedValue))).toList()));
    }
    List<Incident> incidents = new ArrayList<>();
    for (HistoricIncident i : historyService.createHistoricIncidentQuery().processInstanceId(pi.getId())
        .orderByCreateTime().asc().list()) {
      incidents.add(new Incident(i.getId(), i.getIncidentType(), i.getIncidentMessage(), i.getActivityId(),
          activityNames.get(i.getActivityId()), i.getCreateTime(), i.getEndTime(),
          i.isOpen() ? "OPEN" : i.isResolved() ? "RESOLVED" : "DELETED"));
    }
    List<Operation> operations = log.stream().map(e -> new Operation(e.getTimestamp(), e.getUserId(), names.of(e.getUserId()),
        e.getOperationType(), e.getEntityType(), e.getProperty(), shown(e.getOrgValue()), shown(e.getNewValue()),
        e.getTaskId(), e.getCategory())).toList();
    List<Instance> called = instances(historyService.createHistoricProcessInstanceQuery()
        .superProcessInstanceId(pi.getId()).orderByProcessInstanceStartTime().asc().list());
    return new Record(instances(List.of(pi)).get(0), timeline, counts, variables, decisions, incidents, operations, called);
  }

  /** The instance's diagram as SVG: the path taken, how often each element ran, what runs, what failed. */
  public String diagram(String processInstanceId) {
    requireAuditor();
    HistoricProcessInstance pi = readable(processInstanceId);
    BpmnModelInstance model;
    try {
      model = repositoryService.getBpmnModelInstance(pi.getProcessDefinitionId());
    } catch (RuntimeException e) {
      // the definition's deployment was deleted, or the reader may read the history but not the model
      return ProcessDiagramSvg.noDiagram(pi.getProcessDefinitionName() != null ? pi.getProcessDefinitionName()
          : pi.getProcessDefinitionKey());
    }
    Map<String, Long> counts = new HashMap<>();
    Set<String> running = new HashSet<>();
    for (HistoricActivityInstance a : historyService.createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).list()) {
      counts.merge(a.getActivityId(), 1L, Long::sum);
      if (a.getEndTime() == null) {
        running.add(shapeOf(a.getActivityId()));
      }
    }
    Set<String> failed = historyService.createHistoricIncidentQuery().processInstanceId(pi.getId()).list().stream()
        .map(HistoricIncident::getActivityId).filter(Objects::nonNull).map(AuditHistory::shapeOf)
        .collect(Collectors.toSet());
    return ProcessDiagramSvg.render(model, counts, running, failed);
  }

  /** The diagram element of an activity id: a multi-instance body ("X#multiInstanceBody") is drawn as X. */
  static String shapeOf(String activityId) {
    int hash = activityId.indexOf('#');
    return hash < 0 ? activityId : activityId.substring(0, hash);
  }

  /** Thrown for an instance that does not exist or that the caller may not read: the same answer for both. */
  public static class UnknownInstance extends RuntimeException {
    UnknownInstance(String id) {
      super("沒有可查閱的流程實例 " + id + " / no readable process instance " + id);
    }
  }

  private HistoricProcessInstance readable(String processInstanceId) {
    if (processInstanceId == null || processInstanceId.isBlank()) {
      throw new UnknownInstance(String.valueOf(processInstanceId));
    }
    HistoricProcessInstance pi = historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult();
    if (pi == null) {
      throw new UnknownInstance(processInstanceId);
    }
    return pi;
  }

  private void requireAuditor() {
    List<String> groups = currentUser.groups();
    currentUser.requireUserId();
    if (!groups.contains(Roles.AUDITORS) && !groups.contains(Roles.ADMIN)) {
      throw new AccessDeniedException("只有審計人員和系統管理員可以查閱流程歷史 / only auditors and administrators read the history");
    }
  }

  private List<Instance> instances(List<HistoricProcessInstance> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<String, String> customerOf = new HashMap<>();
    String[] ids = rows.stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
    for (HistoricVariableInstance v : historyService.createHistoricVariableInstanceQuery().processInstanceIdIn(ids)
        .variableName(CUSTOMER_VARIABLE).disableCustomObjectDeserialization().list()) {
      if (v.getValue() != null) {
        customerOf.put(v.getProcessInstanceId(), String.valueOf(v.getValue()));
      }
    }
    Map<String, String> customerNames = customerNames(new HashSet<>(customerOf.values()));
    Map<String, String> definitionNames = new HashMap<>();
    Names names = new Names();
    List<Instance> result = new ArrayList<>();
    for (HistoricProcessInstance pi : rows) {
      String definitionName = definitionNames.computeIfAbsent(pi.getProcessDefinitionId(),
          id -> pi.getProcessDefinitionName() != null ? pi.getProcessDefinitionName() : pi.getProcessDefinitionKey());
      String customer = customerOf.get(pi.getId());
      result.add(new Instance(pi.getId(), pi.getBusinessKey(), pi.getProcessDefinitionKey(), definitionName,
          pi.getProcessDefinitionVersion() == null ? 0 : pi.getProcessDefinitionVersion(), customer,
          customer == null ? null : customerNames.get(customer), pi.getState(), pi.getStartTime(), pi.getEndTime(),
          pi.getDurationInMillis(), pi.getStartUserId(), names.of(pi.getStartUserId()), pi.getDeleteReason(),
          pi.getSuperProcessInstanceId()));
    }
    return result;
  }

  /** A customer code as typed, or the codes of the customers whose store name contains the text. */
  private List<String> customerCodes(String customer) {
    List<String> exact = jdbc.queryForList("SELECT customer_code FROM cm_customer WHERE customer_code = ?", String.class,
        customer.toUpperCase());
    if (!exact.isEmpty()) {
      return exact;
    }
    List<String> byName = jdbc.queryForList(
        "SELECT customer_code FROM cm_customer WHERE store_name LIKE ? ESCAPE '\\' ORDER BY customer_code",
        String.class, "%" + likeEscaped(customer) + "%");
    if (byName.size() > 50) {
      throw InvalidInput.atStart("「" + customer + "」匹配到 " + byName.size() + " 個客戶,請輸入更完整的名稱或客戶編號 / "
          + "more than 50 customers match; type more of the name or the customer code");
    }
    // an instance may also name a customer unknown to cm_customer (e.g. removed test data): the code typed stays searchable
    return byName.isEmpty() ? List.of(customer) : byName;
  }

  private Map<String, String> customerNames(Set<String> codes) {
    Map<String, String> names = new HashMap<>();
    if (codes.isEmpty()) {
      return names;
    }
    String marks = String.join(",", java.util.Collections.nCopies(codes.size(), "?"));
    jdbc.query("SELECT customer_code, store_name FROM cm_customer WHERE customer_code IN (" + marks + ")",
        rs -> {
          names.put(rs.getString(1), rs.getString(2));
        }, codes.toArray());
    return names;
  }

  private static LocalDate date(String field, String value) {
    if (!notBlank(value)) {
      return null;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw InvalidInput.inForm(field, "日期格式應為 yyyy-MM-dd:" + value + " / a date is written yyyy-MM-dd");
    }
  }

  /**
   * A stored value as text for reading: objects as they are serialized (never deserialized here),
   * bytes and files described, not dumped; a value that cannot be read says so instead of failing
   * the whole record.
   */
  static String shown(Supplier<TypedValue> read) {
    TypedValue value;
    try {
      value = read.get();
    } catch (RuntimeException e) {
      return "(無法讀取 / unreadable: " + e.getClass().getSimpleName() + ")";
    }
    if (value instanceof FileValue file) {
      return "(文件 file " + file.getFilename() + ", " + file.getMimeType() + ")";
    }
    if (value instanceof ObjectValue object) {
      return shown(object.isDeserialized() ? object.getValue() : object.getValueSerialized());
    }
    if (value instanceof BytesValue bytes) {
      return bytes.getValue() == null ? null : "(" + bytes.getValue().length + " 字節 bytes)";
    }
    return value == null ? null : shown(value.getValue());
  }

  static String shown(Object value) {
    if (value == null) {
      return null;
    }
    String text = value instanceof Date d ? d.toInstant().toString() : String.valueOf(value);
    return text.length() <= VALUE_CHARS ? text : text.substring(0, VALUE_CHARS) + "…";
  }

  private static String likeEscaped(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }

  private static String nameOf(ProcessDefinition d) {
    return d.getName() != null ? d.getName() : d.getKey();
  }

  /** Staff names by user id, looked up once per record. */
  private final class Names implements Function<String, String> {
    private final Map<String, String> cache = new HashMap<>();

    String of(String userId) {
      return userId == null ? null : cache.computeIfAbsent(userId, this);
    }

    @Override
    public String apply(String userId) {
      return staff.find(userId).map(StaffDirectory.Staff::name).orElse(userId);
    }
  }
}

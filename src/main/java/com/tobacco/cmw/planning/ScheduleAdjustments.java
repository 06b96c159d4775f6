package com.tobacco.cmw.planning;

import static com.tobacco.cmw.planning.WeeklyVisitPlanningProcess.Var;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tobacco.cmw.calendar.WorkCalendar;
import com.tobacco.cmw.customer.Customer;
import com.tobacco.cmw.customer.CustomerRepository;
import com.tobacco.cmw.customer.CustomerStatus;
import com.tobacco.cmw.process.InvalidInput;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Reads and checks what the customer manager submitted for a schedule: moves to another working
 * day of the week, removals (a reason is required), added customers (their own, active, not on
 * the schedule yet), and the daily cap after all changes (refused, not warned). Rows are matched
 * to the stored items by id; only the stored items and the customer master data count, the
 * submitted names and codes of existing rows are ignored. Messages name the row, Chinese first.
 */
@Component
public class ScheduleAdjustments {

  static final int MAX_REASON = 500;

  public record Move(long itemId, LocalDate day) {}

  public record Removal(long itemId, String reason) {}

  public record Addition(String customerCode, LocalDate day) {}

  public record Changes(List<Move> moves, List<Removal> removals, List<Addition> additions) {}

  private final CustomerRepository customers;
  private final WorkCalendar calendar;
  private final ObjectMapper json;

  public ScheduleAdjustments(CustomerRepository customers, WorkCalendar calendar, ObjectMapper json) {
    this.customers = customers;
    this.calendar = calendar;
    this.json = json;
  }

  /**
   * @param notBefore the earliest day a visit may be planned on (today when the manager submits;
   *                  null when the stored changes are applied later)
   */
  public Changes read(VariableScope scope, VisitScheduleRepository.Schedule schedule,
                      List<VisitScheduleRepository.Item> items, LocalDate notBefore) {
    Map<Long, VisitScheduleRepository.Item> planned = new HashMap<>();
    Set<String> onSchedule = new HashSet<>();
    for (VisitScheduleRepository.Item item : items) {
      if (item.status() == VisitScheduleRepository.ItemStatus.PLANNED) {
        planned.put(item.id(), item);
        onSchedule.add(item.customerCode());
      }
    }
    List<Move> moves = new ArrayList<>();
    List<Removal> removals = new ArrayList<>();
    Map<Long, LocalDate> dayOf = new HashMap<>();
    planned.values().forEach(i -> dayOf.put(i.id(), i.visitDate()));

    JsonNode rows = list(scope.getVariable(Var.SCHEDULE_ROWS), Var.SCHEDULE_ROWS, "日程安排");
    Set<Long> seen = new HashSet<>();
    for (int n = 0; n < rows.size(); n++) {
      JsonNode row = rows.get(n);
      String at = "日程第 " + (n + 1) + " 行";
      JsonNode idNode = row.get("itemId");
      if (idNode == null || !idNode.canConvertToLong()) {
        throw error(Var.SCHEDULE_ROWS, at + "缺少日程項目編號 / row " + (n + 1) + " has no itemId");
      }
      long id = idNode.asLong();
      VisitScheduleRepository.Item item = planned.get(id);
      if (item == null) {
        throw error(Var.SCHEDULE_ROWS, at + ":項目 " + id + " 不是本日程表的計劃訪問 / item " + id
            + " is not a planned visit of this schedule");
      }
      if (!seen.add(id)) {
        throw error(Var.SCHEDULE_ROWS, at + ":客戶 " + item.customerCode() + " 重複出現 / item " + id + " appears twice");
      }
      at = at + "(客戶 " + item.customerCode() + " " + item.customerName() + ")";
      if (row.path("remove").asBoolean(false)) {
        String reason = row.path("removalReason").asText("").strip();
        if (reason.isEmpty()) {
          throw error(Var.SCHEDULE_ROWS, at + ":刪除訪問須填寫原因 / removing customer " + item.customerCode()
              + " needs a reason");
        }
        if (reason.length() > MAX_REASON) {
          throw error(Var.SCHEDULE_ROWS, at + ":刪除原因不能超過 " + MAX_REASON + " 字 / reason too long");
        }
        removals.add(new Removal(id, reason));
        dayOf.remove(id);
        continue;
      }
      LocalDate day = day(row.path("visitDate"), at, schedule, notBefore, item.customerCode());
      if (!day.equals(item.visitDate())) {
        moves.add(new Move(id, day));
        dayOf.put(id, day);
      }
    }

    JsonNode added = list(scope.getVariable(Var.ADDED_VISITS), Var.ADDED_VISITS, "增加的客戶");
    List<Addition> additions = new ArrayList<>();
    Map<LocalDate, Integer> perDay = new TreeMap<>();
    dayOf.values().forEach(d -> perDay.merge(d, 1, Integer::sum));
    Set<String> addedCodes = new HashSet<>();
    for (int n = 0; n < added.size(); n++) {
      JsonNode row = added.get(n);
      String at = "增加第 " + (n + 1) + " 行";
      String code = row.path("customerCode").asText("").strip();
      if (code.isEmpty()) {
        throw error(Var.ADDED_VISITS, at + ":請填寫客戶代碼 / row " + (n + 1) + ": customerCode is required");
      }
      Customer customer = customers.find(code).orElseThrow(() -> error(Var.ADDED_VISITS,
          at + ":客戶代碼「" + code + "」不存在 / unknown customer " + code));
      if (!customer.managerId().equals(schedule.managerId())) {
        throw error(Var.ADDED_VISITS, at + ":客戶 " + code + " 不是您負責的客戶 / customer " + code + " is not one of yours");
      }
      if (customer.status() != CustomerStatus.ACTIVE) {
        throw error(Var.ADDED_VISITS, at + ":客戶 " + code + " 不是正常狀態,不能安排訪問 / customer " + code + " is "
            + customer.status());
      }
      if (onSchedule.contains(code) || !addedCodes.add(code)) {
        throw error(Var.ADDED_VISITS, at + ":客戶 " + code + " 已在日程表中 / customer " + code + " is already on the schedule");
      }
      LocalDate day = day(row.path("visitDate"), at + "(客戶 " + code + ")", schedule, notBefore, code);
      additions.add(new Addition(code, day));
      perDay.merge(day, 1, Integer::sum);
    }

    for (Map.Entry<LocalDate, Integer> e : perDay.entrySet()) {
      if (e.getValue() > schedule.maxVisitsPerDay()) {
        throw error(Var.SCHEDULE_ROWS, WeeklyPlanner.dayLabel(e.getKey()) + " 安排了 " + e.getValue()
            + " 個訪問,超過每日上限 " + schedule.maxVisitsPerDay() + " 個 / " + e.getValue() + " visits on " + e.getKey()
            + ", more than the daily cap of " + schedule.maxVisitsPerDay());
      }
    }
    return new Changes(moves, removals, additions);
  }

  private LocalDate day(JsonNode value, String at, VisitScheduleRepository.Schedule schedule, LocalDate notBefore,
                        String code) {
    String text = value.isNull() || value.isMissingNode() ? "" : value.asText("").strip();
    if (text.isEmpty()) {
      throw error(Var.SCHEDULE_ROWS, at + ":請填寫訪問日期 / the visit day of " + code + " is required");
    }
    LocalDate day;
    try {
      day = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw error(Var.SCHEDULE_ROWS, at + ":訪問日期「" + text + "」不是日期 yyyy-MM-dd / not a date");
    }
    LocalDate monday = schedule.weekStart();
    if (day.isBefore(monday) || day.isAfter(monday.plusDays(6)) || !calendar.isWorkingDay(day)) {
      throw error(Var.SCHEDULE_ROWS, at + ":" + day + " 不是本周(" + schedule.weekLabel() + ")的工作日"
          + calendar.dayName(day).map(name -> "(" + name + ")").orElse("") + " / " + day
          + " is not a working day of week " + schedule.weekLabel());
    }
    if (notBefore != null && day.isBefore(notBefore)) {
      throw error(Var.SCHEDULE_ROWS, at + ":" + day + " 已經過去 / " + day + " is in the past");
    }
    return day;
  }

  private JsonNode list(Object value, String name, String label) {
    if (value == null) {
      return json.createArrayNode();
    }
    try {
      String text = value instanceof String s ? s
          : value instanceof Collection<?> || value instanceof Map<?, ?> ? json.writeValueAsString(value)
          : value.toString();
      JsonNode node = json.readTree(text);
      if (node == null || node.isNull()) {
        return json.createArrayNode();
      }
      if (!node.isArray()) {
        throw error(name, "「" + label + "」應為列表 / " + name + " must be a JSON list");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw error(name, "「" + label + "」的資料格式不正確 / " + name + " is not a JSON list");
    }
  }

  private static InvalidInput error(String field, String message) {
    return InvalidInput.inForm(field, message);
  }
}

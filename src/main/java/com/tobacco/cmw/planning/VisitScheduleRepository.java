package com.tobacco.cmw.planning;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import com.tobacco.cmw.security.StaffDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The schedules (cm_visit_schedule) and their items (cm_visit_schedule_item), and the grouped
 * queries the draft needs: active customer managers, and per manager the active customers with
 * their last completed visit.
 */
@Repository
public class VisitScheduleRepository {

  public enum Status { DRAFT, CONFIRMED, AUTO_CONFIRMED }

  public enum ItemStatus { PLANNED, NOT_SCHEDULED, REMOVED, STARTED, SKIPPED }

  public enum Origin { DRAFTED, ADDED, MOVED }

  public record Manager(String userId, String name, String regionCode) {}

  /** An active customer of a manager, with the last completed (DONE) visit's completion time. */
  public record CustomerRow(String customerCode, String storeName, int grade, Instant lastDoneAt) {}

  public record Schedule(long id, String managerId, String managerName, String regionCode, LocalDate weekStart,
                         String weekLabel, String businessKey, Status status, int maxVisitsPerDay,
                         String processInstanceId, Instant draftedAt, Instant confirmedAt, String confirmedBy,
                         Instant regionalNotifiedAt, String acknowledgedBy, Instant acknowledgedAt) {}

  public record Item(long id, long scheduleId, String customerCode, String customerName, int grade,
                     LocalDate visitDate, LocalDate draftedDate, Origin origin, ItemStatus status, int priority,
                     LocalDate lastVisitDate, LocalDate nextDueDate, int overdueDays, String removalReason, String note,
                     String visitProcessInstanceId) {}

  /** A schedule in a list, with its item counts (one grouped query). */
  public record Summary(long id, String managerId, String managerName, String regionCode, LocalDate weekStart,
                        String weekLabel, String businessKey, Status status, int planned, int notScheduled,
                        int removed, int started) {}

  private static final String SCHEDULE_SELECT = "SELECT s.id, s.manager_id, st.name, s.region_code, s.week_start, "
      + "s.week_label, s.business_key, s.status, s.max_visits_per_day, s.process_instance_id, s.drafted_at, "
      + "s.confirmed_at, s.confirmed_by, s.regional_notified_at, s.acknowledged_by, s.acknowledged_at "
      + "FROM cm_visit_schedule s LEFT JOIN cm_staff st ON st.user_id = s.manager_id";
  private static final RowMapper<Schedule> SCHEDULE_MAPPER = (rs, i) -> new Schedule(rs.getLong(1), rs.getString(2),
      rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7),
      Status.valueOf(rs.getString(8)), rs.getInt(9), rs.getString(10), instant(rs.getTimestamp(11)),
      instant(rs.getTimestamp(12)), rs.getString(13), instant(rs.getTimestamp(14)), rs.getString(15),
      instant(rs.getTimestamp(16)));
  private static final String ITEM_SELECT = "SELECT i.id, i.schedule_id, i.customer_code, c.store_name, c.grade, "
      + "i.visit_date, i.drafted_date, i.origin, i.status, i.priority, i.last_visit_date, i.next_due_date, "
      + "i.overdue_days, i.removal_reason, i.note, i.visit_process_instance_id "
      + "FROM cm_visit_schedule_item i JOIN cm_customer c ON c.customer_code = i.customer_code";
  private static final RowMapper<Item> ITEM_MAPPER = (rs, i) -> new Item(rs.getLong(1), rs.getLong(2), rs.getString(3),
      rs.getString(4), rs.getInt(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
      Origin.valueOf(rs.getString(8)), ItemStatus.valueOf(rs.getString(9)), rs.getInt(10),
      rs.getObject(11, LocalDate.class), rs.getObject(12, LocalDate.class), rs.getInt(13), rs.getString(14),
      rs.getString(15), rs.getString(16));

  private final JdbcTemplate jdbc;
  private final StaffDirectory staff;

  public VisitScheduleRepository(JdbcTemplate jdbc, StaffDirectory staff) {
    this.jdbc = jdbc;
    this.staff = staff;
  }

  // ---- what the draft reads

  public List<Manager> activeManagers() {
    return staff.activeCustomerManagers().stream().map(s -> new Manager(s.userId(), s.name(), s.regionCode())).toList();
  }

  public Optional<Manager> manager(String userId) {
    return jdbc.query("SELECT user_id, name, region_code FROM cm_staff WHERE user_id = ? AND role = 'customer-managers' "
        + "AND active = TRUE AND region_code IS NOT NULL", (rs, i) -> new Manager(rs.getString(1), rs.getString(2),
        rs.getString(3)), userId).stream().findFirst();
  }

  /**
   * A manager's ACTIVE customers that have no open regular visit (one still running is not
   * planned again), each with the completion time of its last DONE visit, regular or special.
   */
  public List<CustomerRow> customersToPlan(String managerId) {
    return jdbc.query("SELECT c.customer_code, c.store_name, c.grade, MAX(v.completed_at) "
            + "FROM cm_customer c LEFT JOIN cm_visit v ON v.customer_code = c.customer_code AND v.status = 'DONE' "
            + "WHERE c.manager_id = ? AND c.status = 'ACTIVE' AND NOT EXISTS (SELECT 1 FROM cm_visit o "
            + "WHERE o.customer_code = c.customer_code AND o.status = 'OPEN' AND o.visit_type = 'REGULAR') "
            + "GROUP BY c.customer_code, c.store_name, c.grade ORDER BY c.customer_code",
        (rs, i) -> new CustomerRow(rs.getString(1), rs.getString(2), rs.getInt(3), instant(rs.getTimestamp(4))),
        managerId);
  }

  // ---- writing the draft

  public boolean exists(String managerId, LocalDate weekStart) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM cm_visit_schedule WHERE manager_id = ? AND week_start = ?",
        Integer.class, managerId, weekStart);
    return n != null && n > 0;
  }

  /** The managers with a schedule for the week. */
  public List<String> managersDrafted(LocalDate weekStart) {
    return jdbc.queryForList("SELECT manager_id FROM cm_visit_schedule WHERE week_start = ?", String.class, weekStart);
  }

  public long insertSchedule(Manager manager, LocalDate weekStart, String weekLabel, String businessKey,
                             int maxVisitsPerDay, Instant at) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(con -> {
      var ps = con.prepareStatement("INSERT INTO cm_visit_schedule (manager_id, region_code, week_start, week_label, "
          + "business_key, status, max_visits_per_day, drafted_at) VALUES (?,?,?,?,?,'DRAFT',?,?)", new String[] {"id"});
      ps.setString(1, manager.userId());
      ps.setString(2, manager.regionCode());
      ps.setObject(3, weekStart);
      ps.setString(4, weekLabel);
      ps.setString(5, businessKey);
      ps.setInt(6, maxVisitsPerDay);
      ps.setTimestamp(7, Timestamp.from(at));
      return ps;
    }, key);
    return key.getKey().longValue();
  }

  public void insertDraftItems(long scheduleId, List<DraftRule.Line> lines) {
    List<Object[]> rows = new ArrayList<>(lines.size());
    for (DraftRule.Line line : lines) {
      DraftRule.Candidate c = line.candidate();
      rows.add(new Object[] {scheduleId, c.customerCode(), line.day(), line.day(),
          line.scheduled() ? ItemStatus.PLANNED.name() : ItemStatus.NOT_SCHEDULED.name(), line.priority(),
          c.lastVisit(), c.nextDue(), line.overdueDays() == Integer.MAX_VALUE ? -1 : line.overdueDays(),
          line.scheduled() ? null : "超過每日訪問上限 / over the daily cap"});
    }
    jdbc.batchUpdate("INSERT INTO cm_visit_schedule_item (schedule_id, customer_code, visit_date, drafted_date, origin, "
        + "status, priority, last_visit_date, next_due_date, overdue_days, note) VALUES (?,?,?,?,'DRAFTED',?,?,?,?,?,?)", rows);
  }

  public void linkProcessInstance(long scheduleId, String processInstanceId) {
    jdbc.update("UPDATE cm_visit_schedule SET process_instance_id = ? WHERE id = ?", processInstanceId, scheduleId);
  }

  // ---- reading

  public Optional<Schedule> find(long id) {
    return jdbc.query(SCHEDULE_SELECT + " WHERE s.id = ?", SCHEDULE_MAPPER, id).stream().findFirst();
  }

  public Optional<Schedule> find(String managerId, LocalDate weekStart) {
    return jdbc.query(SCHEDULE_SELECT + " WHERE s.manager_id = ? AND s.week_start = ?", SCHEDULE_MAPPER, managerId,
        weekStart).stream().findFirst();
  }

  /** The schedule of a process instance; delegates read it from here, never from process variables. */
  public Schedule ofProcessInstance(String processInstanceId) {
    return jdbc.query(SCHEDULE_SELECT + " WHERE s.process_instance_id = ?", SCHEDULE_MAPPER, processInstanceId).stream()
        .findFirst().orElseThrow(() -> new IllegalStateException("no visit schedule for process instance " + processInstanceId));
  }

  public Optional<Schedule> ofBusinessKey(String businessKey) {
    return jdbc.query(SCHEDULE_SELECT + " WHERE s.business_key = ?", SCHEDULE_MAPPER, businessKey).stream().findFirst();
  }

  /** Items by day (not scheduled and removed last), then priority. */
  public List<Item> items(long scheduleId) {
    return jdbc.query(ITEM_SELECT + " WHERE i.schedule_id = ? ORDER BY CASE WHEN i.visit_date IS NULL THEN 1 ELSE 0 END, "
        + "i.visit_date, i.priority, i.id", ITEM_MAPPER, scheduleId);
  }

  /** Schedules with their item counts, newest week first; null filters are not applied. */
  public List<Summary> list(String managerId, String regionCode, LocalDate weekStart, int limit) {
    StringBuilder sql = new StringBuilder("SELECT s.id, s.manager_id, st.name, s.region_code, s.week_start, s.week_label, "
        + "s.business_key, s.status, "
        + "SUM(CASE WHEN i.status = 'PLANNED' THEN 1 ELSE 0 END), SUM(CASE WHEN i.status = 'NOT_SCHEDULED' THEN 1 ELSE 0 END), "
        + "SUM(CASE WHEN i.status = 'REMOVED' THEN 1 ELSE 0 END), SUM(CASE WHEN i.status = 'STARTED' THEN 1 ELSE 0 END) "
        + "FROM cm_visit_schedule s LEFT JOIN cm_staff st ON st.user_id = s.manager_id "
        + "LEFT JOIN cm_visit_schedule_item i ON i.schedule_id = s.id WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (managerId != null) {
      sql.append(" AND s.manager_id = ?");
      args.add(managerId);
    }
    if (regionCode != null) {
      sql.append(" AND s.region_code = ?");
      args.add(regionCode);
    }
    if (weekStart != null) {
      sql.append(" AND s.week_start = ?");
      args.add(weekStart);
    }
    sql.append(" GROUP BY s.id, s.manager_id, st.name, s.region_code, s.week_start, s.week_label, s.business_key, s.status "
        + "ORDER BY s.week_start DESC, s.manager_id LIMIT ?");
    args.add(limit);
    return jdbc.query(sql.toString(), (rs, i) -> new Summary(rs.getLong(1), rs.getString(2), rs.getString(3),
        rs.getString(4), rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7),
        Status.valueOf(rs.getString(8)), rs.getInt(9), rs.getInt(10), rs.getInt(11), rs.getInt(12)), args.toArray());
  }

  // ---- adjusting and confirming

  public void move(long itemId, LocalDate day) {
    jdbc.update("UPDATE cm_visit_schedule_item SET visit_date = ?, "
        + "origin = CASE WHEN origin = 'DRAFTED' THEN 'MOVED' ELSE origin END WHERE id = ?", day, itemId);
  }

  public void remove(long itemId, String reason) {
    jdbc.update("UPDATE cm_visit_schedule_item SET status = 'REMOVED', removal_reason = ? WHERE id = ?", reason, itemId);
  }

  /** Adds a customer: a not-scheduled line of the draft becomes planned, else a new line. */
  public void add(long scheduleId, String customerCode, LocalDate day, int priority) {
    int updated = jdbc.update("UPDATE cm_visit_schedule_item SET visit_date = ?, origin = 'ADDED', status = 'PLANNED', "
        + "note = NULL WHERE schedule_id = ? AND customer_code = ? AND status = 'NOT_SCHEDULED'", day, scheduleId, customerCode);
    if (updated == 0) {
      jdbc.update("INSERT INTO cm_visit_schedule_item (schedule_id, customer_code, visit_date, origin, status, priority, "
          + "overdue_days) VALUES (?,?,?,'ADDED','PLANNED',?,0)", scheduleId, customerCode, day, priority);
    }
  }

  /** DRAFT → CONFIRMED or AUTO_CONFIRMED; false when the schedule was no longer a draft (a retried step). */
  public boolean confirm(long scheduleId, Status status, String by, Instant at) {
    return jdbc.update("UPDATE cm_visit_schedule SET status = ?, confirmed_by = ?, confirmed_at = ?, "
        + "regional_notified_at = ? WHERE id = ? AND status = 'DRAFT'", status.name(), by, Timestamp.from(at),
        status == Status.AUTO_CONFIRMED ? Timestamp.from(at) : null, scheduleId) == 1;
  }

  /** Links the started visit; only an item not linked yet (a retried step never starts two). */
  public boolean markStarted(long itemId, String visitProcessInstanceId, LocalDate day) {
    return jdbc.update("UPDATE cm_visit_schedule_item SET status = 'STARTED', visit_process_instance_id = ?, visit_date = ? "
        + "WHERE id = ? AND visit_process_instance_id IS NULL", visitProcessInstanceId, day, itemId) == 1;
  }

  public void markSkipped(long itemId, String note) {
    jdbc.update("UPDATE cm_visit_schedule_item SET status = 'SKIPPED', note = ? WHERE id = ?", note, itemId);
  }

  public void acknowledge(long scheduleId, String by, Instant at) {
    jdbc.update("UPDATE cm_visit_schedule SET acknowledged_by = ?, acknowledged_at = ? WHERE id = ? AND acknowledged_at IS NULL",
        by, Timestamp.from(at), scheduleId);
  }

  static LocalDate dayOf(Instant at, ZoneId zone) {
    return at == null ? null : at.atZone(zone).toLocalDate();
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}

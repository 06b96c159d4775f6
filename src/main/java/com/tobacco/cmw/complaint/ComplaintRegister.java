package com.tobacco.cmw.complaint;

import com.tobacco.cmw.security.DataScope.Scope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 《客戶投訴案件登記追蹤表》 (篇2 業務工作 3–4, 管理監督 1): every complaint case with its
 * number, customer, region, brand, the date and person of each step, the current step, its
 * deadlines, whether it is overdue, and the result — read from {@code cm_complaint_case} with the
 * customer's store name, the brand's name and the manager's name, filtered and paged.
 *
 * <p>A case is <b>overdue</b> when it is still open (not closed) and either the deadline of its
 * current step or the deadline of the whole case has passed at the moment of the query.
 */
@Component
public class ComplaintRegister {

  /** Upper bound of one page and of one Excel export. */
  public static final int MAX_ROWS = 20_000;

  public enum Status { OPEN, CLOSED }

  /** All fields optional; from/to are days of the report (both included, company time zone). */
  public record Filter(LocalDate from, LocalDate to, String region, String manager, String customer, String brand,
                       ComplaintCause cause, ComplaintStep step, boolean overdueOnly, Status status, String result) {
    public static final Filter NONE = new Filter(null, null, null, null, null, null, null, null, false, null, null);
  }

  public record Row(String caseNo, Instant reportedAt, String reportedBy,
                    String customerCode, String storeName, String regionCode, String regionName,
                    String managerId, String managerName, String brandCode, String brandName,
                    int quantity, String quantityUnit, String defectDescription,
                    Instant inspectedAt, String inspectedBy, String cause, String causeName,
                    Instant formSignedAt, String formBy, String signerName,
                    Instant reviewedAt, String reviewedBy, String reviewDecision, Integer approvedQuantity,
                    Instant replacedAt, String replacedBy, Integer replacedQuantity, String customerConfirmation,
                    Instant fedBackAt, String fedBackBy, Instant closedAt,
                    String currentStep, String currentStepName, Instant stepDueAt, Instant caseDueAt,
                    boolean overdue, String result, Integer resolutionDays, Boolean closedOnTime,
                    int escalations, String processInstanceId) {}

  public record Page(long total, int offset, int limit, Instant asOf, List<Row> rows) {}

  private final JdbcTemplate jdbc;
  private final ResolutionTime resolution;

  public ComplaintRegister(JdbcTemplate jdbc, ResolutionTime resolution) {
    this.jdbc = jdbc;
    this.resolution = resolution;
  }

  /** The cases of the scope that pass the filter, newest report first, at the moment asOf. */
  public Page find(Scope scope, Filter filter, int offset, int limit, Instant asOf) {
    if (offset < 0 || limit < 1 || limit > MAX_ROWS) {
      throw new IllegalArgumentException("offset 應 ≥ 0,limit 應在 1 與 " + MAX_ROWS + " 之間 / offset must be ≥ 0, limit 1–" + MAX_ROWS);
    }
    List<Object> args = new ArrayList<>();
    String where = where(scope, filter, asOf, args);
    Long total = jdbc.queryForObject("SELECT COUNT(*) FROM cm_complaint_case c" + where, Long.class, args.toArray());
    Timestamp now = Timestamp.from(asOf);
    List<Object> pageArgs = new ArrayList<>();
    pageArgs.add(now);
    pageArgs.add(now);
    pageArgs.addAll(args);
    pageArgs.add(limit);
    pageArgs.add(offset);
    List<Row> rows = jdbc.query("SELECT c.*, cu.store_name, r.name AS region_name, s.name AS manager_name, b.name AS brand_name,"
        + " CASE WHEN c.closed_at IS NULL AND (c.step_due_at < ? OR c.case_due_at < ?) THEN 1 ELSE 0 END AS is_overdue,"
        + " (SELECT COUNT(*) FROM cm_complaint_escalation e WHERE e.case_no = c.case_no) AS escalation_count"
        + " FROM cm_complaint_case c"
        + " LEFT JOIN cm_customer cu ON cu.customer_code = c.customer_code"
        + " LEFT JOIN cm_region r ON r.region_code = c.region_code"
        + " LEFT JOIN cm_staff s ON s.user_id = c.manager_id"
        + " LEFT JOIN cm_brand b ON b.brand_code = c.brand_code"
        + where + " ORDER BY c.reported_at DESC, c.case_no DESC LIMIT ? OFFSET ?",
        (rs, i) -> row(rs), pageArgs.toArray());
    return new Page(total == null ? 0 : total, offset, limit, asOf, rows);
  }

  /** The WHERE clause of scope and filter, its values appended to args (the statistics use it too). */
  String where(Scope scope, Filter f, Instant asOf, List<Object> args) {
    StringBuilder w = new StringBuilder(" WHERE 1 = 1");
    if (scope.managerId() != null) {
      w.append(" AND c.manager_id = ?");
      args.add(scope.managerId());
    }
    if (scope.regionCode() != null) {
      w.append(" AND c.region_code = ?");
      args.add(scope.regionCode());
    }
    if (f.from() != null) {
      w.append(" AND c.reported_at >= ?");
      args.add(Timestamp.from(f.from().atStartOfDay(resolution.zone()).toInstant()));
    }
    if (f.to() != null) {
      w.append(" AND c.reported_at < ?");
      args.add(Timestamp.from(f.to().plusDays(1).atStartOfDay(resolution.zone()).toInstant()));
    }
    equal(w, args, "c.region_code", f.region());
    equal(w, args, "c.manager_id", f.manager());
    equal(w, args, "c.customer_code", f.customer());
    equal(w, args, "c.brand_code", f.brand());
    equal(w, args, "c.cause", f.cause() == null ? null : f.cause().name());
    equal(w, args, "c.current_step", f.step() == null ? null : f.step().name());
    equal(w, args, "c.result", f.result());
    if (f.status() == Status.OPEN) {
      w.append(" AND c.closed_at IS NULL");
    } else if (f.status() == Status.CLOSED) {
      w.append(" AND c.closed_at IS NOT NULL");
    }
    if (f.overdueOnly()) {
      w.append(" AND c.closed_at IS NULL AND (c.step_due_at < ? OR c.case_due_at < ?)");
      args.add(Timestamp.from(asOf));
      args.add(Timestamp.from(asOf));
    }
    return w.toString();
  }

  private static void equal(StringBuilder w, List<Object> args, String column, String value) {
    if (value != null) {
      w.append(" AND ").append(column).append(" = ?");
      args.add(value);
    }
  }

  private Row row(ResultSet rs) throws SQLException {
    Instant reported = instant(rs, "reported_at");
    Instant closed = instant(rs, "closed_at");
    Instant caseDue = instant(rs, "case_due_at");
    String cause = rs.getString("cause");
    String step = rs.getString("current_step");
    return new Row(rs.getString("case_no"), reported, rs.getString("reported_by"),
        rs.getString("customer_code"), rs.getString("store_name"), rs.getString("region_code"), rs.getString("region_name"),
        rs.getString("manager_id"), rs.getString("manager_name"), rs.getString("brand_code"), rs.getString("brand_name"),
        rs.getInt("quantity"), rs.getString("quantity_unit"), rs.getString("defect_description"),
        instant(rs, "inspected_at"), rs.getString("inspected_by"), cause, causeName(cause),
        instant(rs, "form_signed_at"), rs.getString("form_by"), rs.getString("signer_name"),
        instant(rs, "reviewed_at"), rs.getString("reviewed_by"), rs.getString("review_decision"), integer(rs, "approved_quantity"),
        instant(rs, "replaced_at"), rs.getString("replaced_by"), integer(rs, "replaced_quantity"), rs.getString("customer_confirmation"),
        instant(rs, "fed_back_at"), rs.getString("fed_back_by"), closed,
        step, stepName(step), instant(rs, "step_due_at"), caseDue,
        rs.getInt("is_overdue") == 1, rs.getString("result"),
        closed == null ? null : resolution.workingDays(reported, closed),
        closed == null ? null : resolution.onTime(closed, caseDue),
        rs.getInt("escalation_count"), rs.getString("process_instance_id"));
  }

  static String causeName(String cause) {
    if (cause == null) {
      return null;
    }
    try {
      return ComplaintCause.valueOf(cause).chineseName();
    } catch (IllegalArgumentException e) {
      return cause;
    }
  }

  static String stepName(String step) {
    try {
      return ComplaintStep.valueOf(step).chineseName();
    } catch (IllegalArgumentException | NullPointerException e) {
      return step;
    }
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static Integer integer(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }
}

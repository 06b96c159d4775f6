package com.tobacco.cmw.salesreport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tobacco.cmw.salesreport.MonthlyReportContent.Sections;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The reports (cm_monthly_report), their reviews, escalations and the forecasts they made.
 * The drafted content is kept as JSON; on approval the whole content with the final sections
 * is frozen into {@code archived_json}, which nothing changes afterwards.
 */
@Repository
public class MonthlyReportRepository {

  /** A report's row; content is the drafted figures (sections as drafted), archived the frozen content once approved. */
  public record Report(String reportKey, String processInstanceId, String managerId, String regionCode, YearMonth month,
                       String status, Instant dueAt, Sections sections, Instant draftedAt, Instant submittedAt,
                       Instant escalatedAt, String approvedBy, Instant approvedAt) {}

  /** One review of the regional manager. */
  public record Review(String reviewer, String decision, String comment, Instant reviewedAt) {}

  private static final String COLUMNS = "report_key, process_instance_id, manager_id, region_code, report_month, status, "
      + "due_at, overall_analysis, problems_measures, customer_opinions, forecast_analysis, drafted_at, submitted_at, "
      + "escalated_at, approved_by, approved_at";

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  public MonthlyReportRepository(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  private Report map(ResultSet rs, int i) throws SQLException {
    return new Report(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
        YearMonth.from(rs.getDate(5).toLocalDate()), rs.getString(6), rs.getTimestamp(7).toInstant(),
        new Sections(rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11)),
        instant(rs.getTimestamp(12)), instant(rs.getTimestamp(13)), instant(rs.getTimestamp(14)), rs.getString(15),
        instant(rs.getTimestamp(16)));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  public void insertDraft(String processInstanceId, MonthlyReportContent content, Instant dueAt) {
    Sections s = content.sections();
    jdbc.update("INSERT INTO cm_monthly_report (report_key, process_instance_id, manager_id, region_code, report_month, "
            + "status, due_at, content_json, overall_analysis, problems_measures, customer_opinions, forecast_analysis, "
            + "drafted_at) VALUES (?,?,?,?,?,'DRAFT',?,?,?,?,?,?,?)",
        content.reportKey(), processInstanceId, content.managerId(), content.regionCode(), Date.valueOf(content.month().atDay(1)),
        Timestamp.from(dueAt), toJson(content), s.overallAnalysis(), s.problemsAndMeasures(), s.customerOpinions(),
        s.forecastAnalysis(), Timestamp.from(Instant.now()));
  }

  public Optional<Report> find(String reportKey) {
    return jdbc.query("SELECT " + COLUMNS + " FROM cm_monthly_report WHERE report_key = ?", this::map, reportKey)
        .stream().findFirst();
  }

  public Report ofProcessInstance(String processInstanceId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM cm_monthly_report WHERE process_instance_id = ?", this::map,
        processInstanceId).stream().findFirst()
        .orElseThrow(() -> new IllegalStateException("no monthly report for process instance " + processInstanceId));
  }

  /**
   * Reports by manager, region and month, any of them null for "all"; newest month first, at
   * most {@code limit}.
   */
  public List<Report> list(String managerId, String regionCode, YearMonth month, int limit) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM cm_monthly_report WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (managerId != null) {
      sql.append(" AND manager_id = ?");
      args.add(managerId);
    }
    if (regionCode != null) {
      sql.append(" AND region_code = ?");
      args.add(regionCode);
    }
    if (month != null) {
      sql.append(" AND report_month = ?");
      args.add(Date.valueOf(month.atDay(1)));
    }
    sql.append(" ORDER BY report_month DESC, manager_id FETCH FIRST ").append(limit).append(" ROWS ONLY");
    return jdbc.query(sql.toString(), this::map, args.toArray());
  }

  /** The content as drafted, or the frozen content once approved (with the final sections). */
  public MonthlyReportContent content(String reportKey) {
    Report r = find(reportKey).orElseThrow(() -> new IllegalStateException("no monthly report " + reportKey));
    String archived = jdbc.queryForObject("SELECT archived_json FROM cm_monthly_report WHERE report_key = ?",
        String.class, reportKey);
    if (archived != null) {
      return fromJson(archived);
    }
    return MonthlyReportBuilder.withSections(fromJson(jdbc.queryForObject(
        "SELECT content_json FROM cm_monthly_report WHERE report_key = ?", String.class, reportKey)), r.sections());
  }

  public void saveSubmission(String reportKey, Sections s) {
    jdbc.update("UPDATE cm_monthly_report SET status = 'SUBMITTED', overall_analysis = ?, problems_measures = ?, "
            + "customer_opinions = ?, forecast_analysis = ?, submitted_at = ? WHERE report_key = ? AND status <> 'APPROVED'",
        s.overallAnalysis(), s.problemsAndMeasures(), s.customerOpinions(), s.forecastAnalysis(),
        Timestamp.from(Instant.now()), reportKey);
  }

  public void addReview(String reportKey, String reviewer, String decision, String comment) {
    jdbc.update("INSERT INTO cm_monthly_report_review (report_key, reviewer, decision, review_comment, reviewed_at) "
        + "VALUES (?,?,?,?,?)", reportKey, reviewer, decision, comment, Timestamp.from(Instant.now()));
    if (MonthlySalesReportProcess.DECISION_RETURN.equals(decision)) {
      jdbc.update("UPDATE cm_monthly_report SET status = 'RETURNED' WHERE report_key = ?", reportKey);
    }
  }

  public List<Review> reviews(String reportKey) {
    return jdbc.query("SELECT reviewer, decision, review_comment, reviewed_at FROM cm_monthly_report_review "
            + "WHERE report_key = ? ORDER BY reviewed_at, id",
        (rs, i) -> new Review(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()), reportKey);
  }

  /** Freezes the content with the submitted sections, the approver and the time; once only. */
  public void archive(String reportKey, String approver, Instant at) {
    Report r = find(reportKey).orElseThrow();
    if ("APPROVED".equals(r.status())) {
      return;
    }
    MonthlyReportContent frozen = MonthlyReportBuilder.withSections(fromJson(
        jdbc.queryForObject("SELECT content_json FROM cm_monthly_report WHERE report_key = ?", String.class, reportKey)),
        r.sections());
    jdbc.update("UPDATE cm_monthly_report SET status = 'APPROVED', approved_by = ?, approved_at = ?, archived_json = ? "
        + "WHERE report_key = ? AND status <> 'APPROVED'", approver, Timestamp.from(at), toJson(frozen), reportKey);
  }

  public void recordEscalation(String reportKey, Instant at) {
    jdbc.update("INSERT INTO cm_monthly_report_escalation (report_key, escalated_at) VALUES (?, ?)", reportKey, Timestamp.from(at));
    jdbc.update("UPDATE cm_monthly_report SET escalated_at = COALESCE(escalated_at, ?) WHERE report_key = ?",
        Timestamp.from(at), reportKey);
  }

  public int escalations(String reportKey) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM cm_monthly_report_escalation WHERE report_key = ?",
        Integer.class, reportKey);
    return n == null ? 0 : n;
  }

  /** The forecast stored for the manager's month, if a report made one. */
  public Optional<BigDecimal> storedForecast(String managerId, YearMonth month) {
    return jdbc.query("SELECT cartons FROM cm_sales_forecast WHERE manager_id = ? AND forecast_month = ?",
        (rs, i) -> rs.getBigDecimal(1), managerId, Date.valueOf(month.atDay(1))).stream().findFirst();
  }

  /** Keeps the first forecast made for a manager's month. */
  public void storeForecast(String managerId, MonthlyReportContent.Forecast f, String reportKey) {
    if (f.cartons() == null || storedForecast(managerId, f.month()).isPresent()) {
      return;
    }
    jdbc.update("INSERT INTO cm_sales_forecast (manager_id, forecast_month, cartons, amount, method, report_key, made_at) "
            + "VALUES (?,?,?,?,?,?,?)", managerId, Date.valueOf(f.month().atDay(1)), f.cartons(),
        f.amount() == null ? BigDecimal.ZERO : f.amount(), f.method().substring(0, Math.min(200, f.method().length())),
        reportKey, Timestamp.from(Instant.now()));
  }

  String toJson(MonthlyReportContent content) {
    try {
      return json.writeValueAsString(content);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  MonthlyReportContent fromJson(String text) {
    try {
      return json.readValue(text, MonthlyReportContent.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored report content cannot be read", e);
    }
  }
}

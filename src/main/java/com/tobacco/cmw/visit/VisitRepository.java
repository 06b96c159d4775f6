package com.tobacco.cmw.visit;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The visit's records: the visit (cm_visit), its brand checks, the sign-in book, the special-visit
 * record, the downgrade request and unlicensed-seller sightings. Each links to its process
 * instance.
 */
@Repository
public class VisitRepository {

  /** A visit; {@code checkedBrands} are the brands its form listed, every one to be checked. */
  public record Visit(long id, String processInstanceId, String customerCode, String managerId, VisitType type,
                      LocalDate plannedDate, Instant dueAt, String status, String situation, boolean priceViolation,
                      Instant escalatedAt, Instant createdAt, Instant completedAt, List<String> checkedBrands) {}

  public record CheckRow(String brandCode, BigDecimal stockCartons, BigDecimal shelfPricePack, BigDecimal minPricePack,
                         boolean belowMinPrice, BigDecimal dailySales, int suggestedOrder) {}

  public record DowngradeRequest(long id, long visitId, String customerCode, String evidence, int gradeBefore,
                                 String decision, String decidedBy, String comment) {}

  private static final String VISIT_SELECT = "SELECT id, process_instance_id, customer_code, manager_id, visit_type, "
      + "planned_date, due_at, status, situation, price_violation, escalated_at, created_at, completed_at, checked_brands "
      + "FROM cm_visit";
  private static final RowMapper<Visit> VISIT_MAPPER = (rs, i) -> new Visit(rs.getLong(1), rs.getString(2),
      rs.getString(3), rs.getString(4), VisitType.valueOf(rs.getString(5)), rs.getObject(6, LocalDate.class),
      rs.getTimestamp(7).toInstant(), rs.getString(8), rs.getString(9), rs.getBoolean(10), instant(rs.getTimestamp(11)),
      rs.getTimestamp(12).toInstant(), instant(rs.getTimestamp(13)), List.of(rs.getString(14).split(",")));

  private final JdbcTemplate jdbc;

  public VisitRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public long open(String processInstanceId, String customerCode, String managerId, VisitType type,
                   LocalDate plannedDate, Instant dueAt, String situation, List<String> checkedBrands) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(con -> {
      var ps = con.prepareStatement("INSERT INTO cm_visit (process_instance_id, customer_code, manager_id, visit_type, "
          + "planned_date, due_at, status, situation, created_at, checked_brands) VALUES (?,?,?,?,?,?,'OPEN',?,?,?)",
          new String[] {"id"});
      ps.setString(1, processInstanceId);
      ps.setString(2, customerCode);
      ps.setString(3, managerId);
      ps.setString(4, type.name());
      ps.setObject(5, plannedDate);
      ps.setTimestamp(6, Timestamp.from(dueAt));
      ps.setString(7, situation);
      ps.setTimestamp(8, Timestamp.from(Instant.now()));
      ps.setString(9, String.join(",", checkedBrands));
      return ps;
    }, key);
    return key.getKey().longValue();
  }

  public void writeSpecialVisitRecord(long visitId, String customerCode, String situation, String reportedBy) {
    jdbc.update("INSERT INTO cm_special_visit_record (visit_id, customer_code, situation, reported_by, reported_at) "
        + "VALUES (?,?,?,?,?)", visitId, customerCode, situation, reportedBy, Timestamp.from(Instant.now()));
  }

  public Optional<Visit> find(long visitId) {
    return jdbc.query(VISIT_SELECT + " WHERE id = ?",
        VISIT_MAPPER,
        visitId).stream().findFirst();
  }

  /**
   * The visit of a process instance. Delegates take the visit, its customer and its type from
   * here, never from process variables, which a task's assignee could overwrite.
   */
  public Visit ofProcessInstance(String processInstanceId) {
    return jdbc.query(VISIT_SELECT + " WHERE process_instance_id = ?", VISIT_MAPPER, processInstanceId).stream().findFirst()
        .orElseThrow(() -> new IllegalStateException("no visit for process instance " + processInstanceId));
  }

  /** Visits of one customer, newest first. */
  public List<Visit> forCustomer(String customerCode, int limit) {
    return jdbc.query(VISIT_SELECT + " WHERE customer_code = ? "
        + "ORDER BY created_at DESC, id DESC LIMIT ?",
        VISIT_MAPPER,
        customerCode, limit);
  }

  /** Completes the visit with its report; the row must still be open (a retried job cannot write twice). */
  public void complete(long visitId, VisitReport report, boolean priceViolation, Instant at) {
    int updated = jdbc.update("UPDATE cm_visit SET status = 'DONE', info_passed_on = ?, info_collected = ?, display_work = ?, "
            + "lawful_observation = ?, price_violation = ?, completed_at = ? WHERE id = ? AND status = 'OPEN'",
        report.infoPassedOn(), report.infoCollected(), report.displayWork(), report.lawfulObservation(), priceViolation,
        Timestamp.from(at), visitId);
    if (updated != 1) {
      throw new IllegalStateException("visit " + visitId + " is not open");
    }
  }

  public void insertChecks(long visitId, List<CheckRow> rows) {
    jdbc.batchUpdate("INSERT INTO cm_visit_brand_check (visit_id, brand_code, stock_cartons, shelf_price_pack, min_price_pack, "
            + "below_min_price, daily_sales_cartons, suggested_order) VALUES (?,?,?,?,?,?,?,?)",
        rows.stream().map(row -> new Object[] {visitId, row.brandCode(), row.stockCartons(), row.shelfPricePack(),
            row.minPricePack(), row.belowMinPrice(), row.dailySales(), row.suggestedOrder()}).toList());
  }

  public List<CheckRow> checks(long visitId) {
    return jdbc.query("SELECT brand_code, stock_cartons, shelf_price_pack, min_price_pack, below_min_price, "
            + "daily_sales_cartons, suggested_order FROM cm_visit_brand_check WHERE visit_id = ? ORDER BY brand_code",
        (rs, i) -> new CheckRow(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
            rs.getBoolean(5), rs.getBigDecimal(6), rs.getInt(7)), visitId);
  }

  /** The stock as last counted (cm_stock), one row per customer and brand; standard SQL MERGE (H2, PostgreSQL 15+). */
  public void updateStock(String customerCode, List<CheckRow> rows, long visitId, Instant at) {
    jdbc.batchUpdate("MERGE INTO cm_stock s USING (VALUES (CAST(? AS VARCHAR(20)), CAST(? AS VARCHAR(20)), "
            + "CAST(? AS DECIMAL(12,2)), CAST(? AS TIMESTAMP), CAST(? AS BIGINT))) "
            + "AS v(customer_code, brand_code, quantity_cartons, counted_at, visit_id) "
            + "ON s.customer_code = v.customer_code AND s.brand_code = v.brand_code "
            + "WHEN MATCHED THEN UPDATE SET quantity_cartons = v.quantity_cartons, counted_at = v.counted_at, visit_id = v.visit_id "
            + "WHEN NOT MATCHED THEN INSERT (customer_code, brand_code, quantity_cartons, counted_at, visit_id) "
            + "VALUES (v.customer_code, v.brand_code, v.quantity_cartons, v.counted_at, v.visit_id)",
        rows.stream().map(row -> new Object[] {customerCode, row.brandCode(), row.stockCartons(), Timestamp.from(at), visitId})
            .toList());
  }

  public void writeSignIn(long visitId, String customerCode, String managerId, String workSummary, String signerName,
                          Instant at) {
    jdbc.update("INSERT INTO cm_sign_in_record (visit_id, customer_code, manager_id, work_summary, customer_signer_name, "
        + "customer_confirmed, signed_at) VALUES (?,?,?,?,?,TRUE,?)",
        visitId, customerCode, managerId, workSummary, signerName, Timestamp.from(at));
  }

  public Optional<String> signerOf(long visitId) {
    return jdbc.queryForList("SELECT customer_signer_name FROM cm_sign_in_record WHERE visit_id = ?", String.class, visitId)
        .stream().findFirst();
  }

  public void completeSpecialVisitRecord(long visitId, String handling, Instant at) {
    jdbc.update("UPDATE cm_special_visit_record SET handling = ?, completed_at = ? WHERE visit_id = ?",
        handling, Timestamp.from(at), visitId);
  }

  public void recordUnlicensedSighting(long visitId, String customerCode, VisitReport.UnlicensedSighting s,
                                       String reportedBy, Instant at) {
    jdbc.update("INSERT INTO cm_unlicensed_sighting (visit_id, customer_code, place, description, reported_by, reported_at) "
        + "VALUES (?,?,?,?,?,?)", visitId, customerCode, s.place(), s.description(), reportedBy, Timestamp.from(at));
  }

  /** The unlicensed-seller sighting a visit recorded, if any. */
  public Optional<Long> unlicensedSightingOf(long visitId) {
    return jdbc.queryForList("SELECT id FROM cm_unlicensed_sighting WHERE visit_id = ? ORDER BY id", Long.class, visitId)
        .stream().findFirst();
  }

  public long openDowngradeRequest(long visitId, String customerCode, String evidence, int gradeBefore,
                                   String processInstanceId) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(con -> {
      var ps = con.prepareStatement("INSERT INTO cm_downgrade_request (visit_id, customer_code, evidence, grade_before, "
          + "decision, process_instance_id) VALUES (?,?,?,?,'PENDING',?)", new String[] {"id"});
      ps.setLong(1, visitId);
      ps.setString(2, customerCode);
      ps.setString(3, evidence);
      ps.setInt(4, gradeBefore);
      ps.setString(5, processInstanceId);
      return ps;
    }, key);
    return key.getKey().longValue();
  }

  public Optional<DowngradeRequest> downgradeRequestOf(long visitId) {
    return jdbc.query("SELECT id, visit_id, customer_code, evidence, grade_before, decision, decided_by, comment "
            + "FROM cm_downgrade_request WHERE visit_id = ?",
        (rs, i) -> new DowngradeRequest(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5),
            rs.getString(6), rs.getString(7), rs.getString(8)), visitId).stream().findFirst();
  }

  /** Records the regional manager's decision; only a pending request can be decided. */
  public void decideDowngrade(long visitId, boolean approved, String decidedBy, String comment, Instant at) {
    int updated = jdbc.update("UPDATE cm_downgrade_request SET decision = ?, decided_by = ?, decided_at = ?, comment = ? "
            + "WHERE visit_id = ? AND decision = 'PENDING'",
        approved ? "APPROVED" : "REJECTED", decidedBy, Timestamp.from(at), comment, visitId);
    if (updated != 1) {
      throw new IllegalStateException("downgrade request of visit " + visitId + " is not pending");
    }
  }

  public void markEscalated(long visitId, Instant at) {
    jdbc.update("UPDATE cm_visit SET escalated_at = ? WHERE id = ? AND escalated_at IS NULL", Timestamp.from(at), visitId);
  }

  public void recordFollowUp(long visitId, String note, String by, Instant at) {
    jdbc.update("UPDATE cm_visit SET escalation_note = ?, escalation_followed_up_by = ?, escalation_followed_up_at = ? "
        + "WHERE id = ?", note, by, Timestamp.from(at), visitId);
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}

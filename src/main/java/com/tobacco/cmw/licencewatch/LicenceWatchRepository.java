package com.tobacco.cmw.licencewatch;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * {@code cm_licence_watch}: one row per customer and licence period (its expiry date) with the
 * reminder and the expiry exit started for it and the renewal that stopped them. The primary key
 * and the conditional claims make "once per licence period" hold when two runs overlap.
 */
@Repository
public class LicenceWatchRepository {

  /** A customer of the watch: in the network (ACTIVE or SUSPENDED), with its licence. */
  public record Watched(String customerCode, String storeName, String licenceNo, LocalDate licenceExpiry,
                        String managerId, String regionCode) {}

  public record Period(String customerCode, LocalDate licenceExpiry, String reminderInstanceId, Instant reminderStartedAt,
                       String reminderDoneBy, Instant reminderDoneAt, LocalDate customerInformedOn, String reminderNotes,
                       String exitInstanceId, Instant exitStartedAt, LocalDate renewedTo, Instant renewedAt) {}

  private static final String WATCHED = "SELECT c.customer_code, c.store_name, c.licence_no, c.licence_expiry, "
      + "c.manager_id, c.region_code FROM cm_customer c WHERE c.status IN ('ACTIVE','SUSPENDED') ";

  private final JdbcTemplate jdbc;

  public LicenceWatchRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Customers whose licence expires from {@code from} to {@code to} and who had no reminder for that expiry. */
  public List<Watched> dueForReminder(LocalDate from, LocalDate to) {
    return jdbc.query(WATCHED + "AND c.licence_expiry BETWEEN ? AND ? AND NOT EXISTS (SELECT 1 FROM cm_licence_watch w "
            + "WHERE w.customer_code = c.customer_code AND w.licence_expiry = c.licence_expiry "
            + "AND w.reminder_started_at IS NOT NULL) ORDER BY c.licence_expiry, c.customer_code",
        (rs, i) -> watched(rs), from, to);
  }

  /** Customers whose licence expired before {@code today} and for whose expiry no exit was started. */
  public List<Watched> expired(LocalDate today) {
    return jdbc.query(WATCHED + "AND c.licence_expiry < ? AND NOT EXISTS (SELECT 1 FROM cm_licence_watch w "
            + "WHERE w.customer_code = c.customer_code AND w.licence_expiry = c.licence_expiry "
            + "AND w.exit_started_at IS NOT NULL) ORDER BY c.licence_expiry, c.customer_code",
        (rs, i) -> watched(rs), today);
  }

  /** Claims the reminder of a licence period; false when another run claimed it first. */
  public boolean claimReminder(String customerCode, LocalDate expiry, Instant at) {
    ensureRow(customerCode, expiry);
    return jdbc.update("UPDATE cm_licence_watch SET reminder_started_at = ? WHERE customer_code = ? AND licence_expiry = ? "
        + "AND reminder_started_at IS NULL", Timestamp.from(at), customerCode, expiry) == 1;
  }

  public void reminderStarted(String customerCode, LocalDate expiry, String processInstanceId) {
    jdbc.update("UPDATE cm_licence_watch SET reminder_instance_id = ? WHERE customer_code = ? AND licence_expiry = ?",
        processInstanceId, customerCode, expiry);
  }

  /** Claims the expiry exit of a licence period; false when another run claimed it first. */
  public boolean claimExit(String customerCode, LocalDate expiry, Instant at) {
    ensureRow(customerCode, expiry);
    return jdbc.update("UPDATE cm_licence_watch SET exit_started_at = ? WHERE customer_code = ? AND licence_expiry = ? "
        + "AND exit_started_at IS NULL", Timestamp.from(at), customerCode, expiry) == 1;
  }

  public void exitStarted(String customerCode, LocalDate expiry, String processInstanceId) {
    jdbc.update("UPDATE cm_licence_watch SET exit_instance_id = ? WHERE customer_code = ? AND licence_expiry = ?",
        processInstanceId, customerCode, expiry);
  }

  public void reminderDone(String reminderInstanceId, String by, Instant at, LocalDate informedOn, String notes) {
    jdbc.update("UPDATE cm_licence_watch SET reminder_done_by = ?, reminder_done_at = ?, customer_informed_on = ?, "
        + "reminder_notes = ? WHERE reminder_instance_id = ?", by, Timestamp.from(at), informedOn, notes, reminderInstanceId);
  }

  /** The periods a renewal to {@code newExpiry} closes: every earlier period of the customer not yet renewed. */
  public List<Period> renewable(String customerCode, LocalDate newExpiry) {
    return jdbc.query("SELECT customer_code, licence_expiry, reminder_instance_id, reminder_started_at, reminder_done_by, "
            + "reminder_done_at, customer_informed_on, reminder_notes, exit_instance_id, exit_started_at, renewed_to, renewed_at "
            + "FROM cm_licence_watch WHERE customer_code = ? AND licence_expiry < ? AND renewed_to IS NULL", this::period,
        customerCode, newExpiry);
  }

  public void renewed(String customerCode, LocalDate expiry, LocalDate newExpiry, Instant at, String processInstanceId) {
    jdbc.update("UPDATE cm_licence_watch SET renewed_to = ?, renewed_at = ?, renewal_instance_id = ? "
        + "WHERE customer_code = ? AND licence_expiry = ?", newExpiry, Timestamp.from(at), processInstanceId, customerCode, expiry);
  }

  public Optional<Period> find(String customerCode, LocalDate expiry) {
    return jdbc.query("SELECT customer_code, licence_expiry, reminder_instance_id, reminder_started_at, reminder_done_by, "
            + "reminder_done_at, customer_informed_on, reminder_notes, exit_instance_id, exit_started_at, renewed_to, renewed_at "
            + "FROM cm_licence_watch WHERE customer_code = ? AND licence_expiry = ?", this::period, customerCode, expiry)
        .stream().findFirst();
  }

  /**
   * The period's row, race-safe: two overlapping runs (a manual job run, two nodes) may both try
   * to insert it. PostgreSQL skips the duplicate (a failed statement would abort the customer's
   * transaction); on H2 the duplicate key is caught, which leaves the transaction usable.
   */
  private void ensureRow(String customerCode, LocalDate expiry) {
    if (postgres()) {
      jdbc.update("INSERT INTO cm_licence_watch (customer_code, licence_expiry) VALUES (?, ?) "
          + "ON CONFLICT (customer_code, licence_expiry) DO NOTHING", customerCode, expiry);
      return;
    }
    try {
      jdbc.update("INSERT INTO cm_licence_watch (customer_code, licence_expiry) SELECT ?, ? FROM cm_customer "
          + "WHERE customer_code = ? AND NOT EXISTS (SELECT 1 FROM cm_licence_watch WHERE customer_code = ? AND licence_expiry = ?)",
          customerCode, expiry, customerCode, customerCode, expiry);
    } catch (org.springframework.dao.DuplicateKeyException e) {
      // another run inserted it meanwhile: the claim that follows decides
    }
  }

  private Boolean postgres;

  private boolean postgres() {
    if (postgres == null) {
      postgres = Boolean.TRUE.equals(jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Boolean>) con ->
          con.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")));
    }
    return postgres;
  }

  private static Watched watched(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Watched(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class), rs.getString(5),
        rs.getString(6));
  }

  private Period period(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Period(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3), instant(rs, 4), rs.getString(5),
        instant(rs, 6), rs.getObject(7, LocalDate.class), rs.getString(8), rs.getString(9), instant(rs, 10),
        rs.getObject(11, LocalDate.class), instant(rs, 12));
  }

  private static Instant instant(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}

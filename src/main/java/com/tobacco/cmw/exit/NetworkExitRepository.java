package com.tobacco.cmw.exit;

import com.tobacco.cmw.customer.ExitReason;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Exit applications ({@code cm_network_exit}), the instances an exit ended
 * ({@code cm_network_exit_ended}) and the confirmed-schedule visits it cancelled
 * ({@code cm_network_exit_schedule_change}).
 */
@Repository
public class NetworkExitRepository {

  public enum Status { VERIFYING, APPROVING, APPROVED, EXITED, REJECTED, WITHDRAWN }

  public record NetworkExit(long id, String customerCode, String regionCode, String managerId, ExitReason reason,
                            String explanation, LocalDate effectiveDate, String requestedBy, Instant requestedAt,
                            String outstandingSnapshot, String verifiedBy, Instant verifiedAt, String verificationNotes,
                            String decision, String decidedBy, Instant decidedAt, String decisionReason, Status status,
                            Instant completedAt, String withdrawnReason, String processInstanceId) {}

  public record NewExit(String customerCode, String regionCode, String managerId, ExitReason reason, String explanation,
                        LocalDate effectiveDate, String requestedBy, Instant requestedAt, String processInstanceId) {}

  public record EndedInstance(String processInstanceId, String processKey, String businessKey, Instant endedAt) {}

  public record ScheduleChange(long scheduleItemId, String scheduleKey, LocalDate visitDate) {}

  private static final String COLUMNS = "id, customer_code, region_code, manager_id, reason, explanation, effective_date, "
      + "requested_by, requested_at, outstanding_snapshot, verified_by, verified_at, verification_notes, decision, "
      + "decided_by, decided_at, decision_reason, status, completed_at, withdrawn_reason, process_instance_id";

  private final JdbcTemplate jdbc;
  private final com.tobacco.cmw.process.InstanceRuns instances;

  public NetworkExitRepository(JdbcTemplate jdbc, com.tobacco.cmw.process.InstanceRuns instances) {
    this.jdbc = jdbc;
    this.instances = instances;
  }

  /**
   * Writes a new application; false when the customer already has a running one (the UNIQUE
   * open_customer_code decides, so two starters cannot both get through).
   */
  public Optional<Long> open(NewExit e) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    try {
      jdbc.update(con -> {
        PreparedStatement ps = con.prepareStatement("INSERT INTO cm_network_exit (customer_code, open_customer_code, "
            + "region_code, manager_id, reason, explanation, effective_date, requested_by, requested_at, status, "
            + "process_instance_id) VALUES (?,?,?,?,?,?,?,?,?,'VERIFYING',?)", new String[] {"id"});
        ps.setString(1, e.customerCode());
        ps.setString(2, e.customerCode());
        ps.setString(3, e.regionCode());
        ps.setString(4, e.managerId());
        ps.setString(5, e.reason().name());
        ps.setString(6, e.explanation());
        ps.setObject(7, e.effectiveDate());
        ps.setString(8, e.requestedBy());
        ps.setTimestamp(9, Timestamp.from(e.requestedAt()));
        ps.setString(10, e.processInstanceId());
        return ps;
      }, keys);
    } catch (DuplicateKeyException duplicate) {
      return Optional.empty();
    }
    return Optional.of(keys.getKey().longValue());
  }

  public Optional<NetworkExit> find(long id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM cm_network_exit WHERE id = ?", this::map, id).stream().findFirst();
  }

  public NetworkExit ofProcessInstance(String processInstanceId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM cm_network_exit WHERE process_instance_id = ?", this::map,
        processInstanceId).stream().findFirst().orElseThrow(() -> new IllegalStateException(
            "no exit application for process instance " + processInstanceId));
  }

  /** The running application of a customer, if any. */
  public Optional<NetworkExit> running(String customerCode) {
    Optional<NetworkExit> open = jdbc.query("SELECT " + COLUMNS + " FROM cm_network_exit WHERE open_customer_code = ?",
        this::map, customerCode).stream().findFirst();
    if (open.isPresent() && !instances.runs(open.get().processInstanceId())) {
      // its instance was deleted with custom listeners skipped: the application is void
      jdbc.update("UPDATE cm_network_exit SET status = 'WITHDRAWN', withdrawn_reason = ?, completed_at = ?, "
              + "open_customer_code = NULL WHERE id = ? AND open_customer_code IS NOT NULL",
          com.tobacco.cmw.process.InstanceRuns.ENDED_NOTE, Timestamp.from(Instant.now()), open.get().id());
      return Optional.empty();
    }
    return open;
  }

  /** Every application of a customer, newest first. */
  public List<NetworkExit> ofCustomer(String customerCode) {
    return jdbc.query("SELECT " + COLUMNS + " FROM cm_network_exit WHERE customer_code = ? ORDER BY requested_at DESC, id DESC",
        this::map, customerCode);
  }

  public void recordOutstanding(long id, String snapshot) {
    jdbc.update("UPDATE cm_network_exit SET outstanding_snapshot = ? WHERE id = ?", truncate(snapshot, 8000), id);
  }

  public void recordVerification(long id, String by, Instant at, String notes) {
    jdbc.update("UPDATE cm_network_exit SET verified_by = ?, verified_at = ?, verification_notes = ?, status = 'APPROVING' "
        + "WHERE id = ?", by, Timestamp.from(at), notes, id);
  }

  /** The regional manager's decision; REJECTED closes the application, RETURNED sends it back to verification. */
  public void recordDecision(long id, String decision, String by, Instant at, String reason) {
    String status = switch (decision) {
      case NetworkExitProcess.APPROVED -> "APPROVED";
      case NetworkExitProcess.REJECTED -> "REJECTED";
      default -> "VERIFYING";
    };
    jdbc.update("UPDATE cm_network_exit SET decision = ?, decided_by = ?, decided_at = ?, decision_reason = ?, status = ?"
            + (decision.equals(NetworkExitProcess.REJECTED) ? ", open_customer_code = NULL" : "") + " WHERE id = ?",
        decision, by, Timestamp.from(at), reason, status, id);
  }

  public void markExited(long id, Instant at) {
    jdbc.update("UPDATE cm_network_exit SET status = 'EXITED', completed_at = ?, open_customer_code = NULL WHERE id = ?",
        Timestamp.from(at), id);
  }

  /** Withdraws a running application not yet approved; false when there was none to withdraw. */
  public boolean withdraw(long id, String reason, Instant at) {
    return jdbc.update("UPDATE cm_network_exit SET status = 'WITHDRAWN', withdrawn_reason = ?, completed_at = ?, "
        + "open_customer_code = NULL WHERE id = ? AND status IN ('VERIFYING','APPROVING')", reason, Timestamp.from(at), id) == 1;
  }

  public void recordEnded(long exitId, EndedInstance e) {
    jdbc.update("INSERT INTO cm_network_exit_ended (exit_id, process_instance_id, process_key, business_key, ended_at) "
        + "VALUES (?,?,?,?,?)", exitId, e.processInstanceId(), e.processKey(), e.businessKey(), Timestamp.from(e.endedAt()));
  }

  public List<EndedInstance> ended(long exitId) {
    return jdbc.query("SELECT process_instance_id, process_key, business_key, ended_at FROM cm_network_exit_ended "
            + "WHERE exit_id = ? ORDER BY id",
        (rs, i) -> new EndedInstance(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()),
        exitId);
  }

  public void recordScheduleChange(long exitId, ScheduleChange c) {
    jdbc.update("INSERT INTO cm_network_exit_schedule_change (exit_id, schedule_item_id, schedule_key, visit_date) "
        + "VALUES (?,?,?,?)", exitId, c.scheduleItemId(), c.scheduleKey(), c.visitDate());
  }

  public List<ScheduleChange> scheduleChanges(long exitId) {
    return jdbc.query("SELECT schedule_item_id, schedule_key, visit_date FROM cm_network_exit_schedule_change "
            + "WHERE exit_id = ? ORDER BY id",
        (rs, i) -> new ScheduleChange(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class)), exitId);
  }

  public void noteScheduleChanges(long exitId, String by, Instant at) {
    jdbc.update("UPDATE cm_network_exit_schedule_change SET noted_by = ?, noted_at = ? WHERE exit_id = ?",
        by, Timestamp.from(at), exitId);
  }

  private NetworkExit map(ResultSet rs, int row) throws SQLException {
    return new NetworkExit(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
        ExitReason.valueOf(rs.getString(5)), rs.getString(6), rs.getObject(7, LocalDate.class), rs.getString(8),
        instant(rs, 9), rs.getString(10), rs.getString(11), instant(rs, 12), rs.getString(13), rs.getString(14),
        rs.getString(15), instant(rs, 16), rs.getString(17), Status.valueOf(rs.getString(18)), instant(rs, 19),
        rs.getString(20), rs.getString(21));
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  static String truncate(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
  }
}

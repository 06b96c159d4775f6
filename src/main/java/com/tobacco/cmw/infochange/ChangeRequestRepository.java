package com.tobacco.cmw.infochange;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Change requests and their fields (tables {@code cm_customer_change_request},
 * {@code cm_customer_change_item}), linked to the process instance by its id; every write runs
 * in the caller's transaction.
 */
@Repository
public class ChangeRequestRepository {

  public enum Status { OPEN, APPLIED, REJECTED, REFUSED }

  public record Request(long id, String customerCode, String requestedBy, Instant requestedAt, String reason,
                        Status status, String decisionBy, Instant decisionAt, String decisionReason, String outcomeNote,
                        String processInstanceId) {}

  /** One requested field: the old value as the requester saw it, the new value, when it was applied. */
  public record Item(ChangeField field, String oldValue, String newValue, Instant appliedAt) {}

  private static final String REQUEST_COLUMNS = "id, customer_code, requested_by, requested_at, reason, status, "
      + "decision_by, decision_at, decision_reason, outcome_note, process_instance_id";

  private final JdbcTemplate jdbc;
  private final com.tobacco.cmw.process.InstanceRuns instances;

  public ChangeRequestRepository(JdbcTemplate jdbc, com.tobacco.cmw.process.InstanceRuns instances) {
    this.jdbc = jdbc;
    this.instances = instances;
  }

  /** Writes a request with its fields; answers its id. */
  public long open(String customerCode, String requestedBy, Instant requestedAt, String reason, Status status,
                   String processInstanceId, List<Item> items) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(con -> {
      var ps = con.prepareStatement("INSERT INTO cm_customer_change_request (customer_code, requested_by, requested_at, "
          + "reason, status, process_instance_id) VALUES (?,?,?,?,?,?)", new String[] {"id"});
      ps.setString(1, customerCode);
      ps.setString(2, requestedBy);
      ps.setTimestamp(3, Timestamp.from(requestedAt));
      ps.setString(4, reason);
      ps.setString(5, status.name());
      ps.setString(6, processInstanceId);
      return ps;
    }, key);
    long id = key.getKey().longValue();
    for (Item item : items) {
      jdbc.update("INSERT INTO cm_customer_change_item (request_id, field_name, old_value, new_value, category, applied_at) "
              + "VALUES (?,?,?,?,?,?)", id, item.field().column(), item.oldValue(), item.newValue(), item.field().category(),
          item.appliedAt() == null ? null : Timestamp.from(item.appliedAt()));
    }
    return id;
  }

  /**
   * The labels of those approval fields among {@code fields} that another open request of the
   * customer already asks to change.
   */
  public List<String> openApprovalFields(String customerCode, java.util.Collection<ChangeField> fields) {
    // an OPEN request whose instance was deleted with custom listeners skipped holds nothing
    for (java.util.Map<String, Object> open : jdbc.queryForList("SELECT id, process_instance_id FROM cm_customer_change_request "
        + "WHERE customer_code = ? AND status = 'OPEN'", customerCode)) {
      if (!instances.runs((String) open.get("process_instance_id"))) {
        jdbc.update("UPDATE cm_customer_change_request SET status = 'REFUSED', outcome_note = ? WHERE id = ? AND status = 'OPEN'",
            com.tobacco.cmw.process.InstanceRuns.ENDED_NOTE, ((Number) open.get("id")).longValue());
      }
    }
    List<String> open = jdbc.queryForList("SELECT DISTINCT i.field_name FROM cm_customer_change_item i "
        + "JOIN cm_customer_change_request r ON r.id = i.request_id WHERE r.customer_code = ? AND r.status = 'OPEN' "
        + "AND i.category = 'APPROVAL'", String.class, customerCode);
    return fields.stream().filter(f -> open.contains(f.column())).map(ChangeField::label).toList();
  }

  public Optional<Request> find(long id) {
    return jdbc.query("SELECT " + REQUEST_COLUMNS + " FROM cm_customer_change_request WHERE id = ?", this::map, id)
        .stream().findFirst();
  }

  public Request ofProcessInstance(String processInstanceId) {
    return jdbc.query("SELECT " + REQUEST_COLUMNS + " FROM cm_customer_change_request WHERE process_instance_id = ?",
        this::map, processInstanceId).stream().findFirst()
        .orElseThrow(() -> new IllegalStateException("no change request for process instance " + processInstanceId));
  }

  /** A customer's requests, newest first. */
  public List<Request> ofCustomer(String customerCode) {
    return jdbc.query("SELECT " + REQUEST_COLUMNS + " FROM cm_customer_change_request WHERE customer_code = ? "
        + "ORDER BY requested_at DESC, id DESC", this::map, customerCode);
  }

  public List<Item> items(long requestId) {
    return jdbc.query("SELECT field_name, old_value, new_value, applied_at FROM cm_customer_change_item "
            + "WHERE request_id = ? ORDER BY field_name",
        (rs, i) -> new Item(ChangeField.ofColumn(rs.getString(1)).orElseThrow(), rs.getString(2), rs.getString(3),
            rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()), requestId);
  }

  /** The regional manager's decision; only an open request can be decided. */
  public void decide(long id, String decidedBy, Instant at, String reason, Status status) {
    int updated = jdbc.update("UPDATE cm_customer_change_request SET decision_by = ?, decision_at = ?, decision_reason = ?, "
        + "status = ? WHERE id = ? AND status = 'OPEN'", decidedBy, Timestamp.from(at), reason, status.name(), id);
    if (updated != 1) {
      throw new IllegalStateException("change request " + id + " is not open");
    }
  }

  /** Records the approval without closing the request: it is applied (or refused) next. */
  public void approve(long id, String decidedBy, Instant at, String reason) {
    int updated = jdbc.update("UPDATE cm_customer_change_request SET decision_by = ?, decision_at = ?, decision_reason = ? "
        + "WHERE id = ? AND status = 'OPEN'", decidedBy, Timestamp.from(at), reason, id);
    if (updated != 1) {
      throw new IllegalStateException("change request " + id + " is not open");
    }
  }

  /** Closes an approved request: APPLIED, or REFUSED with the note saying why. */
  public void close(long id, Status status, String note) {
    jdbc.update("UPDATE cm_customer_change_request SET status = ?, outcome_note = ? WHERE id = ?", status.name(), note, id);
  }

  public void markApplied(long requestId, ChangeField field, Instant at) {
    jdbc.update("UPDATE cm_customer_change_item SET applied_at = ? WHERE request_id = ? AND field_name = ?",
        Timestamp.from(at), requestId, field.column());
  }

  private Request map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Request(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5),
        Status.valueOf(rs.getString(6)), rs.getString(7), rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant(),
        rs.getString(9), rs.getString(10), rs.getString(11));
  }
}

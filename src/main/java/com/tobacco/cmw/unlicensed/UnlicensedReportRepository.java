package com.tobacco.cmw.unlicensed;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The reports ({@code cm_unlicensed_report}), their evidence files ({@code cm_unlicensed_evidence})
 * and the link from a visit's sighting ({@code cm_unlicensed_sighting.report_case_no}). Every step of
 * the process writes here; the steps after a user task read the report from here, not from
 * process variables.
 */
@Repository
public class UnlicensedReportRepository {

  /** A report as stored. */
  public record Report(String caseNo, String processInstanceId, String regionCode, String reporterId,
                       String nearCustomerCode, Long visitId, String place, String placeKey, String description,
                       Instant seenAt, String evidenceNote, Instant reportedAt, ReportStatus status,
                       String reviewedBy, Instant reviewedAt, String reviewComment, String duplicateOf,
                       Instant forwardedAt, Instant investigationDue, Instant overdueAt, String overdueFollowedBy,
                       Instant overdueFollowedAt, String overdueNote, MonopolyResult result, String resultNote,
                       LocalDate resultDate, String resultBy, Instant resultRecordedAt, String acknowledgedBy,
                       Instant acknowledgedAt, String acknowledgement, Instant closedAt) {}

  /** What is written when a report is opened. */
  public record NewReport(String caseNo, int year, int seq, String processInstanceId, String regionCode,
                          String reporterId, String nearCustomerCode, Long visitId, String place, String description,
                          Instant seenAt, String evidenceNote, Instant reportedAt) {}

  /** An evidence file without its content. */
  public record Evidence(long id, String caseNo, String fileName, String contentType, long sizeBytes,
                         String uploadedBy, Instant uploadedAt) {}

  /** A sighting recorded by a visit (customerVisit). */
  public record Sighting(long id, Long visitId, String customerCode, String place, String description,
                         String reportedBy, Instant reportedAt, String reportCaseNo) {}

  private final JdbcTemplate jdbc;

  public UnlicensedReportRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void open(NewReport r) {
    jdbc.update("INSERT INTO cm_unlicensed_report (case_no, case_year, case_seq, process_instance_id, region_code, "
            + "reporter_id, near_customer_code, visit_id, place, place_key, description, seen_at, evidence_note, "
            + "reported_at, status) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        r.caseNo(), r.year(), r.seq(), r.processInstanceId(), r.regionCode(), r.reporterId(), r.nearCustomerCode(),
        r.visitId(), r.place(), PlaceKeys.key(r.place()), r.description(), ts(r.seenAt()), r.evidenceNote(),
        ts(r.reportedAt()), ReportStatus.REPORTED.name());
  }

  public Optional<Report> find(String caseNo) {
    return jdbc.query("SELECT * FROM cm_unlicensed_report WHERE case_no = ?", this::map, caseNo).stream().findFirst();
  }

  /** The report of a process instance; a missing report is a technical fault (retried, then an incident). */
  public Report ofProcessInstance(String processInstanceId) {
    return jdbc.query("SELECT * FROM cm_unlicensed_report WHERE process_instance_id = ?", this::map, processInstanceId)
        .stream().findFirst()
        .orElseThrow(() -> new IllegalStateException("no unlicensed-seller report for process instance "
            + processInstanceId));
  }

  /** Reports by scope (null = any), newest first. */
  public List<Report> list(String reporterId, String regionCode, ReportStatus status, int limit, int offset) {
    StringBuilder sql = new StringBuilder("SELECT * FROM cm_unlicensed_report WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (reporterId != null) {
      sql.append(" AND reporter_id = ?");
      args.add(reporterId);
    }
    if (regionCode != null) {
      sql.append(" AND region_code = ?");
      args.add(regionCode);
    }
    if (status != null) {
      sql.append(" AND status = ?");
      args.add(status.name());
    }
    sql.append(" ORDER BY reported_at DESC, case_no DESC LIMIT ? OFFSET ?");
    args.add(limit);
    args.add(offset);
    return jdbc.query(sql.toString(), this::map, args.toArray());
  }

  /** The open reports of a region (not this one), oldest first. */
  public List<Report> openOfRegion(String regionCode, String exceptCaseNo) {
    return jdbc.query("SELECT * FROM cm_unlicensed_report WHERE region_code = ? AND status IN ('REPORTED','FORWARDED') "
        + "AND case_no <> ? ORDER BY reported_at, case_no", this::map, regionCode, exceptCaseNo);
  }

  /** The reports closed as duplicates of this one. */
  public List<Report> duplicatesOf(String caseNo) {
    return jdbc.query("SELECT * FROM cm_unlicensed_report WHERE duplicate_of = ? ORDER BY reported_at, case_no",
        this::map, caseNo);
  }

  public void forward(String caseNo, String by, Instant at, String comment, Instant investigationDue) {
    jdbc.update("UPDATE cm_unlicensed_report SET status = 'FORWARDED', reviewed_by = ?, reviewed_at = ?, "
        + "review_comment = ?, forwarded_at = ?, investigation_due = ? WHERE case_no = ?",
        by, ts(at), comment, ts(at), ts(investigationDue), caseNo);
  }

  /**
   * Closes a report as a duplicate of an open one. Both rows are locked first, in case-number order
   * (two managers linking A to B and B to A at once: the second waits, then finds its original no longer
   * open), and both updates are conditional; false when the original is not open any more or the report
   * was decided meanwhile, and nothing is written. The report's own duplicates move to the new original,
   * so no duplicate points at a report that will never get a result.
   */
  public boolean closeAsDuplicate(String caseNo, String duplicateOf, String by, Instant at, String comment) {
    for (String locked : caseNo.compareTo(duplicateOf) < 0 ? List.of(caseNo, duplicateOf) : List.of(duplicateOf, caseNo)) {
      lock(locked);
    }
    Integer open = jdbc.queryForObject("SELECT COUNT(*) FROM cm_unlicensed_report WHERE case_no = ? "
        + "AND status IN ('REPORTED','FORWARDED')", Integer.class, duplicateOf);
    if (open == null || open == 0) {
      return false;
    }
    if (jdbc.update("UPDATE cm_unlicensed_report SET status = 'DUPLICATE', duplicate_of = ?, reviewed_by = ?, "
        + "reviewed_at = ?, review_comment = ?, closed_at = ? WHERE case_no = ? AND status = 'REPORTED'",
        duplicateOf, by, ts(at), comment, ts(at), caseNo) != 1) {
      return false;
    }
    jdbc.update("UPDATE cm_unlicensed_report SET duplicate_of = ? WHERE duplicate_of = ?", duplicateOf, caseNo);
    return true;
  }

  /** Locks a report's row until the transaction ends (SELECT ... FOR UPDATE, H2 and PostgreSQL). */
  public void lock(String caseNo) {
    jdbc.queryForList("SELECT case_no FROM cm_unlicensed_report WHERE case_no = ? FOR UPDATE", String.class, caseNo);
  }

  /** Stamps the overdue time once, only while the report is at the monopoly department; true if stamped. */
  public boolean markOverdue(String caseNo, Instant at) {
    return jdbc.update("UPDATE cm_unlicensed_report SET overdue_at = ? WHERE case_no = ? AND overdue_at IS NULL "
        + "AND status = 'FORWARDED'", ts(at), caseNo) == 1;
  }

  /** Records the follow-up only while the report is at the monopoly department; true if recorded. */
  public boolean recordOverdueFollowUp(String caseNo, String by, Instant at, String note) {
    return jdbc.update("UPDATE cm_unlicensed_report SET overdue_followed_by = ?, overdue_followed_at = ?, "
        + "overdue_note = ? WHERE case_no = ? AND status = 'FORWARDED'", by, ts(at), note, caseNo) == 1;
  }

  public void recordResult(String caseNo, MonopolyResult result, String note, LocalDate date, String by, Instant at) {
    jdbc.update("UPDATE cm_unlicensed_report SET status = 'RESULT_RECORDED', result = ?, result_note = ?, "
        + "result_date = ?, result_by = ?, result_recorded_at = ? WHERE case_no = ?",
        result.name(), note, java.sql.Date.valueOf(date), by, ts(at), caseNo);
  }

  public void acknowledge(String caseNo, String by, Instant at, String note) {
    jdbc.update("UPDATE cm_unlicensed_report SET status = 'CLOSED', acknowledged_by = ?, acknowledged_at = ?, "
        + "acknowledgement = ?, closed_at = ? WHERE case_no = ?", by, ts(at), note, ts(at), caseNo);
  }

  // ---------------------------------------------------------------- evidence

  public long addEvidence(String caseNo, String fileName, String contentType, byte[] content, String by, Instant at) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(con -> {
      var ps = con.prepareStatement("INSERT INTO cm_unlicensed_evidence (case_no, file_name, content_type, size_bytes, "
          + "content, uploaded_by, uploaded_at) VALUES (?,?,?,?,?,?,?)", new String[] {"id"});
      ps.setString(1, caseNo);
      ps.setString(2, fileName);
      ps.setString(3, contentType);
      ps.setLong(4, content.length);
      ps.setBytes(5, content);
      ps.setString(6, by);
      ps.setTimestamp(7, ts(at));
      return ps;
    }, key);
    return key.getKey().longValue();
  }

  public List<Evidence> evidence(String caseNo) {
    return jdbc.query("SELECT id, case_no, file_name, content_type, size_bytes, uploaded_by, uploaded_at "
        + "FROM cm_unlicensed_evidence WHERE case_no = ? ORDER BY id", (rs, i) -> new Evidence(rs.getLong(1),
        rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6), instant(rs, 7)), caseNo);
  }

  public Optional<byte[]> evidenceContent(String caseNo, long id) {
    return jdbc.query("SELECT content FROM cm_unlicensed_evidence WHERE case_no = ? AND id = ?",
        (rs, i) -> rs.getBytes(1), caseNo, id).stream().findFirst();
  }

  // ---------------------------------------------------------------- sightings of visits

  public Optional<Sighting> sighting(long id) {
    return jdbc.query("SELECT id, visit_id, customer_code, place, description, reported_by, reported_at, report_case_no "
        + "FROM cm_unlicensed_sighting WHERE id = ?", (rs, i) -> new Sighting(rs.getLong(1),
        (Long) rs.getObject(2, Long.class), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
        instant(rs, 7), rs.getString(8)), id).stream().findFirst();
  }

  public Optional<String> reportOfSighting(long sightingId) {
    return jdbc.queryForList("SELECT report_case_no FROM cm_unlicensed_sighting WHERE id = ? AND report_case_no IS NOT NULL",
        String.class, sightingId).stream().findFirst();
  }

  /** The sightings of a customer's visits no report was started for, oldest first. */
  public List<Long> unreportedSightingsOf(String customerCode) {
    return jdbc.queryForList("SELECT id FROM cm_unlicensed_sighting WHERE customer_code = ? AND report_case_no IS NULL "
        + "ORDER BY id", Long.class, customerCode);
  }

  /**
   * The sightings of visits that are done and whose instance has ended, not reported yet, oldest
   * first: recorded before reports existed or by the previous version of customerVisit.
   */
  public List<Long> unreportedSightingsOfEndedVisits() {
    return jdbc.queryForList("SELECT s.id FROM cm_unlicensed_sighting s JOIN cm_visit v ON v.id = s.visit_id "
        + "WHERE s.report_case_no IS NULL AND s.status = 'NEW' AND v.status = 'DONE' AND NOT EXISTS "
        + "(SELECT 1 FROM act_ru_execution e WHERE e.proc_inst_id_ = v.process_instance_id) ORDER BY s.id", Long.class);
  }

  /**
   * Links a sighting to its report, once: a sighting reported meanwhile by another transaction (the
   * visit's job, an exit, the start-up pass) makes this one fail and roll back its report.
   */
  public void linkSighting(long sightingId, String caseNo) {
    if (jdbc.update("UPDATE cm_unlicensed_sighting SET report_case_no = ?, status = 'REPORTED' WHERE id = ? "
        + "AND report_case_no IS NULL", caseNo, sightingId) != 1) {
      throw new IllegalStateException("sighting " + sightingId + " was reported meanwhile");
    }
  }

  // ---------------------------------------------------------------- mapping

  private Report map(ResultSet rs, int row) throws SQLException {
    String result = rs.getString("result");
    java.sql.Date resultDate = rs.getDate("result_date");
    return new Report(rs.getString("case_no"), rs.getString("process_instance_id"), rs.getString("region_code"),
        rs.getString("reporter_id"), rs.getString("near_customer_code"), rs.getObject("visit_id", Long.class),
        rs.getString("place"), rs.getString("place_key"), rs.getString("description"), instant(rs, "seen_at"),
        rs.getString("evidence_note"), instant(rs, "reported_at"), ReportStatus.valueOf(rs.getString("status")),
        rs.getString("reviewed_by"), instant(rs, "reviewed_at"), rs.getString("review_comment"),
        rs.getString("duplicate_of"), instant(rs, "forwarded_at"), instant(rs, "investigation_due"),
        instant(rs, "overdue_at"), rs.getString("overdue_followed_by"), instant(rs, "overdue_followed_at"),
        rs.getString("overdue_note"), result == null ? null : MonopolyResult.valueOf(result),
        rs.getString("result_note"), resultDate == null ? null : resultDate.toLocalDate(), rs.getString("result_by"),
        instant(rs, "result_recorded_at"), rs.getString("acknowledged_by"), instant(rs, "acknowledged_at"),
        rs.getString("acknowledgement"), instant(rs, "closed_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}

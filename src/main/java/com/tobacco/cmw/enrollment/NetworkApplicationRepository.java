package com.tobacco.cmw.enrollment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Enrollment applications (table {@code cm_network_application}) and the one-application-per-licence
 * guard ({@code cm_network_application_lock}). Every write runs in the caller's transaction.
 */
@Repository
public class NetworkApplicationRepository {

  public enum Status { PENDING_VERIFICATION, PENDING_APPROVAL, RETURNED, APPROVED, REJECTED, WITHDRAWN, CANCELLED;

    public boolean ended() {
      return this == APPROVED || this == REJECTED || this == WITHDRAWN || this == CANCELLED;
    }
  }

  /** The application's fields as the customer manager entered them. */
  public record Form(String storeName, String address, String licenceNo, LocalDate licenceExpiry, String holderName,
                     String holderType, String businessType, String regionCode, String contactName, String phone) {}

  public record Application(String applicationNo, int year, int seq, String processInstanceId, Form form,
                            String applicantId, Instant appliedAt, Instant amendedAt, Status status,
                            Boolean storeExists, Boolean licenceOriginalSeen, Integer recommendedGrade,
                            String verificationNotes, String verifiedBy, Instant verifiedAt, String decision,
                            String decidedBy, Instant decidedAt, String decisionReason, Integer grantedGrade,
                            String assignedManagerId, String customerCode, Instant endedAt, Instant rejectionNotedAt) {

    /** Store found and licence original seen. */
    public boolean verified() {
      return Boolean.TRUE.equals(storeExists) && Boolean.TRUE.equals(licenceOriginalSeen);
    }
  }

  private static final String COLUMNS = "application_no, app_year, app_seq, process_instance_id, store_name, address, "
      + "licence_no, licence_expiry, holder_name, holder_type, business_type, region_code, contact_name, phone, "
      + "applicant_id, applied_at, amended_at, status, store_exists, licence_original_seen, recommended_grade, "
      + "verification_notes, verified_by, verified_at, decision, decided_by, decided_at, decision_reason, granted_grade, "
      + "assigned_manager_id, customer_code, ended_at, rejection_noted_at";

  private final JdbcTemplate jdbc;
  private final com.tobacco.cmw.process.InstanceRuns instances;

  public NetworkApplicationRepository(JdbcTemplate jdbc, com.tobacco.cmw.process.InstanceRuns instances) {
    this.jdbc = jdbc;
    this.instances = instances;
  }

  public Optional<Application> find(String applicationNo) {
    return jdbc.query("SELECT " + COLUMNS + " FROM cm_network_application WHERE application_no = ?",
        NetworkApplicationRepository::map, applicationNo).stream().findFirst();
  }

  public Application ofProcessInstance(String processInstanceId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM cm_network_application WHERE process_instance_id = ?",
            NetworkApplicationRepository::map, processInstanceId).stream().findFirst()
        .orElseThrow(() -> new IllegalStateException("no enrollment application for instance " + processInstanceId));
  }

  /** Applications, newest first; applicantId and regionCode narrow the list when not null. */
  public List<Application> list(String applicantId, String regionCode, Status status, int limit, int offset) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM cm_network_application WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (applicantId != null) {
      sql.append(" AND (applicant_id = ? OR assigned_manager_id = ?)");
      args.add(applicantId);
      args.add(applicantId);
    }
    if (regionCode != null) {
      sql.append(" AND region_code = ?");
      args.add(regionCode);
    }
    if (status != null) {
      sql.append(" AND status = ?");
      args.add(status.name());
    }
    sql.append(" ORDER BY applied_at DESC, application_no DESC LIMIT ? OFFSET ?");
    args.add(limit);
    args.add(offset);
    return jdbc.query(sql.toString(), NetworkApplicationRepository::map, args.toArray());
  }

  public void insert(String applicationNo, int year, int seq, String processInstanceId, Form f, String applicantId,
                     Instant at) {
    jdbc.update("INSERT INTO cm_network_application (application_no, app_year, app_seq, process_instance_id, store_name, "
            + "address, licence_no, licence_expiry, holder_name, holder_type, business_type, region_code, contact_name, "
            + "phone, applicant_id, applied_at, status) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,'PENDING_VERIFICATION')",
        applicationNo, year, seq, processInstanceId, f.storeName(), f.address(), f.licenceNo(), f.licenceExpiry(),
        f.holderName(), f.holderType(), f.businessType(), f.regionCode(), f.contactName(), f.phone(), applicantId,
        Timestamp.from(at));
  }

  /** The amended application; the verification and decision of the earlier round are kept until replaced. */
  public void amend(String applicationNo, Form f, Instant at) {
    jdbc.update("UPDATE cm_network_application SET store_name = ?, address = ?, licence_no = ?, licence_expiry = ?, "
            + "holder_name = ?, holder_type = ?, business_type = ?, region_code = ?, contact_name = ?, phone = ?, "
            + "amended_at = ?, status = 'PENDING_VERIFICATION' WHERE application_no = ?",
        f.storeName(), f.address(), f.licenceNo(), f.licenceExpiry(), f.holderName(), f.holderType(), f.businessType(),
        f.regionCode(), f.contactName(), f.phone(), Timestamp.from(at), applicationNo);
  }

  public void recordVerification(String applicationNo, boolean storeExists, boolean originalSeen, int grade,
                                 String notes, String by, Instant at) {
    jdbc.update("UPDATE cm_network_application SET store_exists = ?, licence_original_seen = ?, recommended_grade = ?, "
            + "verification_notes = ?, verified_by = ?, verified_at = ?, status = 'PENDING_APPROVAL' "
            + "WHERE application_no = ?",
        storeExists, originalSeen, grade, notes, by, Timestamp.from(at), applicationNo);
  }

  /** The regional manager's decision; {@code status} RETURNED, PENDING_APPROVAL (approved, customer to create) or REJECTED. */
  public void recordDecision(String applicationNo, String decision, String by, Instant at, String reason,
                             Integer grantedGrade, String managerId, Status status) {
    jdbc.update("UPDATE cm_network_application SET decision = ?, decided_by = ?, decided_at = ?, decision_reason = ?, "
            + "granted_grade = ?, assigned_manager_id = ?, status = ?, ended_at = ? WHERE application_no = ?",
        decision, by, Timestamp.from(at), reason, grantedGrade, managerId, status.name(),
        status.ended() ? Timestamp.from(at) : null, applicationNo);
  }

  public void approved(String applicationNo, String customerCode, Instant at) {
    jdbc.update("UPDATE cm_network_application SET status = 'APPROVED', customer_code = ?, ended_at = ? "
        + "WHERE application_no = ?", customerCode, Timestamp.from(at), applicationNo);
  }

  /** Rejected by the system after approval: the licence went to another customer meanwhile. */
  public void rejectedAfterApproval(String applicationNo, String reason, Instant at) {
    jdbc.update("UPDATE cm_network_application SET status = 'REJECTED', decision_reason = ?, ended_at = ? "
        + "WHERE application_no = ?", reason, Timestamp.from(at), applicationNo);
  }

  public void ended(String applicationNo, Status status, Instant at) {
    jdbc.update("UPDATE cm_network_application SET status = ?, ended_at = ? WHERE application_no = ?",
        status.name(), Timestamp.from(at), applicationNo);
  }

  public void rejectionNoted(String applicationNo, Instant at) {
    jdbc.update("UPDATE cm_network_application SET rejection_noted_at = ? WHERE application_no = ?",
        Timestamp.from(at), applicationNo);
  }

  // ---- one application in progress per licence

  /** The application in progress for a licence, if any. */
  public Optional<String> applicationInProgress(String licenceNo) {
    Optional<String> holder = jdbc.queryForList("SELECT application_no FROM cm_network_application_lock WHERE licence_no = ?",
        String.class, licenceNo).stream().findFirst();
    Optional<Application> app = holder.flatMap(this::find);
    if (app.isPresent() && !instances.runs(app.get().processInstanceId())) {
      // its instance was deleted with custom listeners skipped (networkApplicationEnded did not run)
      if (!app.get().status().ended()) {
        ended(app.get().applicationNo(), Status.CANCELLED, Instant.now());
      }
      releaseLicence(app.get().applicationNo());
      return Optional.empty();
    }
    return holder;
  }

  /**
   * Takes the licence for an application; false when another application holds it. A competing
   * insert not yet committed makes this wait for it (primary key), so two concurrent starts
   * cannot both succeed.
   */
  public boolean lockLicence(String licenceNo, String applicationNo, boolean postgres) {
    if (postgres) {
      return jdbc.update("INSERT INTO cm_network_application_lock (licence_no, application_no) VALUES (?, ?) "
          + "ON CONFLICT (licence_no) DO NOTHING", licenceNo, applicationNo) == 1;
    }
    try {
      jdbc.update("INSERT INTO cm_network_application_lock (licence_no, application_no) VALUES (?, ?)", licenceNo,
          applicationNo);
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  public void releaseLicence(String applicationNo) {
    jdbc.update("DELETE FROM cm_network_application_lock WHERE application_no = ?", applicationNo);
  }

  private static Application map(ResultSet rs, int i) throws SQLException {
    return new Application(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4),
        new Form(rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class), rs.getString(9),
            rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14)),
        rs.getString(15), instant(rs.getTimestamp(16)), instant(rs.getTimestamp(17)), Status.valueOf(rs.getString(18)),
        (Boolean) rs.getObject(19), (Boolean) rs.getObject(20), (Integer) rs.getObject(21), rs.getString(22),
        rs.getString(23), instant(rs.getTimestamp(24)), rs.getString(25), rs.getString(26), instant(rs.getTimestamp(27)),
        rs.getString(28), (Integer) rs.getObject(29), rs.getString(30), rs.getString(31), instant(rs.getTimestamp(32)),
        instant(rs.getTimestamp(33)));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}

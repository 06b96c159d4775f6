package com.tobacco.cmw.complaint;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The complaint case ({@code cm_complaint_case}), its steps ({@code cm_complaint_step}) and its
 * escalations ({@code cm_complaint_escalation}). Every step of the process writes here; the
 * steps after a user task read the case from here, not from process variables.
 */
@Repository
public class ComplaintCaseRepository {

  /** The case as stored. Quantities in the reported unit. */
  public record ComplaintCase(String caseNo, String processInstanceId, String customerCode, String regionCode,
                              String managerId, String brandCode, int quantity, String quantityUnit,
                              String defectDescription, Instant reportedAt, String reportedBy, String currentStep,
                              Instant stepDueAt, Instant caseDueAt, Instant inspectedAt, String inspectedBy,
                              Boolean defectConfirmed, String cause, String inspectionNotes, Instant formSignedAt,
                              String formBy, String signerName, Instant reviewedAt, String reviewedBy,
                              String reviewDecision, Integer approvedQuantity, String reviewComment,
                              Instant replacedAt, String replacedBy, Integer replacedQuantity,
                              String customerConfirmation, Instant fedBackAt, String fedBackBy, String feedbackNote,
                              Instant closedAt, String result, Instant referredAt, String monopolyResult,
                              String monopolyBy, Instant monopolyAt) {

    public boolean suspectedCounterfeit() {
      return ComplaintCause.SUSPECTED_COUNTERFEIT.name().equals(cause);
    }
  }

  public record Step(String step, Instant doneAt, String doneBy, String outcome, String comment) {}

  public record Escalation(long id, String step, Instant dueAt, Instant escalatedAt, String notifiedGroup,
                           String noticedBy, Instant noticedAt, String noticeComment) {}

  /** What is written when a case is opened. */
  public record NewCase(String caseNo, int year, int seq, String processInstanceId, String customerCode,
                        String regionCode, String managerId, String brandCode, int quantity, String quantityUnit,
                        String defectDescription, Instant reportedAt, String reportedBy, Instant inspectionDue,
                        Instant caseDue) {}

  private final JdbcTemplate jdbc;

  public ComplaintCaseRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void open(NewCase c) {
    jdbc.update("INSERT INTO cm_complaint_case (case_no, case_year, case_seq, process_instance_id, customer_code, "
            + "region_code, manager_id, brand_code, quantity, quantity_unit, defect_description, reported_at, reported_by, "
            + "current_step, step_due_at, case_due_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        c.caseNo(), c.year(), c.seq(), c.processInstanceId(), c.customerCode(), c.regionCode(), c.managerId(),
        c.brandCode(), c.quantity(), c.quantityUnit(), c.defectDescription(), ts(c.reportedAt()), c.reportedBy(),
        ComplaintStep.INSPECTION.name(), ts(c.inspectionDue()), ts(c.caseDue()));
    addStep(c.caseNo(), ComplaintStep.REPORTED, c.reportedAt(), c.reportedBy(), null, c.defectDescription());
  }

  public Optional<ComplaintCase> find(String caseNo) {
    return jdbc.query("SELECT * FROM cm_complaint_case WHERE case_no = ?", this::map, caseNo).stream().findFirst();
  }

  /** The case of a process instance; a missing case is a technical fault (retried, then an incident). */
  public ComplaintCase ofProcessInstance(String processInstanceId) {
    return jdbc.query("SELECT * FROM cm_complaint_case WHERE process_instance_id = ?", this::map, processInstanceId)
        .stream().findFirst()
        .orElseThrow(() -> new IllegalStateException("no complaint case for process instance " + processInstanceId));
  }

  /** Where the case stands now and until when that step is due (null: no step deadline). */
  public void moveTo(String caseNo, ComplaintStep step, Instant stepDue) {
    jdbc.update("UPDATE cm_complaint_case SET current_step = ?, step_due_at = ? WHERE case_no = ?",
        step.name(), ts(stepDue), caseNo);
  }

  public void recordInspection(String caseNo, Instant at, String by, boolean confirmed, ComplaintCause cause, String notes) {
    jdbc.update("UPDATE cm_complaint_case SET inspected_at = ?, inspected_by = ?, defect_confirmed = ?, cause = ?, "
        + "inspection_notes = ? WHERE case_no = ?", ts(at), by, confirmed, cause.name(), notes, caseNo);
    addStep(caseNo, ComplaintStep.INSPECTION, at, by, cause.name(),
        (confirmed ? "確認不合格" : "未發現質量問題") + (notes == null ? "" : ":" + notes));
  }

  public void recordReferral(String caseNo, Instant at) {
    jdbc.update("UPDATE cm_complaint_case SET referred_at = ? WHERE case_no = ?", ts(at), caseNo);
  }

  public void recordFeedbackForm(String caseNo, Instant at, String by, String signerName) {
    jdbc.update("UPDATE cm_complaint_case SET form_signed_at = ?, form_by = ?, signer_name = ? WHERE case_no = ?",
        ts(at), by, signerName, caseNo);
    addStep(caseNo, ComplaintStep.FEEDBACK_FORM, at, by, "SIGNED", signerName);
  }

  public void recordReview(String caseNo, Instant at, String by, String decision, Integer approvedQuantity, String comment) {
    jdbc.update("UPDATE cm_complaint_case SET reviewed_at = ?, reviewed_by = ?, review_decision = ?, approved_quantity = ?, "
        + "review_comment = ? WHERE case_no = ?", ts(at), by, decision, approvedQuantity, comment, caseNo);
    addStep(caseNo, ComplaintStep.REVIEW, at, by, decision, comment);
  }

  public void recordMoreInformation(String caseNo, Instant at, String by, String information) {
    addStep(caseNo, ComplaintStep.MORE_INFO, at, by, "PROVIDED", information);
  }

  public void recordReplacement(String caseNo, Instant at, String by, int quantity, String confirmation) {
    jdbc.update("UPDATE cm_complaint_case SET replaced_at = ?, replaced_by = ?, replaced_quantity = ?, "
        + "customer_confirmation = ? WHERE case_no = ?", ts(at), by, quantity, confirmation, caseNo);
    addStep(caseNo, ComplaintStep.REPLACEMENT, at, by, "REPLACED:" + quantity, confirmation);
  }

  public void recordFeedbackToCustomer(String caseNo, Instant at, String by, String note) {
    jdbc.update("UPDATE cm_complaint_case SET fed_back_at = ?, fed_back_by = ?, feedback_note = ? WHERE case_no = ?",
        ts(at), by, note, caseNo);
    addStep(caseNo, ComplaintStep.FEEDBACK_TO_CUSTOMER, at, by, null, note);
  }

  public void recordMonopolyResult(String caseNo, Instant at, String by, String result) {
    jdbc.update("UPDATE cm_complaint_case SET monopoly_result = ?, monopoly_by = ?, monopoly_at = ? WHERE case_no = ?",
        result, by, ts(at), caseNo);
    addStep(caseNo, ComplaintStep.COUNTERFEIT_REFERRAL, at, by, "INVESTIGATED", result);
  }

  public void close(String caseNo, Instant at, String result) {
    jdbc.update("UPDATE cm_complaint_case SET closed_at = ?, result = ?, current_step = ?, step_due_at = NULL "
        + "WHERE case_no = ?", ts(at), result, ComplaintStep.CLOSED.name(), caseNo);
    addStep(caseNo, ComplaintStep.CLOSED, at, "system", result, null);
  }

  public long addEscalation(String caseNo, String step, Instant dueAt, Instant escalatedAt, String group) {
    jdbc.update("INSERT INTO cm_complaint_escalation (case_no, step, due_at, escalated_at, notified_group) "
        + "VALUES (?,?,?,?,?)", caseNo, step, ts(dueAt), ts(escalatedAt), group);
    return jdbc.queryForObject("SELECT MAX(id) FROM cm_complaint_escalation WHERE case_no = ? AND step = ?",
        Long.class, caseNo, step);
  }

  /** The oldest escalation of the case nobody has noticed yet, marked noticed; empty if none is left. */
  public Optional<Escalation> notice(String caseNo, Instant at, String by, String comment) {
    Optional<Escalation> open = escalations(caseNo).stream().filter(e -> e.noticedBy() == null).findFirst();
    open.ifPresent(e -> jdbc.update("UPDATE cm_complaint_escalation SET noticed_by = ?, noticed_at = ?, notice_comment = ? "
        + "WHERE id = ?", by, ts(at), comment, e.id()));
    return open;
  }

  public List<Escalation> escalations(String caseNo) {
    return jdbc.query("SELECT * FROM cm_complaint_escalation WHERE case_no = ? ORDER BY id", (rs, i) -> new Escalation(
        rs.getLong("id"), rs.getString("step"), instant(rs, "due_at"), instant(rs, "escalated_at"),
        rs.getString("notified_group"), rs.getString("noticed_by"), instant(rs, "noticed_at"),
        rs.getString("notice_comment")), caseNo);
  }

  public List<Step> steps(String caseNo) {
    return jdbc.query("SELECT step, done_at, done_by, outcome, step_comment FROM cm_complaint_step WHERE case_no = ? "
        + "ORDER BY id", (rs, i) -> new Step(rs.getString(1), instant(rs, "done_at"), rs.getString(3), rs.getString(4),
        rs.getString(5)), caseNo);
  }

  private void addStep(String caseNo, ComplaintStep step, Instant at, String by, String outcome, String comment) {
    jdbc.update("INSERT INTO cm_complaint_step (case_no, step, done_at, done_by, outcome, step_comment) VALUES (?,?,?,?,?,?)",
        caseNo, step.name(), ts(at), by, outcome, comment);
  }

  private ComplaintCase map(ResultSet rs, int row) throws SQLException {
    return new ComplaintCase(rs.getString("case_no"), rs.getString("process_instance_id"), rs.getString("customer_code"),
        rs.getString("region_code"), rs.getString("manager_id"), rs.getString("brand_code"), rs.getInt("quantity"),
        rs.getString("quantity_unit"), rs.getString("defect_description"), instant(rs, "reported_at"),
        rs.getString("reported_by"), rs.getString("current_step"), instant(rs, "step_due_at"), instant(rs, "case_due_at"),
        instant(rs, "inspected_at"), rs.getString("inspected_by"), (Boolean) rs.getObject("defect_confirmed"),
        rs.getString("cause"), rs.getString("inspection_notes"), instant(rs, "form_signed_at"), rs.getString("form_by"),
        rs.getString("signer_name"), instant(rs, "reviewed_at"), rs.getString("reviewed_by"),
        rs.getString("review_decision"), (Integer) rs.getObject("approved_quantity"), rs.getString("review_comment"),
        instant(rs, "replaced_at"), rs.getString("replaced_by"), (Integer) rs.getObject("replaced_quantity"),
        rs.getString("customer_confirmation"), instant(rs, "fed_back_at"), rs.getString("fed_back_by"),
        rs.getString("feedback_note"), instant(rs, "closed_at"), rs.getString("result"), instant(rs, "referred_at"),
        rs.getString("monopoly_result"), rs.getString("monopoly_by"), instant(rs, "monopoly_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static Timestamp ts(Instant at) {
    return at == null ? null : Timestamp.from(at);
  }
}

package com.tobacco.cmw.unlicensed;

import com.tobacco.cmw.customer.CustomerRepository;
import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.security.AccessDeniedException;
import com.tobacco.cmw.security.CurrentUser;
import com.tobacco.cmw.security.DataScope;
import com.tobacco.cmw.security.Roles;
import com.tobacco.cmw.security.StaffDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reports as the current user may see them: a customer manager the reports they made, a regional
 * manager those of their region, the monopoly department, sales operations, auditors and
 * administrators all; anyone else is refused (403). A report outside the caller's scope is "not
 * found" (404). Evidence files are added by the reporter while the report is not closed.
 */
@Service
public class UnlicensedReports {

  static final List<String> SEE_ALL = List.of(Roles.ADMIN, Roles.AUDITORS, Roles.MONOPOLY_DEPARTMENT,
      Roles.SALES_OPERATIONS);
  static final Set<String> EVIDENCE_TYPES = Set.of("image/jpeg", "image/png", "application/pdf");
  static final int MAX_EVIDENCE_FILES = 10;

  /** A report as {@code GET /api/unlicensed-reports/{caseNo}} shows it. */
  public record ReportView(String caseNo, ReportStatus status, String statusLabel, String regionCode,
                           String regionName, String reporterId, String reporterName, String nearCustomerCode,
                           Long visitId, String place, String description, Instant seenAt, String evidenceNote,
                           Instant reportedAt, String reviewedBy, Instant reviewedAt, String reviewComment,
                           Instant forwardedAt, Instant investigationDue, Instant overdueAt, String overdueFollowedBy,
                           String overdueNote, MonopolyResult result, String resultLabel, String resultNote,
                           LocalDate resultDate, String resultBy, String acknowledgedBy, Instant acknowledgedAt,
                           Instant closedAt, Original duplicateOf, List<Duplicate> duplicates,
                           List<UnlicensedReportRepository.Evidence> evidence, String processInstanceId,
                           String historyUrl) {}

  /** The report a duplicate was closed into, with its result once the monopoly department has one. */
  public record Original(String caseNo, ReportStatus status, String statusLabel, MonopolyResult result,
                         String resultLabel, String resultNote, LocalDate resultDate) {}

  /** A later report of the same place closed into this one. */
  public record Duplicate(String caseNo, String reporterId, Instant reportedAt, Instant seenAt) {}

  /** A line of {@code GET /api/unlicensed-reports}. */
  public record Line(String caseNo, ReportStatus status, String statusLabel, String regionCode, String reporterId,
                     String place, Instant seenAt, Instant reportedAt, String duplicateOf, MonopolyResult result,
                     String resultLabel, LocalDate resultDate) {}

  private final UnlicensedReportRepository reports;
  private final DataScope dataScope;
  private final CurrentUser currentUser;
  private final StaffDirectory staff;
  private final CustomerRepository customers;
  private final UnlicensedParties parties;
  private final long maxEvidenceBytes;

  public UnlicensedReports(UnlicensedReportRepository reports, DataScope dataScope, CurrentUser currentUser,
                           StaffDirectory staff, CustomerRepository customers, UnlicensedParties parties,
                           @Value("${cmw.unlicensed.evidence-max-bytes:5242880}") long maxEvidenceBytes) {
    this.reports = reports;
    this.dataScope = dataScope;
    this.currentUser = currentUser;
    this.staff = staff;
    this.customers = customers;
    this.parties = parties;
    this.maxEvidenceBytes = maxEvidenceBytes;
  }

  public List<Line> list(ReportStatus status, int limit, int offset) {
    DataScope.Scope scope = scope();
    return reports.list(scope.managerId(), scope.regionCode(), status, Math.max(1, Math.min(limit, 500)),
            Math.max(0, offset)).stream()
        .map(r -> new Line(r.caseNo(), r.status(), r.status().label(), r.regionCode(), r.reporterId(), r.place(),
            r.seenAt(), r.reportedAt(), r.duplicateOf(), r.result(), r.result() == null ? null : r.result().label(),
            r.resultDate()))
        .toList();
  }

  public ReportView visible(String caseNo) {
    UnlicensedReportRepository.Report r = visibleReport(caseNo);
    Original original = r.duplicateOf() == null ? null : reports.find(r.duplicateOf()).map(o -> new Original(o.caseNo(),
        o.status(), o.status().label(), o.result(), o.result() == null ? null : o.result().label(), o.resultNote(),
        o.resultDate())).orElse(null);
    List<Duplicate> duplicates = reports.duplicatesOf(r.caseNo()).stream()
        .map(d -> new Duplicate(d.caseNo(), d.reporterId(), d.reportedAt(), d.seenAt())).toList();
    return new ReportView(r.caseNo(), r.status(), r.status().label(), r.regionCode(), customers.regionName(r.regionCode()),
        r.reporterId(), staff.find(r.reporterId()).map(StaffDirectory.Staff::name).orElse(r.reporterId()),
        r.nearCustomerCode(), r.visitId(), r.place(), r.description(), r.seenAt(), r.evidenceNote(), r.reportedAt(),
        r.reviewedBy(), r.reviewedAt(), r.reviewComment(), r.forwardedAt(), r.investigationDue(), r.overdueAt(),
        r.overdueFollowedBy(), r.overdueNote(), r.result(), r.result() == null ? null : r.result().label(),
        r.resultNote(), r.resultDate(), r.resultBy(), r.acknowledgedBy(), r.acknowledgedAt(), r.closedAt(), original,
        duplicates, reports.evidence(r.caseNo()), r.processInstanceId(),
        "/engine-rest/history/process-instance/" + r.processInstanceId());
  }

  public UnlicensedReportRepository.Report visibleReport(String caseNo) {
    DataScope.Scope scope = scope();
    UnlicensedReportRepository.Report r = reports.find(caseNo).orElse(null);
    if (r == null || !((scope.managerId() == null || scope.managerId().equals(r.reporterId()))
        && (scope.regionCode() == null || scope.regionCode().equals(r.regionCode())))) {
      throw new NoSuchElementException("無證經營舉報 " + caseNo + " 不存在或不在您的權限範圍內 / report " + caseNo
          + " not found");
    }
    return r;
  }

  /** An uploaded file's content, read only once its size has been accepted. */
  @FunctionalInterface
  public interface Content {
    byte[] read() throws IOException;
  }

  /** The reporter adds a photo or document (JPEG, PNG, PDF) while the report is not closed. */
  @Transactional
  public UnlicensedReportRepository.Evidence addEvidence(String caseNo, String fileName, String contentType,
                                                         byte[] content) {
    return addEvidence(caseNo, fileName, contentType, content == null ? 0 : content.length, () -> content);
  }

  /**
   * As above, with the size the upload declares: a file larger than the limit is refused before its
   * content is read into memory. The report's row is locked before its files are counted, so two
   * uploads at once cannot both pass the limit of {@value #MAX_EVIDENCE_FILES}.
   */
  @Transactional
  public UnlicensedReportRepository.Evidence addEvidence(String caseNo, String fileName, String contentType,
                                                         long size, Content read) {
    visibleReport(caseNo);
    reports.lock(caseNo);
    UnlicensedReportRepository.Report r = visibleReport(caseNo);
    String userId = currentUser.requireUserId();
    if (!userId.equals(r.reporterId())) {
      throw new AccessDeniedException("只有舉報人可以補充證據 / only the reporter adds evidence (" + userId + ")");
    }
    if (r.status() == ReportStatus.CLOSED || r.status() == ReportStatus.DUPLICATE) {
      throw InvalidInput.atStart("舉報 " + caseNo + " 已" + r.status().label() + ",不能再補充證據 / the report is closed");
    }
    if (size <= 0) {
      throw InvalidInput.atStart("請選擇要上傳的證據文件 / no file uploaded");
    }
    if (size > maxEvidenceBytes) {
      throw InvalidInput.atStart("證據文件不能超過 " + (maxEvidenceBytes / 1024 / 1024) + " MB / the file is larger than "
          + maxEvidenceBytes + " bytes");
    }
    byte[] content;
    try {
      content = read.read();
    } catch (IOException e) {
      throw new UncheckedIOException("evidence upload of " + caseNo + " could not be read", e);
    }
    if (content == null || content.length == 0) {
      throw InvalidInput.atStart("請選擇要上傳的證據文件 / no file uploaded");
    }
    if (content.length > maxEvidenceBytes) {
      throw InvalidInput.atStart("證據文件不能超過 " + (maxEvidenceBytes / 1024 / 1024) + " MB / the file is larger than "
          + maxEvidenceBytes + " bytes");
    }
    String type = sniff(content);
    if (type == null || !EVIDENCE_TYPES.contains(type)) {
      throw InvalidInput.atStart("證據只能是 JPEG、PNG 圖片或 PDF 文件 / evidence must be a JPEG, PNG or PDF file");
    }
    if (contentType != null && !contentType.isBlank() && !contentType.startsWith("application/octet-stream")
        && !contentType.startsWith(type)) {
      throw InvalidInput.atStart("文件內容(" + type + ")與聲明的類型 " + contentType + " 不符 / content does not match "
          + contentType);
    }
    if (reports.evidence(caseNo).size() >= MAX_EVIDENCE_FILES) {
      throw InvalidInput.atStart("每件舉報最多 " + MAX_EVIDENCE_FILES + " 個證據文件 / at most " + MAX_EVIDENCE_FILES
          + " files per report");
    }
    String name = fileName == null || fileName.isBlank() ? "evidence" : fileName.strip();
    name = name.replaceAll("[\\\\/\\p{Cntrl}]", "_");
    if (name.length() > 200) {
      name = name.substring(name.length() - 200);
    }
    long id = reports.addEvidence(caseNo, name, type, content, userId, parties.now());
    return reports.evidence(caseNo).stream().filter(e -> e.id() == id).findFirst().orElseThrow();
  }

  public byte[] evidenceContent(String caseNo, long id) {
    visibleReport(caseNo);
    return reports.evidenceContent(caseNo, id)
        .orElseThrow(() -> new NoSuchElementException("證據文件 " + id + " 不存在 / evidence " + id + " not found"));
  }

  public UnlicensedReportRepository.Evidence evidence(String caseNo, long id) {
    visibleReport(caseNo);
    return reports.evidence(caseNo).stream().filter(e -> e.id() == id).findFirst()
        .orElseThrow(() -> new NoSuchElementException("證據文件 " + id + " 不存在 / evidence " + id + " not found"));
  }

  private DataScope.Scope scope() {
    return dataScope.current(SEE_ALL, "無權查看無證經營舉報 / not allowed to read unlicensed-seller reports");
  }

  /** The type by the file's first bytes, not by its name. */
  static String sniff(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
      return "image/jpeg";
    }
    if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
      return "image/png";
    }
    if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
      return "application/pdf";
    }
    return null;
  }
}

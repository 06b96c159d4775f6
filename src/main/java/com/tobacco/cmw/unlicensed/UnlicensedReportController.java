package com.tobacco.cmw.unlicensed;

import static com.tobacco.cmw.unlicensed.UnlicensedSellerReportProcess.Var;

import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.process.Variables;
import com.tobacco.cmw.security.AccessDeniedException;
import com.tobacco.cmw.security.CurrentUser;
import com.tobacco.cmw.security.Roles;
import com.tobacco.cmw.web.ApiErrors.ApiError;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/unlicensed-reports}: a customer manager reports an unlicensed seller (answers the case
 * number); the reports one may see, one report with its status, result, dates, duplicates and
 * instance; evidence files uploaded by the reporter and downloaded by whoever sees the report.
 */
@RestController
@RequestMapping("/api/unlicensed-reports")
public class UnlicensedReportController {

  /** The fields a report is made with; anything else in the body is ignored. */
  static final List<String> START_FIELDS = List.of(Var.PLACE, Var.DESCRIPTION, Var.SEEN_AT, Var.EVIDENCE_NOTE,
      Var.NEAR_CUSTOMER_CODE);

  public record Reported(String caseNo, String processInstanceId) {}

  private final RuntimeService runtimeService;
  private final UnlicensedReports reports;
  private final CurrentUser currentUser;

  public UnlicensedReportController(RuntimeService runtimeService, UnlicensedReports reports, CurrentUser currentUser) {
    this.runtimeService = runtimeService;
    this.reports = reports;
    this.currentUser = currentUser;
  }

  @PostMapping
  public ResponseEntity<Reported> report(@RequestBody(required = false) Map<String, Object> body) {
    String userId = currentUser.requireUserId();
    if (!currentUser.groups().contains(Roles.CUSTOMER_MANAGERS)) {
      throw new AccessDeniedException("只有客戶經理可以舉報無證經營 / only customer managers report unlicensed sellers ("
          + userId + ")");
    }
    Map<String, Object> variables = Variables.startFields(body, START_FIELDS);
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(UnlicensedSellerReportProcess.PROCESS_KEY, variables);
    return ResponseEntity.status(HttpStatus.CREATED).body(new Reported(pi.getBusinessKey(), pi.getId()));
  }

  @GetMapping
  public List<UnlicensedReports.Line> list(@RequestParam(required = false) ReportStatus status,
                                           @RequestParam(defaultValue = "100") int limit,
                                           @RequestParam(defaultValue = "0") int offset) {
    return reports.list(status, limit, offset);
  }

  @GetMapping("/{caseNo}")
  public UnlicensedReports.ReportView get(@PathVariable String caseNo) {
    return reports.visible(caseNo);
  }

  @PostMapping(path = "/{caseNo}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<UnlicensedReportRepository.Evidence> upload(@PathVariable String caseNo,
                                                                    @RequestParam(name = "file", required = false)
                                                                    MultipartFile file) {
    if (file == null) {
      throw InvalidInput.atStart("請選擇要上傳的證據文件(字段 file)/ no file uploaded (field file)");
    }
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(reports.addEvidence(caseNo, file.getOriginalFilename(), file.getContentType(), file.getSize(),
            file::getBytes));
  }

  @GetMapping("/{caseNo}/evidence/{id}")
  public ResponseEntity<byte[]> download(@PathVariable String caseNo, @PathVariable long id) {
    UnlicensedReportRepository.Evidence e = reports.evidence(caseNo, id);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(e.contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(e.fileName(), StandardCharsets.UTF_8).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .body(reports.evidenceContent(caseNo, id));
  }

  @ExceptionHandler(InvalidInput.class)
  public ResponseEntity<ApiError> invalid(InvalidInput e) {
    return ResponseEntity.badRequest().body(new ApiError(400, e.getMessage()));
  }

  @ExceptionHandler(AuthorizationException.class)
  public ResponseEntity<ApiError> notAuthorized(AuthorizationException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new ApiError(403,
        "無權舉報無證經營 / not authorized to report unlicensed sellers"));
  }
}

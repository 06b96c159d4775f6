package com.tobacco.cmw.complaint;

import static com.tobacco.cmw.complaint.QualityComplaintProcess.Var;

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
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/complaints}: file a complaint (the customer's manager only; answers the case
 * number), read one case with its steps and escalations, and print its
 * 《商品及服務質量信息反饋單》 as PDF. Reads are scoped by {@link ComplaintCases}.
 */
@RestController
@RequestMapping("/api/complaints")
public class ComplaintController {

  /** The fields a complaint is filed with; anything else in the body is ignored. */
  static final List<String> START_FIELDS = List.of(Var.CUSTOMER_CODE, Var.BRAND_CODE, Var.QUANTITY, Var.QUANTITY_UNIT,
      Var.DEFECT_DESCRIPTION);

  public record Filed(String caseNo, String processInstanceId) {}

  private final RuntimeService runtimeService;
  private final ComplaintCases cases;
  private final FeedbackFormPdf pdf;
  private final CurrentUser currentUser;

  public ComplaintController(RuntimeService runtimeService, ComplaintCases cases, FeedbackFormPdf pdf,
                             CurrentUser currentUser) {
    this.runtimeService = runtimeService;
    this.cases = cases;
    this.pdf = pdf;
    this.currentUser = currentUser;
  }

  @PostMapping
  public ResponseEntity<Filed> file(@RequestBody(required = false) Map<String, Object> body) {
    String userId = currentUser.requireUserId();
    if (!currentUser.groups().contains(Roles.CUSTOMER_MANAGERS)) {
      throw new AccessDeniedException("只有客戶經理可以登記質量投訴 / only customer managers file quality complaints ("
          + userId + ")");
    }
    Map<String, Object> variables = Variables.startFields(body, START_FIELDS);
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(QualityComplaintProcess.PROCESS_KEY, variables);
    return ResponseEntity.status(HttpStatus.CREATED).body(new Filed(pi.getBusinessKey(), pi.getId()));
  }

  @GetMapping("/{caseNo}")
  public ComplaintCases.CaseView get(@PathVariable String caseNo) {
    return cases.visible(caseNo);
  }

  @GetMapping("/{caseNo}/feedback-form.pdf")
  public ResponseEntity<byte[]> feedbackForm(@PathVariable String caseNo) {
    ComplaintCaseRepository.ComplaintCase c = cases.visibleCase(caseNo);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("商品及服務質量信息反饋單-" + caseNo + ".pdf", StandardCharsets.UTF_8).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .body(pdf.render(c));
  }

  @ExceptionHandler(InvalidInput.class)
  public ResponseEntity<ApiError> invalid(InvalidInput e) {
    return ResponseEntity.badRequest().body(new ApiError(400, e.getMessage()));
  }

  @ExceptionHandler(AuthorizationException.class)
  public ResponseEntity<ApiError> notAuthorized(AuthorizationException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new ApiError(403,
        "無權登記質量投訴 / not authorized to file a quality complaint"));
  }
}

package com.tobacco.cmw.enrollment;

import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.security.AccessDeniedException;
import com.tobacco.cmw.security.CurrentUser;
import com.tobacco.cmw.security.DataScope;
import com.tobacco.cmw.security.Roles;
import com.tobacco.cmw.web.ApiErrors.ApiError;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/network-enrollments}: a customer manager applies for a retailer's enrollment
 * (answers the application number, or 400 with every problem and nothing written); reading one
 * application or a list is scoped like the customer data: the applicant (and the manager chosen
 * for the new customer) their own, a regional manager their region, auditors and administrators
 * all, anyone else 403.
 */
@RestController
@RequestMapping("/api/network-enrollments")
public class EnrollmentController {

  static final int MAX_PAGE = 500;
  private static final List<String> SEEING_ALL = List.of(Roles.ADMIN, Roles.AUDITORS);
  private static final String REFUSAL = "無權查看入網申請 / not allowed to read enrollment applications";

  public record Filed(String applicationNo, String processInstanceId) {}

  private final RuntimeService runtimeService;
  private final NetworkApplicationRepository applications;
  private final DataScope dataScope;
  private final CurrentUser currentUser;

  public EnrollmentController(RuntimeService runtimeService, NetworkApplicationRepository applications,
                              DataScope dataScope, CurrentUser currentUser) {
    this.runtimeService = runtimeService;
    this.applications = applications;
    this.dataScope = dataScope;
    this.currentUser = currentUser;
  }

  @PostMapping
  public ResponseEntity<Filed> apply(@RequestBody(required = false) Map<String, Object> body) {
    String userId = currentUser.requireUserId();
    if (!currentUser.groups().contains(Roles.CUSTOMER_MANAGERS)) {
      throw new AccessDeniedException("只有客戶經理可以申請入網 / only customer managers apply for enrollment (" + userId + ")");
    }
    Map<String, Object> variables = new HashMap<>();
    if (body != null) {
      NetworkEnrollmentProcess.Var.APPLICATION_FIELDS.forEach(field -> {
        if (body.get(field) != null) {
          variables.put(field, body.get(field).toString());
        }
      });
    }
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(NetworkEnrollmentProcess.PROCESS_KEY, variables);
    return ResponseEntity.status(HttpStatus.CREATED).body(new Filed(pi.getBusinessKey(), pi.getId()));
  }

  @GetMapping("/{applicationNo}")
  public NetworkApplicationRepository.Application get(@PathVariable String applicationNo) {
    DataScope.Scope scope = dataScope.current(SEEING_ALL, REFUSAL);
    return applications.find(applicationNo).filter(a -> visible(scope, a))
        .orElseThrow(() -> new NoSuchElementException("入網申請 " + applicationNo + " 不存在或不在您的權限範圍內 / application "
            + applicationNo + " not found"));
  }

  @GetMapping
  public List<NetworkApplicationRepository.Application> list(
      @RequestParam(required = false) NetworkApplicationRepository.Status status,
      @RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
    if (limit < 1 || limit > MAX_PAGE || offset < 0) {
      throw new IllegalArgumentException("limit 1–" + MAX_PAGE + " and offset ≥ 0 expected");
    }
    DataScope.Scope scope = dataScope.current(SEEING_ALL, REFUSAL);
    return applications.list(scope.managerId(), scope.regionCode(), status, limit, offset);
  }

  private static boolean visible(DataScope.Scope scope, NetworkApplicationRepository.Application a) {
    boolean manager = scope.managerId() == null || scope.managerId().equals(a.applicantId())
        || scope.managerId().equals(a.assignedManagerId());
    return manager && (scope.regionCode() == null || scope.regionCode().equals(a.form().regionCode()));
  }

  @ExceptionHandler(InvalidInput.class)
  public ResponseEntity<ApiError> invalid(InvalidInput e) {
    return ResponseEntity.badRequest().body(new ApiError(400, e.getMessage()));
  }

  @ExceptionHandler(AuthorizationException.class)
  public ResponseEntity<ApiError> notAuthorized(AuthorizationException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new ApiError(403,
        "無權申請入網 / not authorized to apply for enrollment"));
  }
}

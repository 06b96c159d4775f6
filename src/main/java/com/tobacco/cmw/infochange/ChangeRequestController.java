package com.tobacco.cmw.infochange;

import static com.tobacco.cmw.infochange.CustomerInfoChangeProcess.Var;

import com.tobacco.cmw.customer.Customer;
import com.tobacco.cmw.customer.CustomerRepository;
import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.security.AccessDeniedException;
import com.tobacco.cmw.security.CurrentUser;
import com.tobacco.cmw.security.DataScope;
import com.tobacco.cmw.security.Roles;
import com.tobacco.cmw.web.ApiErrors.ApiError;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/customers/{code}/change-requests}: ask for a change of a customer's data (the
 * customer's manager or a regional manager of its region; 404 for a customer outside the
 * caller's scope, 403 for other roles, 400 with the reason for a refused request, which writes
 * nothing), and read the customer's requests with their fields.
 */
@RestController
@RequestMapping("/api/customers/{code}/change-requests")
public class ChangeRequestController {

  /** Body field → start variable. Anything else in the body is ignored. */
  static final Map<String, String> BODY_FIELDS = bodyFields();

  public record Requested(long requestId, String processInstanceId, String status, List<String> applied,
                          List<String> pending) {}

  public record RequestView(ChangeRequestRepository.Request request, List<ChangeRequestRepository.Item> items) {}

  private final RuntimeService runtimeService;
  private final CustomerRepository customers;
  private final ChangeRequestRepository requests;
  private final DataScope scope;
  private final CurrentUser currentUser;

  public ChangeRequestController(RuntimeService runtimeService, CustomerRepository customers,
                                 ChangeRequestRepository requests, DataScope scope, CurrentUser currentUser) {
    this.runtimeService = runtimeService;
    this.customers = customers;
    this.requests = requests;
    this.scope = scope;
    this.currentUser = currentUser;
  }

  @PostMapping
  public ResponseEntity<Requested> request(@PathVariable String code,
                                           @RequestBody(required = false) Map<String, Object> body) {
    String userId = currentUser.requireUserId();
    List<String> groups = currentUser.groups();
    if (!groups.contains(Roles.CUSTOMER_MANAGERS) && !groups.contains(Roles.REGIONAL_MANAGERS)) {
      throw new AccessDeniedException("只有客戶經理和區域市場經理可以申請變更客戶信息 / only customer managers and regional "
          + "managers request changes of customer data (" + userId + ")");
    }
    visible(code);
    Map<String, Object> variables = new HashMap<>();
    variables.put(Var.CUSTOMER_CODE, code);
    if (body != null) {
      BODY_FIELDS.forEach((field, variable) -> {
        Object value = body.get(field);
        if (value != null) {
          variables.put(variable, value instanceof String s ? s : value.toString());
        }
      });
    }
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(CustomerInfoChangeProcess.PROCESS_KEY, code, variables);
    ChangeRequestRepository.Request request = requests.ofProcessInstance(pi.getId());
    List<ChangeRequestRepository.Item> items = requests.items(request.id());
    return ResponseEntity.status(HttpStatus.CREATED).body(new Requested(request.id(), pi.getId(), request.status().name(),
        items.stream().filter(i -> i.appliedAt() != null).map(i -> i.field().column()).toList(),
        items.stream().filter(i -> i.appliedAt() == null).map(i -> i.field().column()).toList()));
  }

  /** The customer's change requests, newest first, each with its fields. */
  @GetMapping
  public List<RequestView> list(@PathVariable String code) {
    visible(code);
    return requests.ofCustomer(code).stream().map(r -> new RequestView(r, requests.items(r.id()))).toList();
  }

  private Customer visible(String code) {
    DataScope.Scope s = scope.current();
    return customers.find(code).filter(c -> s.includes(c.managerId(), c.regionCode()))
        .orElseThrow(() -> new NoSuchElementException("客戶 " + code + " 不存在或不在您的權限範圍內 / customer " + code + " not found"));
  }

  @ExceptionHandler(InvalidInput.class)
  public ResponseEntity<ApiError> invalid(InvalidInput e) {
    return ResponseEntity.badRequest().body(new ApiError(400, e.getMessage()));
  }

  @ExceptionHandler(AuthorizationException.class)
  public ResponseEntity<ApiError> notAuthorized(AuthorizationException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new ApiError(403,
        "無權申請變更客戶信息 / not authorized to request a change of customer data"));
  }

  private static Map<String, String> bodyFields() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("contactName", Var.NEW_CONTACT_NAME);
    fields.put("phone", Var.NEW_PHONE);
    fields.put("address", Var.NEW_ADDRESS);
    fields.put("licenceNo", Var.NEW_LICENCE_NO);
    fields.put("licenceExpiry", Var.NEW_LICENCE_EXPIRY);
    fields.put("grade", Var.NEW_GRADE);
    fields.put("regionCode", Var.NEW_REGION_CODE);
    fields.put("managerId", Var.NEW_MANAGER_ID);
    fields.put("reason", Var.CHANGE_REASON);
    return Map.copyOf(fields);
  }
}

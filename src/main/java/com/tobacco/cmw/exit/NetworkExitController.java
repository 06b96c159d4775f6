package com.tobacco.cmw.exit;

import static com.tobacco.cmw.exit.NetworkExitProcess.Var;

import com.tobacco.cmw.customer.Customer;
import com.tobacco.cmw.customer.CustomerRepository;
import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.process.Variables;
import com.tobacco.cmw.security.AccessDeniedException;
import com.tobacco.cmw.security.CurrentUser;
import com.tobacco.cmw.security.DataScope;
import com.tobacco.cmw.security.Roles;
import com.tobacco.cmw.web.ApiErrors.ApiError;
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
 * {@code /api/network-exits}: apply for a customer's exit (customer managers for their own
 * customers, regional managers for their region; answers 201 with the exit id), and read the
 * applications of a customer or one application with the instances it ended and the schedule
 * visits it cancelled. Reads are scoped like the customer data ({@link DataScope}): someone else's
 * customer answers 404.
 */
@RestController
@RequestMapping("/api/network-exits")
public class NetworkExitController {

  static final List<String> START_FIELDS = List.of(Var.CUSTOMER_CODE, Var.REASON, Var.EXPLANATION, Var.EFFECTIVE_DATE);

  public record Started(long exitId, String customerCode, String processInstanceId) {}

  public record ExitView(NetworkExitRepository.NetworkExit exit, List<NetworkExitRepository.EndedInstance> endedInstances,
                         List<NetworkExitRepository.ScheduleChange> cancelledScheduleVisits) {}

  private final RuntimeService runtimeService;
  private final NetworkExitRepository exits;
  private final CustomerRepository customers;
  private final DataScope dataScope;
  private final CurrentUser currentUser;

  public NetworkExitController(RuntimeService runtimeService, NetworkExitRepository exits, CustomerRepository customers,
                               DataScope dataScope, CurrentUser currentUser) {
    this.runtimeService = runtimeService;
    this.exits = exits;
    this.customers = customers;
    this.dataScope = dataScope;
    this.currentUser = currentUser;
  }

  @PostMapping
  public ResponseEntity<Started> start(@RequestBody(required = false) Map<String, Object> body) {
    String userId = currentUser.requireUserId();
    List<String> groups = currentUser.groups();
    if (!groups.contains(Roles.CUSTOMER_MANAGERS) && !groups.contains(Roles.REGIONAL_MANAGERS)) {
      throw new AccessDeniedException("只有客戶經理和區域市場經理可以申請退網 / only customer managers and regional "
          + "managers apply for an exit (" + userId + ")");
    }
    Map<String, Object> variables = Variables.startFields(body, START_FIELDS);
    Object code = variables.get(Var.CUSTOMER_CODE);
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(NetworkExitProcess.PROCESS_KEY,
        code == null ? null : code.toString().strip(), variables);
    long exitId = exits.ofProcessInstance(pi.getId()).id();
    return ResponseEntity.status(HttpStatus.CREATED).body(new Started(exitId, pi.getBusinessKey(), pi.getId()));
  }

  /**
   * A customer code reads all its applications; a number that is no customer's code reads one
   * application (customer codes are looked up first: an imported customer may have a numeric
   * code). {@code /by-id/{exitId}} is the unambiguous way to read one application.
   */
  @GetMapping("/{idOrCustomer}")
  public Object get(@PathVariable String idOrCustomer) {
    if (idOrCustomer.matches("\\d{1,18}") && customers.find(idOrCustomer).isEmpty()) {
      return byId(Long.parseLong(idOrCustomer));
    }
    if (!visible(idOrCustomer)) {
      throw new NoSuchElementException("客戶 " + idOrCustomer + " 不存在或無權查看 / customer not found");
    }
    return exits.ofCustomer(idOrCustomer).stream().map(this::view).toList();
  }

  /** One application by its id. */
  @GetMapping("/by-id/{exitId}")
  public ExitView byId(@PathVariable long exitId) {
    NetworkExitRepository.NetworkExit exit = exits.find(exitId)
        .filter(e -> visible(e.customerCode()))
        .orElseThrow(() -> new NoSuchElementException("退網申請 " + exitId + " 不存在或無權查看 / not found"));
    return view(exit);
  }

  private ExitView view(NetworkExitRepository.NetworkExit e) {
    return new ExitView(e, exits.ended(e.id()), exits.scheduleChanges(e.id()));
  }

  private boolean visible(String customerCode) {
    DataScope.Scope scope = dataScope.current();
    return customers.find(customerCode).map(Customer.class::cast)
        .filter(c -> scope.includes(c.managerId(), c.regionCode())).isPresent();
  }

  @ExceptionHandler(InvalidInput.class)
  public ResponseEntity<ApiError> invalid(InvalidInput e) {
    return ResponseEntity.badRequest().body(new ApiError(400, e.getMessage()));
  }

  @ExceptionHandler(AuthorizationException.class)
  public ResponseEntity<ApiError> notAuthorized(AuthorizationException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new ApiError(403,
        "無權申請退網 / not authorized to apply for an exit"));
  }
}

package com.tobacco.cmw.exit;

import com.tobacco.cmw.customer.Customer;
import com.tobacco.cmw.customer.CustomerRepository;
import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.security.CurrentUser;
import com.tobacco.cmw.security.Roles;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who works on an exit, read at the moment it is needed (BPMN:
 * {@code ${exitParties.regionalManagers(execution)}}) from the customer's current master data
 * (decision 95) and the application, never from variables an assignee could change; who did a
 * step; and "today" by the engine clock in the company's time zone.
 */
@Component("exitParties")
public class ExitParties {

  private final NetworkExitRepository exits;
  private final CustomerRepository customers;
  private final CurrentUser currentUser;
  private final ZoneId zone;

  public ExitParties(NetworkExitRepository exits, CustomerRepository customers, CurrentUser currentUser,
      @Value("${cmw.timezone:Asia/Shanghai}") String zone) {
    this.exits = exits;
    this.customers = customers;
    this.currentUser = currentUser;
    this.zone = ZoneId.of(zone);
  }

  /**
   * The candidate group of the regional managers of the customer's current region: a region
   * change while the exit runs sends its later tasks to the new region, not the one it started in.
   */
  public String regionalManagers(DelegateExecution execution) {
    return Roles.regionalManagersOf(customer(execution.getProcessInstanceId()).regionCode());
  }

  /** The customer's current manager (a manager change while the exit runs moves its later tasks too). */
  public String manager(DelegateExecution execution) {
    return customer(execution.getProcessInstanceId()).managerId();
  }

  private Customer customer(String processInstanceId) {
    String code = exits.ofProcessInstance(processInstanceId).customerCode();
    return customers.find(code).orElseThrow(() -> new IllegalStateException("customer " + code + " not found"));
  }

  /** Who is told of a rejection: the requester, or the customer's manager when the licence watch applied. */
  public String requester(DelegateExecution execution) {
    NetworkExitRepository.NetworkExit e = exits.ofProcessInstance(execution.getProcessInstanceId());
    return NetworkExitProcess.SYSTEM.equals(e.requestedBy()) ? manager(execution) : e.requestedBy();
  }

  /** The user completing the task in this transaction ("system" when none, e.g. a job or the watch). */
  String actor() {
    return currentUser.userId().orElse(NetworkExitProcess.SYSTEM);
  }

  /** Today by the engine clock (tests move it), company time zone. */
  public LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone);
  }

  public ZoneId zone() {
    return zone;
  }

  static Function<String, RuntimeException> inForm(String field) {
    return message -> InvalidInput.inForm(field, message);
  }
}

package com.tobacco.cmw.visit;

import com.tobacco.cmw.customer.Customer;
import com.tobacco.cmw.customer.CustomerRepository;
import com.tobacco.cmw.security.Roles;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Who is responsible for a visit, read from the visit record and the customer's master data at
 * the moment it is needed (BPMN: {@code camunda:candidateGroups="${visitParties.regionalManagers(execution)}"}).
 * Never from process variables: the customer manager could change those through the task.
 */
@Component("visitParties")
public class VisitParties {

  private final VisitRepository visits;
  private final CustomerRepository customers;

  public VisitParties(VisitRepository visits, CustomerRepository customers) {
    this.visits = visits;
    this.customers = customers;
  }

  /** The candidate group of the regional managers of the visited customer's region. */
  public String regionalManagers(DelegateExecution execution) {
    return Roles.regionalManagersOf(customer(execution.getProcessInstanceId()).regionCode());
  }

  String regionOf(DelegateTask task) {
    return customer(task.getProcessInstanceId()).regionCode();
  }

  Customer customer(String processInstanceId) {
    String code = visits.ofProcessInstance(processInstanceId).customerCode();
    return customers.find(code).orElseThrow(() -> new IllegalStateException("customer " + code + " not found"));
  }
}

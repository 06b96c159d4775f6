package com.tobacco.cmw.infochange;

import com.tobacco.cmw.customer.CustomerRepository;
import com.tobacco.cmw.security.CurrentUser;
import com.tobacco.cmw.security.Roles;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Who works on a change request, read from the request and the customer's master data when the
 * task is created (BPMN: {@code camunda:candidateGroups="${changeParties.approvers(execution)}"}),
 * never from variables a form could change.
 */
@Component("changeParties")
public class ChangeParties {

  private final ChangeRequestRepository requests;
  private final CustomerRepository customers;
  private final CurrentUser currentUser;

  public ChangeParties(ChangeRequestRepository requests, CustomerRepository customers, CurrentUser currentUser) {
    this.requests = requests;
    this.customers = customers;
    this.currentUser = currentUser;
  }

  /** The regional managers of the customer's current region (a region change is decided by the region it leaves). */
  public String approvers(DelegateExecution execution) {
    String code = requests.ofProcessInstance(execution.getProcessInstanceId()).customerCode();
    return Roles.regionalManagersOf(customers.find(code).orElseThrow().regionCode());
  }

  /** The person who asked for the change. */
  public String requester(DelegateExecution execution) {
    return requests.ofProcessInstance(execution.getProcessInstanceId()).requestedBy();
  }

  /** The user completing the task in this transaction ("system" when none). */
  String actor() {
    return currentUser.userId().orElse("system");
  }
}

package com.tobacco.cmw.visit;

import com.tobacco.cmw.customer.Customer;
import com.tobacco.cmw.customer.CustomerRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 降級處理 approved (§4.1.3 f): the customer moves one grade towards 5; the change is logged with
 * the reason (the price evidence and the approver's comment), the visit and the approver, all
 * taken from the recorded downgrade request. A grade-5 customer keeps grade 5; the approval stays
 * recorded on the request.
 */
@Component("downgradeCustomer")
public class DowngradeCustomerDelegate implements JavaDelegate {

  private final CustomerRepository customers;
  private final VisitRepository visits;

  public DowngradeCustomerDelegate(CustomerRepository customers, VisitRepository visits) {
    this.customers = customers;
    this.visits = visits;
  }

  @Override
  public void execute(DelegateExecution execution) {
    VisitRepository.Visit visit = visits.ofProcessInstance(execution.getProcessInstanceId());
    VisitRepository.DowngradeRequest request = visits.downgradeRequestOf(visit.id())
        .filter(r -> "APPROVED".equals(r.decision()))
        .orElseThrow(() -> new IllegalStateException("no approved downgrade request for visit " + visit.id()));
    Customer customer = customers.find(visit.customerCode())
        .orElseThrow(() -> new IllegalStateException("customer " + visit.customerCode() + " not found"));
    if (customer.grade() < Customer.LOWEST_GRADE) {
      String reason = "價格違規降級:" + request.evidence() + "。審批意見:" + request.comment();
      customers.changeGrade(customer, customer.downgradedGrade(), reason.length() > 500 ? reason.substring(0, 500) : reason,
          visit.id(), request.decidedBy(), execution.getProcessInstanceId());
    }
  }
}

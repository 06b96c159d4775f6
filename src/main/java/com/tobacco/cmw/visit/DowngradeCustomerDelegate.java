package com.tobacco.cmw.visit;

import static com.tobacco.cmw.visit.CustomerVisitProcess.Var;

import com.tobacco.cmw.customer.Customer;
import com.tobacco.cmw.customer.CustomerRepository;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 降級處理 approved (§4.1.3 f): the customer moves one grade towards 5; the change is logged with
 * the reason (the price evidence and the approver's comment), the visit and the approver.
 * A grade-5 customer keeps grade 5; the approval is still recorded on the request.
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
    long visitId = ((Number) execution.getVariable(Var.VISIT_ID)).longValue();
    String code = (String) execution.getVariable(Var.CUSTOMER_CODE);
    String approver = (String) execution.getVariable(CheckDowngradeDecisionDelegate.DECIDED_BY);
    String comment = (String) execution.getVariable(Var.DECISION_COMMENT);
    Customer customer = customers.find(code).orElseThrow(() -> new IllegalStateException("customer " + code + " not found"));
    visits.decideDowngrade(visitId, true, approver, comment, Instant.now());
    if (customer.grade() < Customer.LOWEST_GRADE) {
      String reason = "價格違規降級:" + execution.getVariable(Var.VIOLATION_EVIDENCE) + "。審批意見:" + comment;
      customers.changeGrade(customer, customer.downgradedGrade(), reason.length() > 500 ? reason.substring(0, 500) : reason,
          visitId, approver, execution.getProcessInstanceId());
    }
  }
}

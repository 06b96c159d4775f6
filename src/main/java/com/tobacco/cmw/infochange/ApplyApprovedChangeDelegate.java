package com.tobacco.cmw.infochange;

import static com.tobacco.cmw.infochange.CustomerInfoChangeProcess.Var;

import com.tobacco.cmw.calendar.WorkCalendar;
import com.tobacco.cmw.customer.Customer;
import com.tobacco.cmw.customer.CustomerRepository;
import com.tobacco.cmw.customer.LicenceRenewed;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Applies the approved part of a change request (licence, grade, region, customer manager) all
 * together or not at all. Each field applies only if the customer's value is still the one the
 * requester saw, and the values together must still pass the rules; otherwise nothing of it is
 * applied and the outcome is REFUSED with the reason for the requester (a business outcome, not
 * an incident). A licence expiry moved later publishes {@link LicenceRenewed}; a new manager or
 * region takes the customer's open work along ({@link OpenWorkTransfer}).
 */
@Component("applyApprovedChange")
public class ApplyApprovedChangeDelegate implements JavaDelegate {

  private final ChangeRequestRepository requests;
  private final CustomerRepository customers;
  private final ChangeRules rules;
  private final CustomerFieldUpdates updates;
  private final OpenWorkTransfer transfer;
  private final WorkCalendar calendar;
  private final ApplicationEventPublisher events;

  public ApplyApprovedChangeDelegate(ChangeRequestRepository requests, CustomerRepository customers, ChangeRules rules,
                                     CustomerFieldUpdates updates, OpenWorkTransfer transfer, WorkCalendar calendar,
                                     ApplicationEventPublisher events) {
    this.requests = requests;
    this.customers = customers;
    this.rules = rules;
    this.updates = updates;
    this.transfer = transfer;
    this.calendar = calendar;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String pid = execution.getProcessInstanceId();
    ChangeRequestRepository.Request request = requests.ofProcessInstance(pid);
    Customer customer = customers.find(request.customerCode()).orElseThrow();
    List<ChangeRequestRepository.Item> pending = requests.items(request.id()).stream()
        .filter(i -> i.field().needsApproval() && i.appliedAt() == null).toList();

    List<String> problems = new ArrayList<>();
    Map<ChangeField, String> changes = new EnumMap<>(ChangeField.class);
    for (ChangeRequestRepository.Item item : pending) {
      String now = item.field().valueOf(customer);
      if (!java.util.Objects.equals(now, item.oldValue())) {
        problems.add("「" + item.field().label() + "」在申請後已被修改(申請時為「" + item.oldValue() + "」,現為「" + now
            + "」)/ " + item.field().column() + " changed since the request");
      } else {
        changes.put(item.field(), item.newValue());
      }
    }
    if (problems.isEmpty()) {
      problems.addAll(rules.problems(customer, changes, calendar.today()));
    }
    if (!problems.isEmpty()) {
      refuse(execution, request, String.join(";", problems));
      return;
    }

    Instant at = Instant.now();
    String reason = request.reason() + "(申請人 " + request.requestedBy() + ")";
    String approvedBy = request.decisionBy();
    for (ChangeRequestRepository.Item item : pending) {
      if (!updates.apply(customer, item.field(), item.oldValue(), item.newValue(), reason, approvedBy, at, pid)) {
        // changed between the read above and the write: the job's transaction rolls back whatever this
        // step wrote; its retry sees the new value and refuses the request as a business outcome
        throw new IllegalStateException("customer " + customer.customerCode() + " changed while applying " + item.field());
      }
      requests.markApplied(request.id(), item.field(), at);
    }
    requests.close(request.id(), ChangeRequestRepository.Status.APPLIED, null);

    if (changes.containsKey(ChangeField.LICENCE_EXPIRY)) {
      LocalDate newExpiry = LocalDate.parse(changes.get(ChangeField.LICENCE_EXPIRY));
      if (newExpiry.isAfter(customer.licenceExpiry())) {
        events.publishEvent(new LicenceRenewed(customer.customerCode(), customer.licenceExpiry(), newExpiry, approvedBy, pid));
      }
    }
    if (changes.containsKey(ChangeField.MANAGER_ID) || changes.containsKey(ChangeField.REGION_CODE)) {
      transfer.move(customer.customerCode(), customer.managerId(),
          changes.getOrDefault(ChangeField.MANAGER_ID, customer.managerId()), customer.regionCode(),
          changes.getOrDefault(ChangeField.REGION_CODE, customer.regionCode()), pid);
    }
    execution.setVariable(Var.APPLY_OUTCOME, CustomerInfoChangeProcess.OUTCOME_APPLIED);
  }

  private void refuse(DelegateExecution execution, ChangeRequestRepository.Request request, String why) {
    requests.close(request.id(), ChangeRequestRepository.Status.REFUSED, why);
    execution.setVariable(Var.APPLY_OUTCOME, CustomerInfoChangeProcess.OUTCOME_REFUSED);
    execution.setVariable(Var.NOTICE_TEXT, "您的客戶信息變更申請已獲 " + request.decisionBy() + " 同意,但未能生效,需審批的變更均未寫入。\n\n"
        + "**原因:** " + why + "\n\n如仍需變更,請按客戶的現有資料重新提出申請。");
  }
}

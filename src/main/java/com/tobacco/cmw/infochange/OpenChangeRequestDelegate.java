package com.tobacco.cmw.infochange;

import static com.tobacco.cmw.infochange.CustomerInfoChangeProcess.Var;

import com.tobacco.cmw.calendar.WorkCalendar;
import com.tobacco.cmw.customer.Customer;
import com.tobacco.cmw.customer.CustomerRepository;
import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.process.Variables;
import com.tobacco.cmw.security.CurrentUser;
import com.tobacco.cmw.security.Grants;
import com.tobacco.cmw.security.ProcessAccess;
import com.tobacco.cmw.security.Roles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Opens a change request (§3.5): checks the customer, who asks, every new value and the reason;
 * writes the request with the old value of each field as seen now; applies the contact, phone
 * and address changes at once (one line each in the change history); gives the customer's
 * manager and region access. Runs in the starter's transaction: a refused request is answered
 * at once (400) and writes nothing.
 */
@Component("openChangeRequest")
public class OpenChangeRequestDelegate implements JavaDelegate {

  static final int MAX_REASON = 500;

  private final CustomerRepository customers;
  private final ChangeRules rules;
  private final ChangeRequestRepository requests;
  private final CustomerFieldUpdates updates;
  private final WorkCalendar calendar;
  private final ProcessAccess access;
  private final CurrentUser currentUser;
  private final Grants grants;

  public OpenChangeRequestDelegate(CustomerRepository customers, ChangeRules rules, ChangeRequestRepository requests,
                                   CustomerFieldUpdates updates, WorkCalendar calendar, ProcessAccess access,
                                   CurrentUser currentUser, Grants grants) {
    this.grants = grants;
    this.customers = customers;
    this.rules = rules;
    this.requests = requests;
    this.updates = updates;
    this.calendar = calendar;
    this.access = access;
    this.currentUser = currentUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Function<String, RuntimeException> error = InvalidInput::atStart;
    String code = Variables.requiredText(execution, Var.CUSTOMER_CODE, "客戶代碼", 20, error);
    Customer customer = customers.require(code, error);
    String caller = currentUser.userId().orElse(null);
    boolean callerIsApprover = caller != null
        && currentUser.groups().contains(Roles.regionalManagersOf(customer.regionCode()));
    if (caller != null && !caller.equals(customer.managerId()) && !callerIsApprover) {
      throw error.apply("客戶 " + code + " 不是您負責的客戶,只有其客戶經理或本區域市場經理可以申請變更 / customer " + code
          + " is not one of yours");
    }
    String reason = Variables.requiredText(execution, Var.CHANGE_REASON, "變更原因", MAX_REASON, error);

    Map<ChangeField, Object> raw = new EnumMap<>(ChangeField.class);
    for (ChangeField field : ChangeField.values()) {
      Object value = execution.getVariable(field.variable());
      if (value != null) {
        raw.put(field, value instanceof java.util.Date d ? d.toInstant().atZone(calendar.zone()).toLocalDate() : value);
      }
    }
    Map<ChangeField, String> changes;
    try {
      changes = rules.read(customer, raw);
    } catch (ChangeRules.Refusal r) {
      throw error.apply(r.getMessage());
    }
    if (changes.isEmpty()) {
      throw error.apply("沒有任何變更:所填的新值均為空或與現值相同 / no change: every new value is empty or equal to the current one");
    }
    List<String> problems = rules.problems(customer, changes, calendar.today());
    if (!problems.isEmpty()) {
      throw error.apply(String.join(";", problems));
    }
    List<String> pendingElsewhere = requests.openApprovalFields(code, changes.keySet());
    if (!pendingElsewhere.isEmpty()) {
      throw error.apply("客戶 " + code + " 的「" + String.join("、", pendingElsewhere) + "」已有待審批的變更申請,請等審批完成 / "
          + "another change request of this customer waits for approval of the same field");
    }

    String requestedBy = caller == null ? customer.managerId() : caller;
    Instant now = Instant.now();
    boolean needsApproval = changes.keySet().stream().anyMatch(ChangeField::needsApproval);
    List<ChangeRequestRepository.Item> items = new ArrayList<>();
    changes.forEach((field, value) -> items.add(new ChangeRequestRepository.Item(field, field.valueOf(customer), value,
        field.needsApproval() ? null : now)));
    String pid = execution.getProcessInstanceId();
    long requestId = requests.open(code, requestedBy, now, reason,
        needsApproval ? ChangeRequestRepository.Status.OPEN : ChangeRequestRepository.Status.APPLIED, pid, items);
    for (ChangeRequestRepository.Item item : items) {
      // the update is conditional on the value read above; false means someone changed it meanwhile, and the
      // request must not be recorded as applied: the exception rolls back the request and any field written before
      if (!item.field().needsApproval()
          && !updates.apply(customer, item.field(), item.oldValue(), item.newValue(), reason, requestedBy, now, pid)) {
        throw error.apply("客戶 " + code + " 的「" + item.field().label() + "」已被他人修改,請重新填寫 / "
            + "the " + item.field().column() + " of customer " + code + " changed meanwhile, please retry");
      }
    }

    execution.setProcessBusinessKey(code);
    access.grantInstance(pid, customer.managerId(), customer.regionCode());
    // the customer's future manager and region read the request that concerns them
    if (changes.containsKey(ChangeField.MANAGER_ID)) {
      grants.toUser(changes.get(ChangeField.MANAGER_ID), Resources.PROCESS_INSTANCE, pid, Permissions.READ);
    }
    if (changes.containsKey(ChangeField.REGION_CODE)) {
      grants.toGroup(Roles.regionalManagersOf(changes.get(ChangeField.REGION_CODE)), Resources.PROCESS_INSTANCE, pid,
          Permissions.READ);
    }
    if (needsApproval && callerIsApprover) {
      // a regional manager of the customer's region asking is the regional manager's approval
      requests.approve(requestId, caller, now, "區域市場經理本人申請 / requested by the regional manager");
    }
    execution.setVariable(Var.CUSTOMER_CODE, code);
    execution.setVariable(Var.REQUEST_ID, requestId);
    execution.setVariable(Var.CUSTOMER_NAME, customer.storeName());
    execution.setVariable(Var.REQUESTED_BY, requestedBy);
    execution.setVariable(Var.CHANGE_SUMMARY, ChangeSummary.of(items, reason));
    execution.setVariable(Var.APPROVAL_ROUTE, !needsApproval ? CustomerInfoChangeProcess.ROUTE_NONE
        : callerIsApprover ? CustomerInfoChangeProcess.ROUTE_REQUESTED_BY_APPROVER : CustomerInfoChangeProcess.ROUTE_APPROVAL);
  }
}

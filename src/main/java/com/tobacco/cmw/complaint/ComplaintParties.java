package com.tobacco.cmw.complaint;

import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.process.Variables;
import com.tobacco.cmw.security.CurrentUser;
import com.tobacco.cmw.security.Roles;
import java.math.BigDecimal;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Who works on a complaint, read from the case at the moment it is needed (BPMN:
 * {@code camunda:candidateGroups="${complaintParties.regionalManagers(execution)}"}), never from
 * process variables an assignee could change; who did a step; and the typed reads of the forms.
 */
@Component("complaintParties")
public class ComplaintParties {

  static final int MAX_QUANTITY = 99_999;

  private final ComplaintCaseRepository cases;
  private final CurrentUser currentUser;

  public ComplaintParties(ComplaintCaseRepository cases, CurrentUser currentUser) {
    this.cases = cases;
    this.currentUser = currentUser;
  }

  /** The candidate group of the regional managers of the customer's region. */
  public String regionalManagers(DelegateExecution execution) {
    return Roles.regionalManagersOf(cases.ofProcessInstance(execution.getProcessInstanceId()).regionCode());
  }

  /** The customer manager of the case. */
  public String manager(DelegateExecution execution) {
    return cases.ofProcessInstance(execution.getProcessInstanceId()).managerId();
  }

  /** The user completing the task in this transaction ("system" when none, e.g. a job). */
  String actor() {
    return currentUser.userId().orElse("system");
  }

  /** A whole number in 1..max, given as number or text. */
  static int quantity(VariableScope scope, String name, String label, int max, Function<String, RuntimeException> error) {
    BigDecimal value = Variables.number(scope.getVariable(name), label, error);
    if (value == null) {
      throw error.apply("請填寫「" + label + "」/ " + name + " is required");
    }
    if (value.stripTrailingZeros().scale() > 0) {
      throw error.apply("「" + label + "」應為整數:「" + value.toPlainString() + "」/ " + name + " must be a whole number");
    }
    if (value.signum() <= 0) {
      throw error.apply("「" + label + "」應大於 0:「" + value.toPlainString() + "」/ " + name + " must be at least 1");
    }
    if (value.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw error.apply("「" + label + "」不能超過 " + max + ":「" + value.toPlainString() + "」/ " + name
          + " must not exceed " + max);
    }
    return value.intValueExact();
  }

  static Function<String, RuntimeException> inForm(String field) {
    return message -> InvalidInput.inForm(field, message);
  }

  static String unitName(String unit) {
    return "PACK".equals(unit) ? "包" : "條";
  }
}

package com.tobacco.cmw.exit;

import static com.tobacco.cmw.exit.NetworkExitProcess.Var;

import com.tobacco.cmw.customer.Customer;
import com.tobacco.cmw.customer.CustomerRepository;
import com.tobacco.cmw.customer.CustomerStatus;
import com.tobacco.cmw.customer.ExitReason;
import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.process.Variables;
import com.tobacco.cmw.security.CurrentUser;
import com.tobacco.cmw.security.DataScope;
import com.tobacco.cmw.security.ProcessAccess;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Opens an exit application (§3.3, §4.3): checks customer, caller, reason, explanation and
 * effective date; the customer code becomes the business key; writes the application; gives the
 * customer's manager and region access. Runs in the starter's transaction: bad input is answered
 * at once (400) and leaves nothing behind. Without a user (the licence watch) the requester is
 * "system".
 */
@Component("openNetworkExit")
public class OpenNetworkExitDelegate implements JavaDelegate {

  /** How far back an exit may be dated (the day the shop closed or the licence ended). */
  static final int MAX_DAYS_BACK = 90;

  private final CustomerRepository customers;
  private final NetworkExitRepository exits;
  private final ExitParties parties;
  private final DataScope dataScope;
  private final CurrentUser currentUser;
  private final ProcessAccess access;

  public OpenNetworkExitDelegate(CustomerRepository customers, NetworkExitRepository exits, ExitParties parties,
                                 DataScope dataScope, CurrentUser currentUser, ProcessAccess access) {
    this.customers = customers;
    this.exits = exits;
    this.parties = parties;
    this.dataScope = dataScope;
    this.currentUser = currentUser;
    this.access = access;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Function<String, RuntimeException> error = InvalidInput::atStart;
    String code = Variables.requiredText(execution, Var.CUSTOMER_CODE, "客戶代碼", 20, error);
    Customer customer = customers.require(code, error);
    String caller = currentUser.userId().orElse(null);
    if (caller != null && !scopeOfCaller(error).includes(customer.managerId(), customer.regionCode())) {
      throw error.apply("客戶 " + code + " 不在您負責的範圍內,不能為其申請退網 / customer " + code
          + " is not one of yours (customer manager: own customers, regional manager: own region)");
    }
    if (customer.status() == CustomerStatus.EXITED) {
      throw error.apply("客戶 " + code + "(" + customer.storeName() + ")已退網 / customer " + code + " has already exited");
    }
    if (customer.status() == CustomerStatus.APPLIED) {
      throw error.apply("客戶 " + code + " 尚在入網申請中,不是在網客戶 / customer " + code + " is not in the network yet");
    }
    String reasonText = Variables.requiredText(execution, Var.REASON, "退網原因", 20, error).toUpperCase(Locale.ROOT);
    ExitReason reason;
    try {
      reason = ExitReason.valueOf(reasonText);
    } catch (IllegalArgumentException e) {
      throw error.apply("退網原因不在可選範圍內:「" + reasonText + "」/ exitReason must be one of "
          + java.util.Arrays.toString(ExitReason.values()));
    }
    String explanation = reason == ExitReason.OTHER
        ? Variables.requiredText(execution, Var.EXPLANATION, "說明(原因為「其他」時必填)", 1000, error)
        : Variables.optionalText(execution, Var.EXPLANATION, "說明", 1000, error);
    LocalDate today = parties.today();
    LocalDate effective = execution.getVariable(Var.EFFECTIVE_DATE) == null
        || execution.getVariable(Var.EFFECTIVE_DATE).toString().isBlank()
        ? today : Variables.requiredDate(execution, Var.EFFECTIVE_DATE, "退網日期", parties.zone(), error);
    if (effective.isAfter(today) || effective.isBefore(today.minusDays(MAX_DAYS_BACK))) {
      throw error.apply("退網日期應在今天(" + today + ")及之前 " + MAX_DAYS_BACK + " 天內:「" + effective
          + "」/ effectiveDate must be between " + today.minusDays(MAX_DAYS_BACK) + " and " + today);
    }
    String duplicate = "客戶 " + code + " 已有進行中的退網申請 / customer " + code + " already has an exit application running";
    if (exits.running(code).isPresent()) {
      throw error.apply(duplicate);
    }
    String requester = caller == null ? NetworkExitProcess.SYSTEM : caller;
    long id = exits.open(new NetworkExitRepository.NewExit(code, customer.regionCode(), customer.managerId(), reason,
        explanation, effective, requester, Instant.now(), execution.getProcessInstanceId()))
        .orElseThrow(() -> error.apply(duplicate));
    execution.setProcessBusinessKey(code);
    access.grantInstance(execution.getProcessInstanceId(), customer.managerId(), customer.regionCode());

    execution.setVariable(Var.CUSTOMER_CODE, code);
    execution.setVariable(Var.REASON, reason.name());
    execution.setVariable(Var.EXPLANATION, explanation);
    execution.setVariable(Var.EFFECTIVE_DATE, effective.toString());
    execution.setVariable(Var.EXIT_ID, id);
    execution.setVariable(Var.CUSTOMER_NAME, customer.storeName());
    execution.setVariable(Var.MANAGER_ID, customer.managerId());
    execution.setVariable(Var.REGION_CODE, customer.regionCode());
    execution.setVariable(Var.REASON_TEXT, reason.label() + (explanation == null ? "" : ":" + explanation));
    execution.setVariable(Var.REQUESTED_BY, requester);
  }

  /**
   * The caller's scope; a caller who is neither customer manager nor regional manager (e.g. an
   * administrator starting the process in Tasklist) gets a 400 with the reason, not a 500.
   */
  private DataScope.Scope scopeOfCaller(Function<String, RuntimeException> error) {
    try {
      return dataScope.current(List.of(), "不能申請退網 / may not apply for an exit");
    } catch (com.tobacco.cmw.security.AccessDeniedException refused) {
      throw error.apply(refused.getMessage() + ";只有客戶經理或區域市場經理可以申請退網 / only customer managers and "
          + "regional managers apply for an exit");
    }
  }
}

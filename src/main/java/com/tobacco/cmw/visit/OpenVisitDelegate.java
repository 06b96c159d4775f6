package com.tobacco.cmw.visit;

import static com.tobacco.cmw.visit.CustomerVisitProcess.Var;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tobacco.cmw.calendar.WorkCalendar;
import com.tobacco.cmw.customer.Customer;
import com.tobacco.cmw.customer.CustomerRepository;
import com.tobacco.cmw.customer.CustomerStatus;
import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.process.Variables;
import com.tobacco.cmw.security.CurrentUser;
import com.tobacco.cmw.security.ProcessAccess;
import com.tobacco.cmw.security.Roles;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Opens a visit (§4.1.1 regular, §4.1.2 special): checks the customer and who asks, fixes the
 * due day by the working-day calendar, writes the visit (and for a special visit the 特殊訪問記錄),
 * gives the customer's manager and region access, and pre-fills the stock and price check.
 * Runs in the starter's transaction, so bad input is answered at once and leaves nothing behind.
 */
@Component("openVisit")
public class OpenVisitDelegate implements JavaDelegate {

  private final CustomerRepository customers;
  private final VisitRepository visits;
  private final WorkCalendar calendar;
  private final BrandCheckPrefill prefill;
  private final ProcessAccess access;
  private final CurrentUser currentUser;
  private final ObjectMapper json;

  public OpenVisitDelegate(CustomerRepository customers, VisitRepository visits, WorkCalendar calendar,
                           BrandCheckPrefill prefill, ProcessAccess access, CurrentUser currentUser, ObjectMapper json) {
    this.customers = customers;
    this.visits = visits;
    this.calendar = calendar;
    this.prefill = prefill;
    this.access = access;
    this.currentUser = currentUser;
    this.json = json;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Function<String, RuntimeException> error = InvalidInput::atStart;
    String code = Variables.requiredText(execution, Var.CUSTOMER_CODE, "客戶代碼", 20, error);
    VisitType type = VisitType.valueOf((String) execution.getVariable(Var.VISIT_TYPE));
    Customer customer = customers.require(code, error);
    if (customer.status() == CustomerStatus.EXITED || customer.status() == CustomerStatus.APPLIED) {
      throw error.apply("客戶 " + code + "(" + customer.storeName() + ")狀態為「" + statusLabel(customer.status())
          + "」,不能訪問 / customer " + code + " is " + customer.status() + " and cannot be visited");
    }
    checkCaller(customer, error);

    LocalDate today = calendar.today();
    LocalDate planned;
    Date due;
    String situation = null;
    if (type == VisitType.REGULAR) {
      planned = Variables.requiredDate(execution, Var.PLANNED_DATE, "計劃訪問日期", calendar.zone(), error);
      if (planned.isBefore(today)) {
        throw error.apply("計劃訪問日期 " + planned + " 早於今天 / the planned day " + planned + " is in the past");
      }
      if (!calendar.isWorkingDay(planned)) {
        throw error.apply("計劃訪問日期 " + planned + " 不是工作日" + calendar.dayName(planned).map(n -> "(" + n + ")").orElse("")
            + ",下一個工作日是 " + calendar.firstWorkingDayOnOrAfter(planned) + " / not a working day");
      }
      due = calendar.endOfWorkingDay(planned);
    } else {
      situation = Variables.requiredText(execution, Var.SITUATION, "特殊情況", 1000, error);
      planned = today;
      due = calendar.endOfWorkingDaysFromToday(1);
    }

    execution.setProcessBusinessKey(code); // always the customer code: searchable in Tasklist and Cockpit
    List<BrandCheck> rows = prefill.rows(code, today);
    long visitId = visits.open(execution.getProcessInstanceId(), code, customer.managerId(), type, planned,
        due.toInstant(), situation, rows.stream().map(BrandCheck::brandCode).toList());
    if (type == VisitType.SPECIAL) {
      visits.writeSpecialVisitRecord(visitId, code, situation, currentUser.userId().orElse("system"));
    }
    access.grantInstance(execution.getProcessInstanceId(), customer.managerId(), customer.regionCode());

    execution.setVariable(Var.VISIT_ID, visitId);
    execution.setVariable(Var.CUSTOMER_NAME, customer.storeName());
    execution.setVariable(Var.MANAGER_ID, customer.managerId());
    execution.setVariable(Var.VISIT_DUE, due);
    if (!planned.toString().equals(execution.getVariable(Var.PLANNED_DATE))) {
      execution.setVariable(Var.PLANNED_DATE, planned.toString()); // the form shows the day as yyyy-MM-dd
    }
    execution.setVariable(Var.BRAND_CHECKS, SpinValues.jsonValue(toJson(rows)).create());
  }

  /** The customer's manager, a regional manager of the region, an administrator or the system may open a visit. */
  private void checkCaller(Customer customer, Function<String, RuntimeException> error) {
    String userId = currentUser.userId().orElse(null);
    if (userId == null || userId.equals(customer.managerId())) {
      return;
    }
    List<String> groups = currentUser.groups();
    if (groups.contains(Roles.ADMIN) || groups.contains(Roles.regionalManagersOf(customer.regionCode()))) {
      return;
    }
    throw error.apply("客戶 " + customer.customerCode() + " 不是您負責的客戶 / customer " + customer.customerCode()
        + " is not one of yours");
  }

  private String toJson(List<BrandCheck> rows) {
    try {
      return json.writeValueAsString(rows);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String statusLabel(CustomerStatus status) {
    return switch (status) {
      case APPLIED -> "申請中";
      case ACTIVE -> "正常";
      case SUSPENDED -> "暫停";
      case EXITED -> "已退網";
    };
  }
}

package com.tobacco.cmw.complaint;

import static com.tobacco.cmw.complaint.QualityComplaintProcess.Var;

import com.tobacco.cmw.calendar.WorkCalendar;
import com.tobacco.cmw.customer.Brand;
import com.tobacco.cmw.customer.BrandRepository;
import com.tobacco.cmw.customer.Customer;
import com.tobacco.cmw.customer.CustomerRepository;
import com.tobacco.cmw.customer.CustomerStatus;
import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.process.Variables;
import com.tobacco.cmw.process.YearNumbers;
import com.tobacco.cmw.security.CurrentUser;
import com.tobacco.cmw.security.ProcessAccess;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Opens a complaint case (§3.6, §4.6): checks customer, caller, brand, quantity and defect; takes
 * the next case number ZL-yyyy-nnnnn as business key; writes the case with its deadlines; gives
 * the customer's manager and region access. Runs in the starter's transaction: bad input is
 * answered at once (400) and leaves nothing behind, not even a case number.
 */
@Component("openComplaintCase")
public class OpenComplaintCaseDelegate implements JavaDelegate {

  private final CustomerRepository customers;
  private final BrandRepository brands;
  private final ComplaintCaseRepository cases;
  private final CaseNumbers numbers;
  private final ComplaintDeadlines deadlines;
  private final WorkCalendar calendar;
  private final ProcessAccess access;
  private final CurrentUser currentUser;

  public OpenComplaintCaseDelegate(CustomerRepository customers, BrandRepository brands, ComplaintCaseRepository cases,
                                   CaseNumbers numbers, ComplaintDeadlines deadlines, WorkCalendar calendar,
                                   ProcessAccess access, CurrentUser currentUser) {
    this.customers = customers;
    this.brands = brands;
    this.cases = cases;
    this.numbers = numbers;
    this.deadlines = deadlines;
    this.calendar = calendar;
    this.access = access;
    this.currentUser = currentUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Function<String, RuntimeException> error = InvalidInput::atStart;
    String code = Variables.requiredText(execution, Var.CUSTOMER_CODE, "客戶代碼", 20, error);
    Customer customer = customers.require(code, error);
    if (customer.status() == CustomerStatus.EXITED || customer.status() == CustomerStatus.APPLIED) {
      throw error.apply("客戶 " + code + "(" + customer.storeName() + ")不是在網客戶,不能登記投訴 / customer " + code
          + " is " + customer.status());
    }
    String caller = currentUser.userId().orElse(null);
    if (caller != null && !caller.equals(customer.managerId())) {
      throw error.apply("客戶 " + code + " 不是您負責的客戶,只有其客戶經理可以登記投訴 / customer " + code
          + " is not one of yours: only its customer manager may file a complaint");
    }
    String brandCode = Variables.requiredText(execution, Var.BRAND_CODE, "品牌代碼", 20, error);
    Brand brand = brands.find(brandCode)
        .orElseThrow(() -> error.apply("品牌「" + brandCode + "」不在品牌目錄中 / unknown brand " + brandCode));
    int quantity = ComplaintParties.quantity(execution, Var.QUANTITY, "數量", ComplaintParties.MAX_QUANTITY, error);
    String unit = Variables.requiredText(execution, Var.QUANTITY_UNIT, "數量單位", 8, error).toUpperCase(Locale.ROOT);
    if (!unit.equals("PACK") && !unit.equals("CARTON")) {
      throw error.apply("數量單位只能是「包」(PACK)或「條」(CARTON):「" + unit + "」/ quantityUnit must be PACK or CARTON");
    }
    String defect = Variables.requiredText(execution, Var.DEFECT_DESCRIPTION, "客戶反映的質量問題", 1000, error);

    YearNumbers.Number number = numbers.next(calendar.today().getYear());
    String caseNo = number.text();
    Instant now = Instant.now();
    Date inspectionDue = deadlines.inspectionDue();
    Date caseDue = deadlines.caseDue();
    cases.open(new ComplaintCaseRepository.NewCase(caseNo, number.year(), number.seq(), execution.getProcessInstanceId(),
        code, customer.regionCode(), customer.managerId(), brand.brandCode(), quantity, unit, defect, now,
        caller == null ? customer.managerId() : caller, inspectionDue.toInstant(), caseDue.toInstant()));
    execution.setProcessBusinessKey(caseNo);
    access.grantInstance(execution.getProcessInstanceId(), customer.managerId(), customer.regionCode());

    execution.setVariable(Var.CASE_NO, caseNo);
    execution.setVariable(Var.CUSTOMER_CODE, code);
    execution.setVariable(Var.BRAND_CODE, brand.brandCode());
    execution.setVariable(Var.QUANTITY, quantity);
    execution.setVariable(Var.QUANTITY_UNIT, unit);
    execution.setVariable(Var.CUSTOMER_NAME, customer.storeName());
    execution.setVariable(Var.BRAND_NAME, brand.name());
    execution.setVariable(Var.MANAGER_ID, customer.managerId());
    execution.setVariable(Var.QUANTITY_TEXT, quantity + " " + ComplaintParties.unitName(unit));
    execution.setVariable(Var.INSPECTION_DUE, inspectionDue);
    execution.setVariable(Var.CASE_DUE, caseDue);
  }
}

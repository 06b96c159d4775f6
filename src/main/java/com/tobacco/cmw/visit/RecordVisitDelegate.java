package com.tobacco.cmw.visit;

import static com.tobacco.cmw.visit.CustomerVisitProcess.Var;

import com.tobacco.cmw.customer.Customer;
import com.tobacco.cmw.customer.CustomerRepository;
import com.tobacco.cmw.calendar.WorkCalendar;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Writes what the visit found (§4.1.3, §4.1.4): per brand the stock, the order suggestion and the
 * price check; the customer's stock; the sign-in book entry with the customer's confirmation; the
 * special-visit record's handling; an unlicensed-seller sighting (reported by the next step); and, for a price below the
 * minimum guide price, a downgrade request for the regional manager (§4.1.3 f).
 */
@Component("recordVisit")
public class RecordVisitDelegate implements JavaDelegate {

  private final VisitReportReader reader;
  private final VisitRepository visits;
  private final BrandCheckPrefill prefill;
  private final OrderSuggestion orderSuggestion;
  private final WorkCalendar calendar;
  private final CustomerRepository customers;

  public RecordVisitDelegate(VisitReportReader reader, VisitRepository visits, BrandCheckPrefill prefill,
                             OrderSuggestion orderSuggestion, WorkCalendar calendar, CustomerRepository customers) {
    this.reader = reader;
    this.visits = visits;
    this.prefill = prefill;
    this.orderSuggestion = orderSuggestion;
    this.calendar = calendar;
    this.customers = customers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    VisitRepository.Visit visit = visits.ofProcessInstance(execution.getProcessInstanceId());
    long visitId = visit.id();
    VisitReport report = reader.read(execution, visit.type());
    Instant now = Instant.now();

    // rates as of the day the visit opened: the same the form showed
    Map<String, BigDecimal> rates = prefill.dailyRates(visit.customerCode(),
        visit.createdAt().atZone(calendar.zone()).toLocalDate());
    BigDecimal noSales = orderSuggestion.dailyRate(BigDecimal.ZERO);
    StringJoiner evidence = new StringJoiner(";");
    List<VisitRepository.CheckRow> rows = new ArrayList<>();
    for (BrandCheck check : report.brandChecks()) {
      BigDecimal rate = rates.getOrDefault(check.brandCode(), noSales);
      boolean below = check.belowMinimumPrice();
      if (below) {
        evidence.add(check.brandName() + "(" + check.brandCode() + ") 貨架價 " + check.shelfPricePack().toPlainString()
            + " 元/包,低於最低零售指導價 " + check.minPricePack().toPlainString() + " 元/包");
      }
      rows.add(new VisitRepository.CheckRow(check.brandCode(), check.stockCartons(), check.shelfPricePack(),
          check.minPricePack(), below, rate, orderSuggestion.suggest(rate, check.stockCartons())));
    }
    visits.insertChecks(visitId, rows);
    visits.updateStock(visit.customerCode(), rows, visitId, now);
    boolean violation = evidence.length() > 0;
    visits.complete(visitId, report, violation, now);
    visits.writeSignIn(visitId, visit.customerCode(), visit.managerId(), report.workSummary(),
        report.customerSignerName(), now);
    if (visit.type() == VisitType.SPECIAL) {
      visits.completeSpecialVisitRecord(visitId, report.specialHandling(), now);
    }
    if (report.unlicensedSighting() != null) {
      visits.recordUnlicensedSighting(visitId, visit.customerCode(), report.unlicensedSighting(), visit.managerId(), now);
    }
    // the next step reports it (unlicensedSellerReport), in a job of its own
    execution.setVariable(Var.UNLICENSED_SIGHTING_RECORDED, report.unlicensedSighting() != null);
    if (violation) {
      Customer customer = customers.find(visit.customerCode()).orElseThrow();
      visits.openDowngradeRequest(visitId, visit.customerCode(), evidence.toString(), customer.grade(),
          execution.getProcessInstanceId());
      // what the decision form shows comes from the records, not from what the assignee submitted
      execution.setVariable(Var.CUSTOMER_CODE, customer.customerCode());
      execution.setVariable(Var.CUSTOMER_NAME, customer.storeName());
      execution.setVariable(Var.CUSTOMER_GRADE, customer.grade());
      execution.setVariable(Var.MANAGER_ID, visit.managerId());
      execution.setVariable(Var.VISIT_ID, visitId);
      execution.setVariable(Var.VISIT_TYPE, visit.type().name());
      execution.setVariable(Var.VIOLATION_EVIDENCE, evidence.toString());
    }
    execution.setVariable(Var.PRICE_VIOLATION, violation);
  }
}

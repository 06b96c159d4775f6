package com.tobacco.cmw.visit;

import static com.tobacco.cmw.visit.CustomerVisitProcess.Var;

import com.tobacco.cmw.customer.CustomerRepository;
import com.tobacco.cmw.customer.SalesRepository;
import com.tobacco.cmw.calendar.WorkCalendar;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Writes what the visit found (§4.1.3, §4.1.4): per brand the stock, the order suggestion and the
 * price check; the customer's stock; the sign-in book entry with the customer's confirmation; the
 * special-visit record's handling; an unlicensed-seller sighting; and, for a price below the
 * minimum guide price, a downgrade request for the regional manager (§4.1.3 f).
 */
@Component("recordVisit")
public class RecordVisitDelegate implements JavaDelegate {

  private final VisitReportReader reader;
  private final VisitRepository visits;
  private final SalesRepository sales;
  private final OrderSuggestion orderSuggestion;
  private final WorkCalendar calendar;
  private final CustomerRepository customers;

  public RecordVisitDelegate(VisitReportReader reader, VisitRepository visits, SalesRepository sales,
                             OrderSuggestion orderSuggestion, WorkCalendar calendar, CustomerRepository customers) {
    this.customers = customers;
    this.reader = reader;
    this.visits = visits;
    this.sales = sales;
    this.orderSuggestion = orderSuggestion;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    VisitRepository.Visit visit = visits.ofProcessInstance(execution.getProcessInstanceId());
    long visitId = visit.id();
    VisitReport report = reader.read(execution, visit.type());
    Instant now = Instant.now();
    LocalDate today = calendar.today();

    Map<String, BigDecimal> window = sales.volumeByBrand(visit.customerCode(),
            today.minusDays(orderSuggestion.salesWindowDays()), today.minusDays(1)).stream()
        .collect(Collectors.toMap(SalesRepository.BrandVolume::brandCode, SalesRepository.BrandVolume::cartons));
    StringJoiner evidence = new StringJoiner(";");
    for (BrandCheck check : report.brandChecks()) {
      BigDecimal rate = orderSuggestion.dailyRate(window.getOrDefault(check.brandCode(), BigDecimal.ZERO));
      boolean below = check.shelfPricePack() != null && check.shelfPricePack().compareTo(check.minPricePack()) < 0;
      if (below) {
        evidence.add(check.brandName() + "(" + check.brandCode() + ") 貨架價 " + check.shelfPricePack().toPlainString()
            + " 元/包,低於最低零售指導價 " + check.minPricePack().toPlainString() + " 元/包");
      }
      visits.insertCheck(visitId, new VisitRepository.CheckRow(check.brandCode(), check.stockCartons(),
          check.shelfPricePack(), check.minPricePack(), below, rate, orderSuggestion.suggest(rate, check.stockCartons())));
      visits.updateStock(visit.customerCode(), check.brandCode(), check.stockCartons(), visitId, now);
    }
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
    if (violation) {
      int grade = customers.find(visit.customerCode()).orElseThrow().grade();
      visits.openDowngradeRequest(visitId, visit.customerCode(), evidence.toString(), grade,
          execution.getProcessInstanceId());
    }
    execution.setVariable(Var.PRICE_VIOLATION, violation);
    execution.setVariable(Var.VIOLATION_EVIDENCE, violation ? evidence.toString() : null);
  }
}

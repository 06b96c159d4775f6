package com.tobacco.cmw.customer;

import com.tobacco.cmw.security.DataScope;
import com.tobacco.cmw.visit.VisitRepository;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only master data under {@code /api}: a customer manager sees their customers, a regional
 * manager their region, head office and auditors all ({@link DataScope}). A customer outside the
 * caller's scope answers 404, as if it did not exist.
 */
@RestController
@RequestMapping("/api")
public class CustomerController {

  static final int MAX_PAGE = 500;

  private final CustomerRepository customers;
  private final BrandRepository brands;
  private final VisitRepository visits;
  private final DataScope scope;
  private final CustomerChangeHistory changeHistory;

  public CustomerController(CustomerRepository customers, BrandRepository brands, VisitRepository visits,
                            DataScope scope, CustomerChangeHistory changeHistory) {
    this.customers = customers;
    this.brands = brands;
    this.visits = visits;
    this.scope = scope;
    this.changeHistory = changeHistory;
  }

  @GetMapping("/customers")
  public List<Customer> list(@RequestParam(required = false) CustomerStatus status,
                             @RequestParam(defaultValue = "100") int limit,
                             @RequestParam(defaultValue = "0") int offset) {
    if (limit < 1 || limit > MAX_PAGE || offset < 0) {
      throw new IllegalArgumentException("limit 1–" + MAX_PAGE + " and offset ≥ 0 expected");
    }
    DataScope.Scope s = scope.current();
    return customers.list(s.managerId(), s.regionCode(), status == null ? null : status.name(), limit, offset);
  }

  /**
   * A customer with its visits (newest first), grade changes and whole change history (oldest
   * first: field, old and new value, why, who, when, which process).
   */
  public record CustomerDetail(Customer customer, List<VisitSummary> visits, List<CustomerRepository.GradeChange> gradeChanges,
                               List<CustomerChangeHistory.Line> changes) {}

  public record VisitSummary(VisitRepository.Visit visit, String customerSigner, List<VisitRepository.CheckRow> checks) {}

  @GetMapping("/customers/{code}")
  public CustomerDetail get(@PathVariable String code, @RequestParam(defaultValue = "50") int visitLimit) {
    Customer customer = visible(code);
    List<VisitSummary> history = visits.forCustomer(code, Math.max(1, Math.min(visitLimit, MAX_PAGE))).stream()
        .map(v -> new VisitSummary(v, visits.signerOf(v.id()).orElse(null), visits.checks(v.id())))
        .toList();
    return new CustomerDetail(customer, history, customers.gradeChanges(code), changeHistory.of(code));
  }

  /** The whole change history of a customer, oldest first; scoped like the customer itself. */
  @GetMapping("/customers/{code}/changes")
  public List<CustomerChangeHistory.Line> changes(@PathVariable String code) {
    visible(code);
    return changeHistory.of(code);
  }

  /** The customer if the caller may read it; 404 otherwise, as if it did not exist. */
  private Customer visible(String code) {
    DataScope.Scope s = scope.current();
    return customers.find(code).filter(c -> s.includes(c.managerId(), c.regionCode()))
        .orElseThrow(() -> new NoSuchElementException("客戶 " + code + " 不存在或不在您的權限範圍內 / customer " + code + " not found"));
  }

  @GetMapping("/brands")
  public List<Brand> brands() {
    return brands.all();
  }
}

package com.tobacco.cmw.unlicensed;

import static com.tobacco.cmw.unlicensed.UnlicensedSellerReportProcess.Var;

import com.tobacco.cmw.customer.Customer;
import com.tobacco.cmw.customer.CustomerRepository;
import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.process.Variables;
import com.tobacco.cmw.process.YearNumbers;
import com.tobacco.cmw.security.CurrentUser;
import com.tobacco.cmw.security.ProcessAccess;
import com.tobacco.cmw.security.Roles;
import com.tobacco.cmw.security.StaffDirectory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Opens a report (§4.7): checks place, description, time seen, evidence note and the nearby
 * customer; takes the next case number WZ-yyyy-nnnnn as business key; writes the report in the
 * reporter's region; gives the reporter and the region's managers read access. A report from a
 * visit takes everything from the visit's sighting record (the customer's region, the visit's
 * manager, the time the visit was recorded) and links the sighting to the report. Runs in the
 * starter's transaction: bad input is answered at once (400) and leaves nothing behind, not even a
 * case number.
 */
@Component("openUnlicensedReport")
public class OpenReportDelegate implements JavaDelegate {

  static final int MAX_PLACE = 200;
  static final int MAX_DESCRIPTION = 2000;
  static final int MAX_EVIDENCE_NOTE = 1000;
  /**
   * The only variables a start may bring; any other (customerCode, reviewDecision, duplicateOf,
   * monopolyResult, nearCustomerText, ...) is removed before the report opens: customerCode would make
   * a customer's exit delete the report (decision 67) and a work transfer move it, and later steps'
   * variables must come from those steps.
   */
  static final Set<String> START_VARIABLES = Set.of(Var.PLACE, Var.DESCRIPTION, Var.SEEN_AT, Var.EVIDENCE_NOTE,
      Var.NEAR_CUSTOMER_CODE, Var.REPORTER_ID, Var.SIGHTING_ID);

  private final UnlicensedReportRepository reports;
  private final ReportNumbers numbers;
  private final UnlicensedParties parties;
  private final CustomerRepository customers;
  private final StaffDirectory staff;
  private final ProcessAccess access;
  private final CurrentUser currentUser;

  public OpenReportDelegate(UnlicensedReportRepository reports, ReportNumbers numbers, UnlicensedParties parties,
                            CustomerRepository customers, StaffDirectory staff, ProcessAccess access,
                            CurrentUser currentUser) {
    this.reports = reports;
    this.numbers = numbers;
    this.parties = parties;
    this.customers = customers;
    this.staff = staff;
    this.access = access;
    this.currentUser = currentUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    for (String name : new ArrayList<>(execution.getVariableNames())) {
      if (!START_VARIABLES.contains(name)) {
        execution.removeVariable(name);
      }
    }
    Function<String, RuntimeException> error = InvalidInput::atStart;
    String caller = currentUser.userId().orElse(null);
    Object sightingId = execution.getVariable(Var.SIGHTING_ID);
    Opened opened;
    if (sightingId != null) {
      if (caller != null) {
        throw error.apply("訪問中發現的無證經營由系統根據訪問記錄舉報 / a visit's sighting is reported by the system, "
            + "not by " + caller);
      }
      opened = fromSighting(Long.parseLong(sightingId.toString()), execution);
    } else {
      opened = byHand(execution, caller, error);
    }
    Instant now = parties.now();
    YearNumbers.Number number = numbers.next(now.atZone(parties.zone()).getYear());
    String caseNo = number.text();
    reports.open(new UnlicensedReportRepository.NewReport(caseNo, number.year(), number.seq(),
        execution.getProcessInstanceId(), opened.regionCode(), opened.reporterId(), opened.nearCustomer() == null
        ? null : opened.nearCustomer().customerCode(), opened.visitId(), opened.place(), opened.description(),
        opened.seenAt(), opened.evidenceNote(), now));
    if (opened.sightingId() != null) {
      reports.linkSighting(opened.sightingId(), caseNo);
    }
    execution.setProcessBusinessKey(caseNo);
    access.grantInstance(execution.getProcessInstanceId(), opened.reporterId(), opened.regionCode());

    execution.setVariable(Var.CASE_NO, caseNo);
    execution.setVariable(Var.PLACE, opened.place());
    execution.setVariable(Var.DESCRIPTION, opened.description());
    execution.setVariable(Var.SEEN_AT_TEXT, parties.dayTime(opened.seenAt()));
    execution.setVariable(Var.EVIDENCE_NOTE, opened.evidenceNote());
    execution.setVariable(Var.REPORTER_ID, opened.reporterId());
    execution.setVariable(Var.REPORTER_NAME, staff.find(opened.reporterId()).map(StaffDirectory.Staff::name)
        .orElse(opened.reporterId()));
    execution.setVariable(Var.REGION_NAME, customers.regionName(opened.regionCode()));
    if (opened.nearCustomer() != null) {
      execution.setVariable(Var.NEAR_CUSTOMER_CODE, opened.nearCustomer().customerCode());
      execution.setVariable(Var.NEAR_CUSTOMER_TEXT, opened.nearCustomer().storeName() + "("
          + opened.nearCustomer().customerCode() + ")附近");
    }
  }

  private record Opened(String reporterId, String regionCode, Customer nearCustomer, Long visitId, Long sightingId,
                        String place, String description, Instant seenAt, String evidenceNote) {}

  /** customerVisit's step: everything from the sighting record; a missing record is a fault (incident). */
  private Opened fromSighting(long id, DelegateExecution execution) {
    UnlicensedReportRepository.Sighting s = reports.sighting(id)
        .orElseThrow(() -> new IllegalStateException("unlicensed-seller sighting " + id + " not found"));
    if (s.reportCaseNo() != null) {
      throw new IllegalStateException("sighting " + id + " was reported already as " + s.reportCaseNo());
    }
    Customer customer = customers.find(s.customerCode())
        .orElseThrow(() -> new IllegalStateException("customer " + s.customerCode() + " of sighting " + id + " not found"));
    return new Opened(s.reportedBy(), customer.regionCode(), customer, s.visitId(), s.id(), s.place(), s.description(),
        s.reportedAt(), null);
  }

  /** The start form or POST /api/unlicensed-reports: the reporter's own region. */
  private Opened byHand(DelegateExecution execution, String caller, Function<String, RuntimeException> error) {
    String reporterId = caller != null ? caller
        : Variables.requiredText(execution, Var.REPORTER_ID, "舉報人", 64, error);
    StaffDirectory.Staff reporter = staff.find(reporterId).filter(StaffDirectory.Staff::active)
        .filter(s -> Roles.CUSTOMER_MANAGERS.equals(s.role()))
        .orElseThrow(() -> error.apply("只有在職的客戶經理可以舉報無證經營:" + reporterId
            + " / only an active customer manager reports unlicensed sellers"));
    if (reporter.regionCode() == null) {
      throw error.apply("客戶經理 " + reporterId + " 未設定所屬區域 / the customer manager has no region");
    }
    String place = Variables.requiredText(execution, Var.PLACE, "無證經營地點", MAX_PLACE, error);
    if (PlaceKeys.key(place).isEmpty()) {
      throw error.apply("「無證經營地點」須寫明地點,不能只有標點 / place names no place");
    }
    String description = Variables.requiredText(execution, Var.DESCRIPTION, "無證經營情況描述", MAX_DESCRIPTION, error);
    java.time.Instant seenAt = parties.seenAt(execution.getVariable(Var.SEEN_AT), error);
    String evidenceNote = Variables.optionalText(execution, Var.EVIDENCE_NOTE, "證據說明", MAX_EVIDENCE_NOTE, error);
    String nearCode = Variables.optionalText(execution, Var.NEAR_CUSTOMER_CODE, "附近客戶代碼", 20, error);
    Customer near = null;
    if (nearCode != null) {
      near = customers.require(nearCode, error);
      if (!reporter.regionCode().equals(near.regionCode())) {
        throw error.apply("客戶 " + nearCode + " 不在您所屬的區域 / customer " + nearCode + " is not in your region");
      }
    }
    return new Opened(reporterId, reporter.regionCode(), near, null, null, place, description, seenAt, evidenceNote);
  }
}

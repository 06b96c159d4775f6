package com.tobacco.cmw.enrollment;

import static com.tobacco.cmw.enrollment.NetworkEnrollmentProcess.Var;

import com.tobacco.cmw.calendar.WorkCalendar;
import com.tobacco.cmw.customer.Customer;
import com.tobacco.cmw.customer.CustomerRepository;
import com.tobacco.cmw.customer.CustomerStatus;
import com.tobacco.cmw.security.Grants;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Puts the approved retailer into the network (§4.3), one step in one transaction (a job of its
 * own, retried): a new customer {@code ACTIVE} under a new code C + yy + nnnnn, or — the licence
 * belonged to a customer that left the network — that customer reactivated under its old code
 * (decision 66), each changed field in the change history. The application becomes APPROVED
 * with the customer code, the licence is freed for later applications, the chosen manager may
 * read the instance, and the instance carries {@code customerCode} (decision 67).
 *
 * <p>A licence held meanwhile by a customer in the network (e.g. imported after the application)
 * is a business outcome: the application is recorded as rejected and BPMN error
 * {@value NetworkEnrollmentProcess#ERROR_LICENCE_TAKEN} takes the applicant to the rejection note.
 */
@Component("enrollCustomer")
public class EnrollCustomerDelegate implements JavaDelegate {

  private final NetworkApplicationRepository applications;
  private final CustomerRepository customers;
  private final YearCounters counters;
  private final WorkCalendar calendar;
  private final Grants grants;
  private final JdbcTemplate jdbc;

  public EnrollCustomerDelegate(NetworkApplicationRepository applications, CustomerRepository customers,
                                YearCounters counters, WorkCalendar calendar, Grants grants, JdbcTemplate jdbc) {
    this.applications = applications;
    this.customers = customers;
    this.counters = counters;
    this.calendar = calendar;
    this.grants = grants;
    this.jdbc = jdbc;
  }

  @Override
  public void execute(DelegateExecution execution) {
    NetworkApplicationRepository.Application app = applications.ofProcessInstance(execution.getProcessInstanceId());
    if (app.status() != NetworkApplicationRepository.Status.PENDING_APPROVAL
        || !NetworkEnrollmentProcess.APPROVE.equals(app.decision())) {
      throw new IllegalStateException("application " + app.applicationNo() + " is " + app.status() + ", not approved");
    }
    var form = app.form();
    Instant now = Instant.now();
    LocalDate today = calendar.today();
    // a licence valid at the approval but expired before this job ran (retries, a stopped engine): the same
    // business outcome as a licence taken meanwhile — recorded as rejected, the applicant told, no incident
    LocalDate engineToday = LocalDate.ofInstant(
        org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant(), calendar.zone());
    if (form.licenceExpiry() != null && form.licenceExpiry().isBefore(engineToday)) {
      String text = "許可證已於 " + form.licenceExpiry() + " 到期,入網未能辦理,請持延續後的許可證重新申請 / licence expired on "
          + form.licenceExpiry();
      applications.rejectedAfterApproval(app.applicationNo(), text, now);
      applications.releaseLicence(app.applicationNo());
      execution.setVariable(Var.REJECTION_TEXT, text);
      throw new BpmnError(NetworkEnrollmentProcess.ERROR_LICENCE_TAKEN, text);
    }
    String reason = "入網 " + app.applicationNo();
    Optional<Customer> holder = customers.findByLicence(form.licenceNo());
    if (holder.isPresent() && holder.get().status() != CustomerStatus.EXITED) {
      licenceTaken(execution, app, holder.get().customerCode(), now);
    }
    String code;
    if (holder.isPresent()) {
      code = reactivate(holder.get(), app, today, reason, now, execution.getProcessInstanceId());
    } else {
      code = newCode(today.getYear());
      Customer customer = new Customer(code, form.storeName(), form.licenceNo(), form.licenceExpiry(), form.address(),
          form.regionCode(), app.assignedManagerId(), app.grantedGrade(), form.businessType(), form.contactName(),
          form.phone(), CustomerStatus.ACTIVE, today, null);
      try {
        customers.insert(customer);
      } catch (DuplicateKeyException e) {
        if (counters.postgres()) {
          throw e; // the failed insert ended this transaction: the retry finds the holder and rejects
        }
        licenceTaken(execution, app, customers.findByLicence(form.licenceNo()).map(Customer::customerCode).orElse("?"), now);
      }
      customers.recordChange(new CustomerRepository.Change(code, "status", null, CustomerStatus.ACTIVE.name(), reason,
          app.decidedBy(), now, NetworkEnrollmentProcess.PROCESS_KEY, execution.getProcessInstanceId()));
    }
    applications.approved(app.applicationNo(), code, now);
    applications.releaseLicence(app.applicationNo());
    grants.toUser(app.assignedManagerId(), Resources.PROCESS_INSTANCE, execution.getProcessInstanceId(), Permissions.READ);
    execution.setVariable(Var.CUSTOMER_CODE, code);
  }

  private void licenceTaken(DelegateExecution execution, NetworkApplicationRepository.Application app, String holderCode,
                            Instant now) {
    String text = "許可證號 " + app.form().licenceNo() + " 在審批後已屬於在網客戶 " + holderCode + ",入網未能辦理 / licence "
        + "already held by customer " + holderCode;
    applications.rejectedAfterApproval(app.applicationNo(), text, now);
    applications.releaseLicence(app.applicationNo());
    execution.setVariable(Var.REJECTION_TEXT, text);
    throw new BpmnError(NetworkEnrollmentProcess.ERROR_LICENCE_TAKEN, text);
  }

  /** The next free code C + yy + nnnnn: codes brought by imports are skipped. */
  private String newCode(int year) {
    while (true) {
      String code = YearCounters.customerCode(year, counters.next(YearCounters.CUSTOMER, year));
      if (customers.find(code).isEmpty()) {
        return code;
      }
    }
  }

  private String reactivate(Customer old, NetworkApplicationRepository.Application app, LocalDate today, String reason,
                            Instant now, String processInstanceId) {
    var form = app.form();
    int updated = jdbc.update("UPDATE cm_customer SET store_name = ?, licence_expiry = ?, address = ?, region_code = ?, "
            + "manager_id = ?, grade = ?, business_type = ?, contact_name = ?, phone = ?, status = 'ACTIVE', entry_date = ?, "
            + "exit_date = NULL, exit_reason = NULL, updated_at = ? WHERE customer_code = ? AND status = 'EXITED'",
        form.storeName(), form.licenceExpiry(), form.address(), form.regionCode(), app.assignedManagerId(),
        app.grantedGrade(), form.businessType(), form.contactName(), form.phone(), today, Timestamp.from(now),
        old.customerCode());
    if (updated != 1) {
      throw new IllegalStateException("customer " + old.customerCode() + " changed while being reactivated");
    }
    // the licence watch keys its periods by (customer, expiry): the periods of the former
    // membership go, so a licence with the same expiry as before gets its reminder and expiry exit
    jdbc.update("DELETE FROM cm_licence_watch WHERE customer_code = ?", old.customerCode());
    List<String[]> changes = new ArrayList<>();
    change(changes, "store_name", old.storeName(), form.storeName());
    change(changes, "licence_expiry", str(old.licenceExpiry()), str(form.licenceExpiry()));
    change(changes, "address", old.address(), form.address());
    change(changes, "region_code", old.regionCode(), form.regionCode());
    change(changes, "manager_id", old.managerId(), app.assignedManagerId());
    change(changes, "grade", String.valueOf(old.grade()), String.valueOf(app.grantedGrade()));
    change(changes, "business_type", old.businessType(), form.businessType());
    change(changes, "contact_name", old.contactName(), form.contactName());
    change(changes, "phone", old.phone(), form.phone());
    change(changes, "status", old.status().name(), CustomerStatus.ACTIVE.name());
    change(changes, "entry_date", str(old.entryDate()), str(today));
    change(changes, "exit_date", str(old.exitDate()), null);
    change(changes, "exit_reason", old.exitReason() == null ? null : old.exitReason().name(), null);
    for (String[] c : changes) {
      customers.recordChange(new CustomerRepository.Change(old.customerCode(), c[0], c[1], c[2], reason + "(重新入網)",
          app.decidedBy(), now, NetworkEnrollmentProcess.PROCESS_KEY, processInstanceId));
    }
    return old.customerCode();
  }

  private static void change(List<String[]> changes, String field, String oldValue, String newValue) {
    if (!Objects.equals(oldValue, newValue)) {
      changes.add(new String[] {field, oldValue, newValue});
    }
  }

  private static String str(Object value) {
    return value == null ? null : value.toString();
  }
}

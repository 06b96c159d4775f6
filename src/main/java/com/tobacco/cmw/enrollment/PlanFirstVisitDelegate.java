package com.tobacco.cmw.enrollment;

import static com.tobacco.cmw.enrollment.NetworkEnrollmentProcess.Var;

import com.tobacco.cmw.calendar.WorkCalendar;
import com.tobacco.cmw.visit.CustomerVisitProcess;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Plans the new customer's first regular visit (§4.1.1 for a new retailer): one {@code customerVisit}
 * REGULAR instance, business key the customer code, planned on the n-th working day after the
 * approval (n = {@code cmw.enrollment.first-visit-days}, default 5) and due at the end of that day,
 * assigned to the customer's manager by the visit itself. Should the step run late, the visit is
 * planned on the first working day from today. The weekly planner does not plan a customer with
 * an open regular visit again. A job of its own: a failure retries and never undoes the customer.
 */
@Component("planFirstVisit")
public class PlanFirstVisitDelegate implements JavaDelegate {

  private final NetworkApplicationRepository applications;
  private final WorkCalendar calendar;
  private final RuntimeService runtime;
  private final EnrollmentParties parties;

  public PlanFirstVisitDelegate(NetworkApplicationRepository applications, WorkCalendar calendar, RuntimeService runtime,
                                EnrollmentParties parties) {
    this.applications = applications;
    this.calendar = calendar;
    this.runtime = runtime;
    this.parties = parties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    NetworkApplicationRepository.Application app = applications.ofProcessInstance(execution.getProcessInstanceId());
    String code = app.customerCode();
    if (code == null) {
      throw new IllegalStateException("application " + app.applicationNo() + " has no customer yet");
    }
    LocalDate approved = app.decidedAt().atZone(calendar.zone()).toLocalDate();
    LocalDate day = calendar.workingDaysAfter(approved, parties.firstVisitDays());
    LocalDate earliest = calendar.firstWorkingDayOnOrAfter(calendar.today());
    if (day.isBefore(earliest)) {
      day = earliest;
    }
    runtime.startProcessInstanceByKey(CustomerVisitProcess.PROCESS_KEY, code,
        Map.of(CustomerVisitProcess.Var.CUSTOMER_CODE, code, CustomerVisitProcess.Var.PLANNED_DATE, day.toString()));
    execution.setVariable(Var.FIRST_VISIT_DATE, day.toString());
  }
}

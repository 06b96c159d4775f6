package com.tobacco.cmw.enrollment;

import static com.tobacco.cmw.enrollment.NetworkEnrollmentProcess.Var;

import com.tobacco.cmw.calendar.WorkCalendar;
import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.security.CurrentUser;
import com.tobacco.cmw.security.ProcessAccess;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Opens an enrollment application (§3.3, §4.3): checks it ({@link ApplicationChecks}, every
 * problem in one answer), takes the number RW-yyyy-nnnnn as business key, holds the licence for
 * this application, writes the application and gives the applicant and the region's regional
 * managers access. Runs in the starter's transaction: bad input is answered at once (400) and
 * leaves nothing behind, not even a number.
 */
@Component("openNetworkApplication")
public class OpenApplicationDelegate implements JavaDelegate {

  private final ApplicationChecks checks;
  private final NetworkApplicationRepository applications;
  private final YearCounters counters;
  private final WorkCalendar calendar;
  private final ProcessAccess access;
  private final CurrentUser currentUser;
  private final EnrollmentParties parties;

  public OpenApplicationDelegate(ApplicationChecks checks, NetworkApplicationRepository applications,
                                 YearCounters counters, WorkCalendar calendar, ProcessAccess access,
                                 CurrentUser currentUser, EnrollmentParties parties) {
    this.checks = checks;
    this.applications = applications;
    this.counters = counters;
    this.calendar = calendar;
    this.access = access;
    this.currentUser = currentUser;
    this.parties = parties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ApplicationChecks.Result result = checks.check(execution, null);
    if (!result.ok()) {
      throw InvalidInput.atStart(result.message());
    }
    NetworkApplicationRepository.Form form = result.form();
    String applicant = currentUser.userId().orElse(null);
    if (applicant == null) {
      throw InvalidInput.atStart("入網申請須由客戶經理登錄後提交 / an application is filed by a signed-in customer manager");
    }
    int year = calendar.today().getYear();
    int seq = counters.next(YearCounters.APPLICATION, year);
    String applicationNo = YearCounters.applicationNo(year, seq);
    if (!applications.lockLicence(form.licenceNo(), applicationNo, counters.postgres())) {
      String holder = applications.applicationInProgress(form.licenceNo()).orElse("?");
      throw InvalidInput.atStart(ApplicationChecks.inProgress(holder));
    }
    applications.insert(applicationNo, year, seq, execution.getProcessInstanceId(), form, applicant, Instant.now());
    execution.setProcessBusinessKey(applicationNo);
    access.grantInstance(execution.getProcessInstanceId(), applicant, form.regionCode());

    Variables.write(execution, form);
    execution.setVariable(Var.APPLICATION_NO, applicationNo);
    execution.setVariable(Var.APPLICANT_ID, applicant);
    Date due = parties.verificationDue();
    execution.setVariable(Var.VERIFICATION_DUE, due);
    execution.setVariable(Var.DUE_TEXT, parties.dueText(due));
  }

  /** The checked application back into the variables the forms show. */
  static final class Variables {
    private Variables() {}

    static void write(DelegateExecution execution, NetworkApplicationRepository.Form form) {
      execution.setVariable(Var.STORE_NAME, form.storeName());
      execution.setVariable(Var.ADDRESS, form.address());
      execution.setVariable(Var.LICENCE_NO, form.licenceNo());
      execution.setVariable(Var.LICENCE_EXPIRY, form.licenceExpiry().toString());
      execution.setVariable(Var.HOLDER_NAME, form.holderName());
      execution.setVariable(Var.HOLDER_TYPE_TEXT, ApplicationChecks.holderTypeText(form.holderType()));
      execution.setVariable(Var.BUSINESS_TYPE, form.businessType());
      execution.setVariable(Var.REGION_CODE, form.regionCode());
      execution.setVariable(Var.CONTACT_NAME, form.contactName());
      execution.setVariable(Var.PHONE, form.phone());
    }
  }
}

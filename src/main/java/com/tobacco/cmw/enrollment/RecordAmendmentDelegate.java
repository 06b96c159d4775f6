package com.tobacco.cmw.enrollment;

import static com.tobacco.cmw.enrollment.NetworkEnrollmentProcess.Var;

import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.process.Variables;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the applicant's answer to a return (§4.3): either the application withdrawn (it ends,
 * the licence is freed), or the amended application, checked exactly like a new one, which is
 * verified on site again. A changed licence number moves the application's hold to the new
 * number. Bad input keeps the task open and writes nothing.
 */
@Component("recordApplicationAmendment")
public class RecordAmendmentDelegate implements JavaDelegate {

  private final ApplicationChecks checks;
  private final NetworkApplicationRepository applications;
  private final YearCounters counters;
  private final EnrollmentParties parties;

  public RecordAmendmentDelegate(ApplicationChecks checks, NetworkApplicationRepository applications,
                                 YearCounters counters, EnrollmentParties parties) {
    this.checks = checks;
    this.applications = applications;
    this.counters = counters;
    this.parties = parties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    NetworkApplicationRepository.Application app = applications.ofProcessInstance(execution.getProcessInstanceId());
    boolean withdraw = Variables.flag(execution, Var.WITHDRAW, "撤回申請",
        message -> InvalidInput.inForm(Var.WITHDRAW, message));
    execution.setVariable(Var.WITHDRAW, withdraw);
    if (withdraw) {
      applications.ended(app.applicationNo(), NetworkApplicationRepository.Status.WITHDRAWN, Instant.now());
      applications.releaseLicence(app.applicationNo());
      return;
    }
    ApplicationChecks.Result result = checks.check(execution, app.applicationNo());
    if (!result.ok()) {
      throw InvalidInput.inForm(null, result.message());
    }
    NetworkApplicationRepository.Form form = result.form();
    if (!form.licenceNo().equals(app.form().licenceNo())) {
      counters.waitForLocks();
      applications.releaseLicence(app.applicationNo());
      if (!applications.lockLicence(form.licenceNo(), app.applicationNo(), counters.postgres())) {
        throw InvalidInput.inForm(Var.LICENCE_NO, ApplicationChecks.inProgress(
            applications.applicationInProgress(form.licenceNo()).orElse("?")));
      }
    }
    applications.amend(app.applicationNo(), form, Instant.now());
    OpenApplicationDelegate.Variables.write(execution, form);
    Date due = parties.verificationDue();
    execution.setVariable(Var.VERIFICATION_DUE, due);
    execution.setVariable(Var.DUE_TEXT, parties.dueText(due));
  }
}

package com.tobacco.cmw.enrollment;

import static com.tobacco.cmw.enrollment.NetworkEnrollmentProcess.Var;

import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.process.Variables;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Records the regional manager's decision (§4.3) in their transaction: approve (grade 1–5,
 * default the recommended one; a customer manager of the region, default the applicant),
 * reject with a reason, or return to the applicant with a reason. An application whose store
 * was not found or whose licence original was not seen cannot be approved. A rejection ends the
 * application and frees the licence. Bad input keeps the task open and writes nothing.
 */
@Component("recordEnrollmentDecision")
public class RecordDecisionDelegate implements JavaDelegate {

  private final NetworkApplicationRepository applications;
  private final EnrollmentParties parties;

  public RecordDecisionDelegate(NetworkApplicationRepository applications, EnrollmentParties parties) {
    this.applications = applications;
    this.parties = parties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Function<String, RuntimeException> decisionError = message -> InvalidInput.inForm(Var.DECISION, message);
    String decision = Variables.requiredText(execution, Var.DECISION, "審批結果", 10, decisionError)
        .toUpperCase(Locale.ROOT);
    NetworkApplicationRepository.Application app = applications.ofProcessInstance(execution.getProcessInstanceId());
    Instant now = Instant.now();
    String by = parties.actor();
    Function<String, RuntimeException> reasonError = message -> InvalidInput.inForm(Var.DECISION_REASON, message);
    switch (decision) {
      case NetworkEnrollmentProcess.APPROVE -> {
        if (!app.verified()) {
          throw decisionError.apply("現場核實未通過(" + (Boolean.TRUE.equals(app.storeExists()) ? "" : "店鋪不存在 ")
              + (Boolean.TRUE.equals(app.licenceOriginalSeen()) ? "" : "未見許可證原件") + "),不能批准,只能不予批准或退回"
              + " / not verified on site: reject or return");
        }
        // checked again by the engine clock: valid at the application is not enough; the task stays, the approver
        // can reject or return the application
        LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), parties.zone());
        LocalDate expiry = app.form().licenceExpiry();
        if (expiry != null && expiry.isBefore(today)) {
          throw decisionError.apply("許可證已於 " + expiry + " 到期,不能批准,只能不予批准或退回 / the licence expired on "
              + expiry + ": reject or return");
        }
        Object given = execution.getVariable(Var.GRANTED_GRADE);
        int grade = given == null || given.toString().isBlank() ? app.recommendedGrade()
            : RecordVerificationDelegate.grade(given, "核定等級", Var.GRANTED_GRADE);
        String manager = Variables.optionalText(execution, Var.ASSIGNED_MANAGER, "負責客戶經理", 64,
            message -> InvalidInput.inForm(Var.ASSIGNED_MANAGER, message));
        if (manager == null) {
          manager = app.applicantId();
        }
        Map<String, String> managers = parties.customerManagersOf(app.form().regionCode());
        if (!managers.containsKey(manager)) {
          throw InvalidInput.inForm(Var.ASSIGNED_MANAGER, "「" + manager + "」不是 " + app.form().regionCode()
              + " 區域在職的客戶經理(可選:" + String.join("、", managers.keySet()) + ")/ not an active customer manager of "
              + "the region");
        }
        String reason = Variables.optionalText(execution, Var.DECISION_REASON, "審批意見", 2000, reasonError);
        applications.recordDecision(app.applicationNo(), decision, by, now, reason, grade, manager,
            NetworkApplicationRepository.Status.PENDING_APPROVAL);
        execution.setVariable(Var.GRANTED_GRADE, grade);
        execution.setVariable(Var.ASSIGNED_MANAGER, manager);
        execution.setVariable(Var.DECISION_TEXT, "同意入網," + grade + " 級,由 " + managers.get(manager) + "(" + manager
            + ")負責" + (reason == null ? "" : ":" + reason));
      }
      case NetworkEnrollmentProcess.REJECT, NetworkEnrollmentProcess.RETURN -> {
        boolean reject = decision.equals(NetworkEnrollmentProcess.REJECT);
        String reason = Variables.requiredText(execution, Var.DECISION_REASON,
            reject ? "不予批准的理由" : "退回的理由", 2000, reasonError);
        applications.recordDecision(app.applicationNo(), decision, by, now, reason, null, null,
            reject ? NetworkApplicationRepository.Status.REJECTED : NetworkApplicationRepository.Status.RETURNED);
        if (reject) {
          applications.releaseLicence(app.applicationNo());
          execution.setVariable(Var.REJECTION_TEXT, "區域市場經理 " + by + " 不予批准:" + reason);
        }
        execution.setVariable(Var.DECISION_TEXT, (reject ? "不予批准:" : "退回補正:") + reason);
      }
      default -> throw decisionError.apply("審批結果只能是批准(APPROVE)、不予批准(REJECT)或退回(RETURN):「" + decision
          + "」/ decision must be APPROVE, REJECT or RETURN");
    }
    execution.setVariable(Var.DECISION, decision);
  }
}

package com.tobacco.cmw.enrollment;

import static com.tobacco.cmw.enrollment.NetworkEnrollmentProcess.Var;

import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.process.Variables;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the on-site verification (§4.3) in the applicant's transaction: store found, licence
 * original seen, recommended grade 1–5 and the reasons (required). A store not found or an
 * original not seen still goes to the regional manager, flagged: only rejection or return is
 * then possible (docs/decisions.md). Bad input keeps the task open and writes nothing.
 */
@Component("recordStoreVerification")
public class RecordVerificationDelegate implements JavaDelegate {

  private final NetworkApplicationRepository applications;
  private final EnrollmentParties parties;

  public RecordVerificationDelegate(NetworkApplicationRepository applications, EnrollmentParties parties) {
    this.applications = applications;
    this.parties = parties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Function<String, RuntimeException> error = message -> InvalidInput.inForm(Var.RECOMMENDED_GRADE, message);
    if (execution.getVariable(Var.STORE_EXISTS) == null) {
      throw InvalidInput.inForm(Var.STORE_EXISTS, "請選擇「店鋪是否存在」/ storeExists is required");
    }
    if (execution.getVariable(Var.LICENCE_ORIGINAL_SEEN) == null) {
      throw InvalidInput.inForm(Var.LICENCE_ORIGINAL_SEEN, "請選擇「是否查驗許可證原件」/ licenceOriginalSeen is required");
    }
    boolean storeExists = Variables.flag(execution, Var.STORE_EXISTS, "店鋪是否存在", error);
    boolean originalSeen = Variables.flag(execution, Var.LICENCE_ORIGINAL_SEEN, "是否查驗許可證原件", error);
    int grade = grade(execution.getVariable(Var.RECOMMENDED_GRADE), "建議等級", Var.RECOMMENDED_GRADE);
    String notes = Variables.requiredText(execution, Var.VERIFICATION_NOTES, "核實情況與定級理由", 2000,
        message -> InvalidInput.inForm(Var.VERIFICATION_NOTES, message));

    NetworkApplicationRepository.Application app = applications.ofProcessInstance(execution.getProcessInstanceId());
    applications.recordVerification(app.applicationNo(), storeExists, originalSeen, grade, notes, parties.actor(),
        Instant.now());
    boolean verified = storeExists && originalSeen;
    execution.setVariable(Var.STORE_EXISTS, storeExists);
    execution.setVariable(Var.LICENCE_ORIGINAL_SEEN, originalSeen);
    execution.setVariable(Var.RECOMMENDED_GRADE, grade);
    execution.setVariable(Var.VERIFIED, verified);
    execution.setVariable(Var.VERIFICATION_TEXT, (storeExists ? "店鋪存在" : "店鋪不存在") + ","
        + (originalSeen ? "已查驗許可證原件" : "未見許可證原件") + ",建議 " + grade + " 級:" + notes
        + (verified ? "" : "【核實未通過,只能不予批准或退回 / not verified: reject or return only】"));
    execution.setVariable(Var.MANAGER_CHOICES, parties.managerChoicesJson(app.form().regionCode()));
    Date due = parties.approvalDue();
    execution.setVariable(Var.APPROVAL_DUE, due);
    execution.setVariable(Var.DUE_TEXT, parties.dueText(due));
    // the decision form starts blank in every round
    execution.removeVariable(Var.DECISION);
    execution.removeVariable(Var.DECISION_REASON);
    execution.setVariable(Var.GRANTED_GRADE, grade);
    execution.setVariable(Var.ASSIGNED_MANAGER, app.applicantId());
  }

  /** A grade 1..5 given as number or text. */
  static int grade(Object value, String label, String field) {
    Function<String, RuntimeException> error = message -> InvalidInput.inForm(field, message);
    BigDecimal number = Variables.number(value, label, error);
    if (number == null) {
      throw error.apply("請填寫「" + label + "」/ " + field + " is required");
    }
    if (number.stripTrailingZeros().scale() > 0 || number.compareTo(BigDecimal.ONE) < 0
        || number.compareTo(BigDecimal.valueOf(5)) > 0) {
      throw error.apply("「" + label + "」應為 1–5 級:「" + number.toPlainString() + "」/ " + field + " must be 1 to 5");
    }
    return number.intValueExact();
  }
}

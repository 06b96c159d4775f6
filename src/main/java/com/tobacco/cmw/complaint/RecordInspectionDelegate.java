package com.tobacco.cmw.complaint;

import static com.tobacco.cmw.complaint.QualityComplaintProcess.Var;

import com.tobacco.cmw.process.Variables;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * §4.6.1: checks and records the on-site inspection (defect confirmed or not, cause, notes) in the
 * customer manager's transaction; a suspected counterfeit is referred to the monopoly department.
 */
@Component("recordInspection")
public class RecordInspectionDelegate implements JavaDelegate {

  private final ComplaintCaseRepository cases;
  private final ComplaintParties parties;

  public RecordInspectionDelegate(ComplaintCaseRepository cases, ComplaintParties parties) {
    this.cases = cases;
    this.parties = parties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ComplaintCaseRepository.ComplaintCase c = cases.ofProcessInstance(execution.getProcessInstanceId());
    Function<String, RuntimeException> error = ComplaintParties.inForm(Var.CAUSE);
    if (execution.getVariable(Var.DEFECT_CONFIRMED) == null) {
      throw ComplaintParties.inForm(Var.DEFECT_CONFIRMED).apply("請選擇「是否確認質量問題」/ defectConfirmed is required");
    }
    boolean confirmed = Variables.flag(execution, Var.DEFECT_CONFIRMED, "是否確認質量問題",
        ComplaintParties.inForm(Var.DEFECT_CONFIRMED));
    String causeText = Variables.requiredText(execution, Var.CAUSE, "問題原因", 24, error).toUpperCase(Locale.ROOT);
    ComplaintCause cause = Arrays.stream(ComplaintCause.values()).filter(v -> v.name().equals(causeText)).findFirst()
        .orElseThrow(() -> error.apply("問題原因「" + causeText + "」不在可選範圍內 / unknown cause " + causeText));
    Function<String, RuntimeException> notesError = ComplaintParties.inForm(Var.INSPECTION_NOTES);
    String notes = cause == ComplaintCause.OTHER
        ? Variables.requiredText(execution, Var.INSPECTION_NOTES, "查看說明(原因為「其他」時必填)", 2000, notesError)
        : Variables.optionalText(execution, Var.INSPECTION_NOTES, "查看說明", 2000, notesError);

    Instant now = Instant.now();
    cases.recordInspection(c.caseNo(), now, parties.actor(), confirmed, cause, notes);
    boolean counterfeit = cause == ComplaintCause.SUSPECTED_COUNTERFEIT;
    if (counterfeit) {
      cases.recordReferral(c.caseNo(), now);
    }
    cases.moveTo(c.caseNo(), ComplaintStep.FEEDBACK_FORM, null);
    execution.setVariable(Var.DEFECT_CONFIRMED, confirmed);
    execution.setVariable(Var.CAUSE, cause.name());
    execution.setVariable(Var.SUSPECTED_COUNTERFEIT, counterfeit);
  }
}

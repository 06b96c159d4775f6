package com.tobacco.cmw.complaint;

import static com.tobacco.cmw.complaint.QualityComplaintProcess.Var;

import com.tobacco.cmw.process.Variables;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * §4.6.3–§4.6.4: the good cigarettes handed over, at most the approved quantity (read from the
 * case, not from variables), and the customer's signature in the 客戶確認 field.
 */
@Component("recordReplacement")
public class RecordReplacementDelegate implements JavaDelegate {

  private final ComplaintCaseRepository cases;
  private final ComplaintParties parties;

  public RecordReplacementDelegate(ComplaintCaseRepository cases, ComplaintParties parties) {
    this.cases = cases;
    this.parties = parties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ComplaintCaseRepository.ComplaintCase c = cases.ofProcessInstance(execution.getProcessInstanceId());
    int approved = c.approvedQuantity() == null ? 0 : c.approvedQuantity();
    int replaced = ComplaintParties.quantity(execution, Var.REPLACED_QUANTITY, "調換數量", approved,
        message -> ComplaintParties.inForm(Var.REPLACED_QUANTITY).apply(message.contains("不能超過")
            ? "調換數量不能超過區域市場經理同意的 " + approved + " " + ComplaintParties.unitName(c.quantityUnit())
              + " / the replaced quantity must not exceed the approved " + approved
            : message));
    String confirmation = Variables.requiredText(execution, Var.CUSTOMER_CONFIRMATION, "客戶確認(簽收人姓名)", 100,
        ComplaintParties.inForm(Var.CUSTOMER_CONFIRMATION));
    if (!Variables.flag(execution, Var.CUSTOMER_CONFIRMED, "客戶已在「客戶確認」欄簽收",
        ComplaintParties.inForm(Var.CUSTOMER_CONFIRMED))) {
      throw ComplaintParties.inForm(Var.CUSTOMER_CONFIRMED).apply(
          "客戶須在反饋單「客戶確認」欄簽收後才能提交 / the customer must sign the 客戶確認 field");
    }
    cases.recordReplacement(c.caseNo(), Instant.now(), parties.actor(), replaced, confirmation);
    cases.moveTo(c.caseNo(), ComplaintStep.FEEDBACK_TO_CUSTOMER, null);
  }
}

package com.tobacco.cmw.infochange;

import static com.tobacco.cmw.infochange.CustomerInfoChangeProcess.Var;

import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.process.Variables;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the regional manager's decision on a change request in the decider's transaction: a
 * missing decision or a rejection without reason keeps the task open (400). A rejection closes
 * the request and tells the requester; an approval is applied next.
 */
@Component("recordChangeDecision")
public class RecordChangeDecisionDelegate implements JavaDelegate {

  static final int MAX_COMMENT = 500;

  private final ChangeRequestRepository requests;
  private final ChangeParties parties;

  public RecordChangeDecisionDelegate(ChangeRequestRepository requests, ChangeParties parties) {
    this.requests = requests;
    this.parties = parties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Function<String, RuntimeException> error = message -> InvalidInput.inForm(Var.APPROVAL_DECISION, message);
    String decision = Variables.requiredText(execution, Var.APPROVAL_DECISION, "審批結果", 10, error).toUpperCase(Locale.ROOT);
    if (!decision.equals(CustomerInfoChangeProcess.APPROVE) && !decision.equals(CustomerInfoChangeProcess.REJECT)) {
      throw error.apply("「審批結果」只能是同意(APPROVE)或駁回(REJECT):「" + decision + "」/ approvalDecision must be APPROVE or REJECT");
    }
    Function<String, RuntimeException> commentError = message -> InvalidInput.inForm(Var.DECISION_COMMENT, message);
    String comment = decision.equals(CustomerInfoChangeProcess.REJECT)
        ? Variables.requiredText(execution, Var.DECISION_COMMENT, "駁回理由", MAX_COMMENT, commentError)
        : Variables.optionalText(execution, Var.DECISION_COMMENT, "審批意見", MAX_COMMENT, commentError);
    // the request of this instance, never the requestId variable: an approver completing the task through the
    // engine REST could send another customer's open request
    long requestId = requests.ofProcessInstance(execution.getProcessInstanceId()).id();
    String decider = parties.actor();
    Instant now = Instant.now();
    if (decision.equals(CustomerInfoChangeProcess.REJECT)) {
      requests.decide(requestId, decider, now, comment, ChangeRequestRepository.Status.REJECTED);
      execution.setVariable(Var.NOTICE_TEXT, "您的客戶信息變更申請已被 " + decider + " 駁回。\n\n**駁回理由:** " + comment
          + "\n\n聯繫人、電話、地址的變更(如有)已在申請時生效,不受影響。");
    } else {
      requests.approve(requestId, decider, now, comment);
    }
    execution.setVariable(Var.APPROVAL_DECISION, decision);
  }
}

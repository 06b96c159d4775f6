package com.tobacco.cmw.satisfaction;

import static com.tobacco.cmw.satisfaction.SatisfactionImprovementProcess.ACCEPT;
import static com.tobacco.cmw.satisfaction.SatisfactionImprovementProcess.RETURN;
import static com.tobacco.cmw.satisfaction.SatisfactionImprovementProcess.Var;

import com.tobacco.cmw.process.EngineClock;
import com.tobacco.cmw.process.Variables;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The requester's decision on a customer manager's measures: accept them, or return them with a
 * comment (required) for the manager to revise. Checked and recorded in the requester's
 * transaction; only the requester (or an administrator) decides.
 */
@Component("recordMeasuresReview")
public class RecordMeasuresReviewDelegate implements JavaDelegate {

  private final SatisfactionRepository repository;
  private final SatisfactionParties parties;
  private final EngineClock clock;

  public RecordMeasuresReviewDelegate(SatisfactionRepository repository, SatisfactionParties parties,
                                      EngineClock clock) {
    this.repository = repository;
    this.parties = parties;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SatisfactionRepository.Survey survey = repository.ofProcessInstance(execution.getProcessInstanceId());
    parties.requireRequester(survey, Var.REVIEW_DECISION, "審核改進措施");
    String managerId = SatisfactionParties.manager(execution);
    SatisfactionRepository.Plan plan = repository.plan(survey.id(), managerId).orElseThrow(() ->
        SatisfactionParties.inForm(Var.MANAGER_ID).apply("客戶經理 " + managerId + " 不在本次測評中 / " + managerId
            + " has no plan in " + survey.businessKey()));
    if (!plan.status().equals("SUBMITTED")) {
      throw SatisfactionParties.inForm(Var.REVIEW_DECISION).apply("改進措施未提交,不能審核 / the measures are "
          + plan.status());
    }
    String decision = Variables.requiredText(execution, Var.REVIEW_DECISION, "審核結果", 10,
        SatisfactionParties.inForm(Var.REVIEW_DECISION)).toUpperCase(Locale.ROOT);
    if (!decision.equals(ACCEPT) && !decision.equals(RETURN)) {
      throw SatisfactionParties.inForm(Var.REVIEW_DECISION).apply("審核結果只能是接受或退回:「" + decision
          + "」/ reviewDecision must be ACCEPT or RETURN");
    }
    StoredText.requireFits(execution, Var.REVIEW_COMMENT, "審核意見", null, SatisfactionParties.inForm(Var.REVIEW_COMMENT));
    String comment = decision.equals(RETURN)
        ? Variables.requiredText(execution, Var.REVIEW_COMMENT, "退回意見", 2000, SatisfactionParties.inForm(Var.REVIEW_COMMENT))
        : Variables.optionalText(execution, Var.REVIEW_COMMENT, "審核意見", 2000, SatisfactionParties.inForm(Var.REVIEW_COMMENT));
    repository.reviewPlan(survey.id(), managerId, decision.equals(ACCEPT),
        parties.actor() == null ? survey.uploadedBy() : parties.actor(), comment, clock.now());
    execution.setVariable(Var.REVIEW_DECISION, decision);
  }
}

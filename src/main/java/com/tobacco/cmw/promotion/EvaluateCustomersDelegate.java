package com.tobacco.cmw.promotion;

import static com.tobacco.cmw.promotion.PromotionSelectionProcess.Var;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The comprehensive evaluation of the campaign's customers (§4.2.1 根據綜合測評的結果): eligible
 * customers scored, ranked per manager, the slots shared out ({@link CandidateEvaluation}).
 * Asynchronous with retries: a technical failure becomes an incident, the started campaign stays.
 */
@Component("evaluatePromotionCustomers")
public class EvaluateCustomersDelegate implements JavaDelegate {

  private final Campaigns campaigns;
  private final CandidateEvaluation evaluation;

  public EvaluateCustomersDelegate(Campaigns campaigns, CandidateEvaluation evaluation) {
    this.campaigns = campaigns;
    this.evaluation = evaluation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Campaigns.Campaign campaign = campaigns.require(execution.getProcessInstanceId());
    CandidateEvaluation.Outcome outcome = evaluation.evaluate(campaign);
    campaigns.status(campaign.id(), outcome.eligible() > 0 ? "RECOMMENDING" : "EVALUATING");
    execution.setVariable(Var.ELIGIBLE_COUNT, outcome.eligible());
  }
}

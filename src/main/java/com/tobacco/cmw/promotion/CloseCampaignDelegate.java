package com.tobacco.cmw.promotion;

import com.tobacco.cmw.process.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Closes the campaign with its outcome: {@code NO_ELIGIBLE} (nobody eligible),
 * {@code NONE_CHOSEN} (eligible customers, but none recommended, forwarded or chosen) or
 * {@code COMPLETED} (hand-outs done or cancelled). The summary stays readable.
 */
@Component("closePromotionCampaign")
public class CloseCampaignDelegate implements JavaDelegate {

  private final Campaigns campaigns;
  private final EngineClock clock;

  public CloseCampaignDelegate(Campaigns campaigns, EngineClock clock) {
    this.campaigns = campaigns;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Campaigns.Campaign campaign = campaigns.require(execution.getProcessInstanceId());
    String outcome = campaign.eligibleCount() == null || campaign.eligibleCount() == 0 ? "NO_ELIGIBLE"
        : campaigns.candidates(campaign.id()).stream().anyMatch(Campaigns.Candidate::chosen) ? "COMPLETED" : "NONE_CHOSEN";
    campaigns.close(campaign.id(), outcome, clock.now());
    execution.setVariable(PromotionSelectionProcess.Var.OUTCOME, outcome);
  }
}

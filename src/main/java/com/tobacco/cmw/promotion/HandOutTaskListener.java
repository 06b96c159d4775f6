package com.tobacco.cmw.promotion;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Records who holds a hand-out task ({@code cm_promotion_handout.assignee}) when it is created or
 * reassigned (e.g. by an administrator in Tasklist): that person may complete it even if the
 * customer has changed manager since, and the summary shows who has it.
 */
@Component("promotionHandOutAssigned")
public class HandOutTaskListener implements TaskListener {

  private final Campaigns campaigns;

  public HandOutTaskListener(Campaigns campaigns) {
    this.campaigns = campaigns;
  }

  @Override
  public void notify(DelegateTask task) {
    Campaigns.Campaign campaign = campaigns.require(task.getProcessInstanceId());
    campaigns.assign(campaign.id(), (String) task.getVariable(PromotionSelectionProcess.Var.HAND_OUT_CUSTOMER),
        task.getAssignee());
  }
}

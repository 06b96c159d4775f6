package com.tobacco.cmw.promotion;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Records who holds a hand-out task ({@code cm_promotion_handout.assignee}) when it is created or
 * reassigned (e.g. by an administrator in Tasklist): that person may complete it even if the
 * customer has changed manager since, and the summary shows who has it. On create it also links
 * the hand-out row to the task's execution ({@link Campaigns#bind}): from then on the hand-out is
 * found by that link, not by the {@code handOutCustomer} variable its holder could overwrite.
 */
@Component("promotionHandOutAssigned")
public class HandOutTaskListener implements TaskListener {

  private final Campaigns campaigns;

  public HandOutTaskListener(Campaigns campaigns) {
    this.campaigns = campaigns;
  }

  @Override
  public void notify(DelegateTask task) {
    String executionId = HandOutExecution.idOf(task.getExecution());
    if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      // on create the customer is still the one of the decision's collection
      Campaigns.Campaign campaign = campaigns.require(task.getProcessInstanceId());
      campaigns.bind(campaign.id(), (String) task.getVariable(PromotionSelectionProcess.Var.HAND_OUT_CUSTOMER),
          executionId, task.getExecutionId(), task.getAssignee());
    } else {
      campaigns.assign(executionId, task.getAssignee());
    }
  }
}

package com.tobacco.cmw.promotion;

import com.tobacco.cmw.process.EngineClock;
import com.tobacco.cmw.process.InstanceRuns;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * End listener of the whole campaign instance (like decision 92's {@code networkExitEnded}): an
 * instance deleted before {@code Task_CloseCampaign} (Cockpit, REST) closes its campaign as
 * {@code CANCELLED} and its pending hand-outs as {@code CANCELLED} with the note
 * «流程實例已被終止,申請作廢», so no later exit lists them. A normal end finds the campaign
 * closed and changes nothing. A deletion that skips custom listeners is caught by
 * {@link PendingHandOuts} instead.
 */
@Component("promotionCampaignEnded")
public class CampaignEndedListener implements ExecutionListener {

  private static final Logger log = LoggerFactory.getLogger(CampaignEndedListener.class);

  private final Campaigns campaigns;
  private final EngineClock clock;

  public CampaignEndedListener(Campaigns campaigns, EngineClock clock) {
    this.campaigns = campaigns;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    campaigns.findByInstance(execution.getProcessInstanceId()).ifPresent(c -> {
      if (campaigns.cancelCampaign(c.id(), InstanceRuns.ENDED_NOTE, clock.now())) {
        log.info("Campaign {} cancelled: its process instance was deleted", c.campaignNo());
      }
    });
  }
}

package com.tobacco.cmw.promotion;

import com.tobacco.cmw.process.EngineClock;
import com.tobacco.cmw.process.InstanceRuns;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A customer's pending hand-outs in campaigns whose instance still runs (decision 92): one whose
 * instance was deleted without listeners (Cockpit's cancel) is closed here, campaign and pending
 * hand-outs {@code CANCELLED} with «流程實例已被終止,申請作廢», and left out, so an exit neither
 * lists nor waits for it.
 */
@Component
class PendingHandOuts {

  private static final Logger log = LoggerFactory.getLogger(PendingHandOuts.class);

  private final Campaigns campaigns;
  private final InstanceRuns instances;
  private final EngineClock clock;

  PendingHandOuts(Campaigns campaigns, InstanceRuns instances, EngineClock clock) {
    this.campaigns = campaigns;
    this.instances = instances;
    this.clock = clock;
  }

  List<Map<String, Object>> of(String customerCode) {
    List<Map<String, Object>> running = new ArrayList<>();
    for (Map<String, Object> row : campaigns.pendingOf(customerCode)) {
      String pid = (String) row.get("process_instance_id");
      if (instances.runs(pid)) {
        running.add(row);
      } else {
        campaigns.findByInstance(pid).ifPresent(c -> campaigns.cancelCampaign(c.id(), InstanceRuns.ENDED_NOTE, clock.now()));
        log.info("Campaign {} closed as cancelled: its process instance {} no longer runs", row.get("campaign_no"), pid);
      }
    }
    return running;
  }
}

package com.tobacco.cmw.promotion;

import com.tobacco.cmw.customer.CustomerExited;
import com.tobacco.cmw.process.EngineClock;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A customer left the network: its pending hand-outs end. The hand-out becomes {@code CANCELLED}
 * with the exit's reason (nothing is taken from stock) and its task ends by the message
 * {@code PromotionHandOutCancelled} delivered to that customer's hand-out only; the campaign goes
 * on for the others. The campaign instance carries no {@code customerCode} (it serves many
 * customers), so the exit's own clean-up (decision 67) leaves it running. Runs inside the exit's
 * transaction and without the approver's authorizations.
 */
@Component
class PromotionCustomerExitListener {

  private static final Logger log = LoggerFactory.getLogger(PromotionCustomerExitListener.class);

  private final Campaigns campaigns;
  private final RuntimeService runtime;
  private final EngineClock clock;
  private final PendingHandOuts pending;

  PromotionCustomerExitListener(Campaigns campaigns, RuntimeService runtime, EngineClock clock,
                                PendingHandOuts pending) {
    this.campaigns = campaigns;
    this.runtime = runtime;
    this.clock = clock;
    this.pending = pending;
  }

  @EventListener
  public void customerExited(CustomerExited exited) {
    for (Map<String, Object> row : pending.of(exited.customerCode())) {
      long handOutId = ((Number) row.get("handout_id")).longValue();
      String reason = "客戶已退網:" + exited.reasonText() + "(" + exited.exitBusinessKey() + ")";
      campaigns.cancel(handOutId, reason.length() > 500 ? reason.substring(0, 500) : reason, exited.exitBusinessKey(),
          clock.now());
      String pid = (String) row.get("process_instance_id");
      String taskExecution = (String) row.get("task_execution_id");
      withoutAuthorization(() -> {
        // the hand-out's own task, by the link set when it was created (not by a variable)
        for (EventSubscription s : runtime.createEventSubscriptionQuery().processInstanceId(pid)
            .eventName(PromotionSelectionProcess.MESSAGE_HAND_OUT_CANCELLED).list()) {
          if (s.getExecutionId().equals(taskExecution)) {
            runtime.messageEventReceived(PromotionSelectionProcess.MESSAGE_HAND_OUT_CANCELLED, s.getExecutionId());
          }
        }
        return null;
      });
      log.info("Hand-out of campaign {} to {} cancelled: the customer exited ({})", row.get("campaign_no"),
          exited.customerCode(), exited.exitBusinessKey());
    }
  }

  private static <T> T withoutAuthorization(java.util.function.Supplier<T> call) {
    CommandContext context = Context.getCommandContext();
    return context == null ? call.get() : context.runWithoutAuthorization(call::get);
  }
}

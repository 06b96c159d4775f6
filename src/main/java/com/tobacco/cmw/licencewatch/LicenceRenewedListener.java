package com.tobacco.cmw.licencewatch;

import com.tobacco.cmw.customer.ExitReason;
import com.tobacco.cmw.customer.LicenceRenewed;
import com.tobacco.cmw.exit.NetworkExitProcess;
import com.tobacco.cmw.exit.NetworkExitRepository;
import java.time.Instant;
import java.util.function.Supplier;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A renewed licence ({@link LicenceRenewed}, published synchronously in the transaction that
 * wrote the new expiry) stops the watch's work for the earlier licence periods: the renewal
 * reminder ends (message {@code LicenceRenewed}), and an exit the watch started for the expired
 * licence and not yet approved is withdrawn ("許可證已延續,退網撤銷"). Both recorded in
 * {@code cm_licence_watch}. Runs without the user's authorizations: the person recording the
 * renewal may not work on the reminder or the exit themselves.
 */
@Component
public class LicenceRenewedListener {

  static final String WITHDRAWN = "許可證已延續,退網撤銷 / licence renewed, exit withdrawn";

  private final LicenceWatchRepository watch;
  private final NetworkExitRepository exits;
  private final RuntimeService runtime;
  private final ProcessEngineConfigurationImpl engineConfiguration;

  public LicenceRenewedListener(LicenceWatchRepository watch, NetworkExitRepository exits, RuntimeService runtime,
                                ProcessEngineConfigurationImpl engineConfiguration) {
    this.watch = watch;
    this.exits = exits;
    this.runtime = runtime;
    this.engineConfiguration = engineConfiguration;
  }

  @EventListener
  public void renewed(LicenceRenewed event) {
    if (event.newExpiry() == null || (event.oldExpiry() != null && !event.newExpiry().isAfter(event.oldExpiry()))) {
      return;
    }
    Instant now = Instant.now();
    withoutAuthorization(() -> {
      for (LicenceWatchRepository.Period p : watch.renewable(event.customerCode(), event.newExpiry())) {
        String reminder = p.reminderInstanceId();
        if (reminder != null && runtime.createProcessInstanceQuery().processInstanceId(reminder).count() > 0) {
          runtime.createMessageCorrelation(LicenceRenewalReminderProcess.MESSAGE_RENEWED).processInstanceId(reminder)
              .setVariable("renewedTo", event.newExpiry().toString()).correlateAll();
        }
        watch.renewed(event.customerCode(), p.licenceExpiry(), event.newExpiry(), now, event.processInstanceId());
      }
      exits.running(event.customerCode())
          .filter(e -> e.reason() == ExitReason.LICENCE_EXPIRED && NetworkExitProcess.SYSTEM.equals(e.requestedBy()))
          .filter(e -> exits.withdraw(e.id(), WITHDRAWN, now))
          .ifPresent(e -> runtime.deleteProcessInstance(e.processInstanceId(), WITHDRAWN, true, true));
      return null;
    });
  }

  private <T> T withoutAuthorization(Supplier<T> call) {
    CommandContext context = Context.getCommandContext();
    if (context != null) {
      return context.runWithoutAuthorization(call::get);
    }
    return engineConfiguration.getCommandExecutorTxRequired().execute(c -> c.runWithoutAuthorization(call::get));
  }
}

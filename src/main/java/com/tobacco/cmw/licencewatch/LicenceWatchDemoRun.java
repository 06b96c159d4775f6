package com.tobacco.cmw.licencewatch;

import com.tobacco.cmw.config.SetupStep;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo: runs the licence watch once at start, so the demo customers whose licence expires in
 * 10–25 days give their managers a renewal reminder at once instead of at the next 06:30. A
 * restart reminds nobody twice (once per licence period). Off with
 * {@code cmw.licence.watch.demo-run: false} (the tests).
 */
@Component
@Profile("demo")
@Order(31)
public class LicenceWatchDemoRun implements SetupStep {

  private static final Logger log = LoggerFactory.getLogger(LicenceWatchDemoRun.class);

  private final LicenceWatch watch;
  private final LicenceWatchSettings settings;
  private final TransactionTemplate transactions;
  private final ZoneId zone;

  public LicenceWatchDemoRun(LicenceWatch watch, LicenceWatchSettings settings, TransactionTemplate transactions,
                             @Value("${cmw.timezone:Asia/Shanghai}") String zone) {
    this.transactions = transactions;
    this.watch = watch;
    this.settings = settings;
    this.zone = ZoneId.of(zone);
  }

  @Override
  public void run() {
    if (!settings.isDemoRun()) {
      return;
    }
    // one transaction, like the timer's job: a period is claimed only together with its instance
    LicenceWatch.Run run = transactions.execute(
        status -> watch.run(LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone)));
    log.info("Demo: licence watch ran once at start: {} renewal reminders, {} expiry exits", run.remindersStarted().size(),
        run.exitsStarted().size());
  }
}

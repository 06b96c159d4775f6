package com.tobacco.cmw.licencewatch;

import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The daily timer's step: runs the licence watch for today by the engine clock (company time zone). */
@Component("runLicenceWatch")
public class RunLicenceWatchDelegate implements JavaDelegate {

  private final LicenceWatch watch;
  private final ZoneId zone;

  public RunLicenceWatchDelegate(LicenceWatch watch, @Value("${cmw.timezone:Asia/Shanghai}") String zone) {
    this.watch = watch;
    this.zone = ZoneId.of(zone);
  }

  @Override
  public void execute(DelegateExecution execution) {
    LicenceWatch.Run run = watch.run(LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone));
    execution.setVariable("remindersStarted", run.remindersStarted().size());
    execution.setVariable("exitsStarted", run.exitsStarted().size());
    // customers whose reminder or exit failed (logged at WARN); the next day's run tries them again
    execution.setVariable("customersFailed", String.join(",", run.failed()));
  }
}

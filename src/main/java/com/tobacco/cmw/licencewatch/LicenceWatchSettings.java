package com.tobacco.cmw.licencewatch;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The watch's settings: the daily timer's cron (BPMN {@code ${licenceWatchSettings.cron}}, read
 * when the process is deployed), how many days before expiry the reminder opens, and whether the
 * demo runs the watch once at start.
 */
@Component("licenceWatchSettings")
public class LicenceWatchSettings {

  private final String cron;
  private final int reminderDays;
  private final boolean demoRun;

  public LicenceWatchSettings(@Value("${cmw.licence.watch.cron:0 30 6 * * ?}") String cron,
                              @Value("${cmw.licence.watch.reminder-days:30}") int reminderDays,
                              @Value("${cmw.licence.watch.demo-run:true}") boolean demoRun) {
    if (reminderDays < 1 || reminderDays > 365) {
      throw new IllegalArgumentException("cmw.licence.watch.reminder-days must be 1–365, got " + reminderDays);
    }
    this.cron = cron;
    this.reminderDays = reminderDays;
    this.demoRun = demoRun;
  }

  /** Quartz-style cron with seconds (server time zone), by default every day at 06:30. */
  public String getCron() {
    return cron;
  }

  public int getReminderDays() {
    return reminderDays;
  }

  public boolean isDemoRun() {
    return demoRun;
  }
}

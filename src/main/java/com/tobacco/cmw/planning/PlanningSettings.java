package com.tobacco.cmw.planning;

import java.time.LocalTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Settings of the weekly visit schedule ({@code cmw.planning.*}). The BPMN timer start event reads
 * the cron by expression: {@code ${planningSettings.cron}}.
 */
@Component("planningSettings")
public class PlanningSettings {

  private final String cron;
  private final int maxVisitsPerDay;
  private final LocalTime confirmBy;
  private final boolean demoDraft;

  public PlanningSettings(@Value("${cmw.planning.cron:0 0 9 ? * FRI}") String cron,
                          @Value("${cmw.planning.max-visits-per-day:25}") int maxVisitsPerDay,
                          @Value("${cmw.planning.confirm-by:09:00}") String confirmBy,
                          @Value("${cmw.planning.demo-draft:true}") boolean demoDraft) {
    if (maxVisitsPerDay < 1) {
      throw new IllegalArgumentException("cmw.planning.max-visits-per-day must be at least 1, got " + maxVisitsPerDay);
    }
    this.cron = cron;
    this.maxVisitsPerDay = maxVisitsPerDay;
    this.confirmBy = LocalTime.parse(confirmBy);
    this.demoDraft = demoDraft;
  }

  /** When the drafts are made (Camunda cron with seconds, in the server's time zone). */
  public String getCron() {
    return cron;
  }

  /** At most this many planned visits on one day. */
  public int getMaxVisitsPerDay() {
    return maxVisitsPerDay;
  }

  /** Time on the week's first working day by which the manager confirms; later the draft is confirmed as it is. */
  public LocalTime getConfirmBy() {
    return confirmBy;
  }

  /** Whether the demo profile drafts next week's schedules once at the first start. */
  public boolean isDemoDraft() {
    return demoDraft;
  }
}

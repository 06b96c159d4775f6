package com.tobacco.cmw.complaint;

import com.tobacco.cmw.calendar.WorkCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/**
 * How long a complaint case took, in working days of the {@link WorkCalendar}: the working days
 * after the day it was reported up to and including the day it was closed (a case closed on the
 * day it was reported took 0 days; one reported on Friday and closed on Monday took 1). The
 * register, the statistics and the evaluation's evidence all measure it here.
 */
@Component
public class ResolutionTime {

  private final WorkCalendar calendar;

  public ResolutionTime(WorkCalendar calendar) {
    this.calendar = calendar;
  }

  public int workingDays(Instant reportedAt, Instant closedAt) {
    if (closedAt.isBefore(reportedAt)) {
      throw new IllegalArgumentException("closed " + closedAt + " before reported " + reportedAt);
    }
    return calendar.workingDaysBetween(day(reportedAt), day(closedAt));
  }

  /** Closed no later than the whole case's deadline (7 working days unless configured otherwise). */
  public boolean onTime(Instant closedAt, Instant caseDueAt) {
    return !closedAt.isAfter(caseDueAt);
  }

  public LocalDate day(Instant at) {
    return at.atZone(calendar.zone()).toLocalDate();
  }

  public ZoneId zone() {
    return calendar.zone();
  }
}

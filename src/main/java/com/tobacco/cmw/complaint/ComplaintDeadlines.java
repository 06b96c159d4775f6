package com.tobacco.cmw.complaint;

import com.tobacco.cmw.calendar.WorkCalendar;
import java.util.Date;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The working-day deadlines of a complaint (§3.6): on-site inspection, the regional manager's
 * review, the replacement and the whole case, configured as
 * {@code cmw.complaint.deadlines.{inspection,review,replacement,case}} (defaults 1, 2, 3, 7) and
 * turned into instants by the {@link WorkCalendar}: "within n working days" ends at the close of
 * the n-th working day after today.
 */
@Component("complaintDeadlines")
public class ComplaintDeadlines {

  private final WorkCalendar calendar;
  private final int inspectionDays;
  private final int reviewDays;
  private final int replacementDays;
  private final int caseDays;

  public ComplaintDeadlines(WorkCalendar calendar,
                            @Value("${cmw.complaint.deadlines.inspection:1}") int inspectionDays,
                            @Value("${cmw.complaint.deadlines.review:2}") int reviewDays,
                            @Value("${cmw.complaint.deadlines.replacement:3}") int replacementDays,
                            @Value("${cmw.complaint.deadlines.case:7}") int caseDays) {
    for (int days : new int[] {inspectionDays, reviewDays, replacementDays, caseDays}) {
      if (days < 1 || days > 60) {
        throw new IllegalStateException("cmw.complaint.deadlines: working days must be 1–60, got " + days);
      }
    }
    this.calendar = calendar;
    this.inspectionDays = inspectionDays;
    this.reviewDays = reviewDays;
    this.replacementDays = replacementDays;
    this.caseDays = caseDays;
  }

  public Date inspectionDue() {
    return calendar.endOfWorkingDaysFromToday(inspectionDays);
  }

  public Date reviewDue() {
    return calendar.endOfWorkingDaysFromToday(reviewDays);
  }

  public Date replacementDue() {
    return calendar.endOfWorkingDaysFromToday(replacementDays);
  }

  public Date caseDue() {
    return calendar.endOfWorkingDaysFromToday(caseDays);
  }

  public int caseDays() {
    return caseDays;
  }
}

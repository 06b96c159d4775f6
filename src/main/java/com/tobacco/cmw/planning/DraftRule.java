package com.tobacco.cmw.planning;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which customers a week's schedule lists and on which day (§4.1.1). Pure: no database, no
 * calendar lookups; the caller passes the week's working days.
 *
 * <ul>
 *   <li>Due: never visited, or the last visit plus the grade's interval falls on or before the
 *       last day of the week.</li>
 *   <li>Order: overdue first (never visited before all, then the longest overdue), then by the day
 *       the visit falls due, then by grade (1 before 5), then by customer code.</li>
 *   <li>Spread: the scheduled visits are divided evenly over the working days (the counts differ by
 *       at most one, earlier days take the remainder), in that order, so overdue customers come
 *       first in the week; at most {@code maxPerDay} a day.</li>
 *   <li>What does not fit is listed as not scheduled, in the same order.</li>
 * </ul>
 */
public final class DraftRule {

  private DraftRule() {}

  /** A customer with the grade's interval (days between visits) and the last completed visit, if any. */
  public record Candidate(String customerCode, int grade, LocalDate lastVisit, int intervalDays) {
    public LocalDate nextDue() {
      return lastVisit == null ? null : lastVisit.plusDays(intervalDays);
    }
  }

  /** One line of the draft; {@code day} null means not scheduled (over the daily cap). */
  public record Line(Candidate candidate, int priority, LocalDate day, int overdueDays) {
    public boolean scheduled() {
      return day != null;
    }
  }

  static final Comparator<Candidate> PRIORITY = Comparator
      .comparing((Candidate c) -> c.nextDue() == null ? LocalDate.MIN : c.nextDue())
      .thenComparingInt(Candidate::grade)
      .thenComparing(Candidate::customerCode);

  public static boolean isDue(Candidate c, LocalDate weekStart) {
    return c.nextDue() == null || !c.nextDue().isAfter(weekStart.plusDays(6));
  }

  /** Days overdue at the start of the week: 0 when not overdue; never visited counts as overdue since ever. */
  public static int overdueDays(Candidate c, LocalDate weekStart) {
    if (c.nextDue() == null) {
      return Integer.MAX_VALUE;
    }
    return c.nextDue().isBefore(weekStart) ? (int) ChronoUnit.DAYS.between(c.nextDue(), weekStart) : 0;
  }

  /**
   * The draft of one manager's week.
   *
   * @param workingDays the week's working days in order (調休 weekend days included, holidays not)
   */
  public static List<Line> draft(List<Candidate> candidates, LocalDate weekStart, List<LocalDate> workingDays,
                                 int maxPerDay) {
    if (maxPerDay < 1) {
      throw new IllegalArgumentException("maxPerDay must be at least 1: " + maxPerDay);
    }
    List<Candidate> due = candidates.stream().filter(c -> isDue(c, weekStart)).sorted(PRIORITY).toList();
    int days = workingDays.size();
    int scheduled = Math.min(due.size(), days * maxPerDay);
    int base = days == 0 ? 0 : scheduled / days;
    int extra = days == 0 ? 0 : scheduled % days;
    List<Line> lines = new ArrayList<>(due.size());
    int index = 0;
    for (int d = 0; d < days; d++) {
      int count = base + (d < extra ? 1 : 0);
      for (int k = 0; k < count; k++, index++) {
        Candidate c = due.get(index);
        lines.add(new Line(c, index + 1, workingDays.get(d), overdueDays(c, weekStart)));
      }
    }
    for (; index < due.size(); index++) {
      Candidate c = due.get(index);
      lines.add(new Line(c, index + 1, null, overdueDays(c, weekStart)));
    }
    return lines;
  }
}

package com.tobacco.cmw.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tobacco.cmw.calendar.WorkCalendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The draft rule of the 客戶訪問日程表 (§4.1.1): due, order, even spread, daily cap, the 2026 calendar. */
class DraftRuleTest {

  static final LocalDate WEEK = LocalDate.parse("2026-11-30"); // Monday, ISO week 2026-W49
  static final List<LocalDate> MON_TO_FRI = IntStream.range(0, 5).mapToObj(WEEK::plusDays).toList();
  final WorkCalendar calendar = new WorkCalendar("config/calendar", "18:00", "Asia/Shanghai");

  @ParameterizedTest(name = "interval {0}, last visit {1}: due {2}, overdue {3} days")
  @CsvSource({
      // a weekly customer seen last Monday falls due on this Monday
      "7,  2026-11-23, true,  0",
      // the day after the week's Sunday is not due; the Sunday itself is
      "14, 2026-11-23, false, 0",
      "14, 2026-11-22, true,  0",
      // due on Sunday 16 Nov, two weeks before the week: 14 days overdue
      "7,  2026-11-09, true,  14",
      "28, 2026-11-01, true,  1",
      "28, 2026-11-20, false, 0",
      // never visited: due, and overdue before every visited customer
      "7,  ,           true,  2147483647",
  })
  void dueAndOverdue(int interval, LocalDate lastVisit, boolean due, int overdue) {
    DraftRule.Candidate c = new DraftRule.Candidate("C1", 3, lastVisit, interval);
    assertThat(DraftRule.isDue(c, WEEK)).isEqualTo(due);
    assertThat(DraftRule.overdueDays(c, WEEK)).isEqualTo(overdue);
  }

  @Test
  void overdueCustomersComeFirstAndFillTheFirstDays() {
    List<DraftRule.Candidate> candidates = List.of(
        new DraftRule.Candidate("C-DUE-THU-G1", 1, LocalDate.parse("2026-11-26"), 7),
        new DraftRule.Candidate("C-OVERDUE-3", 3, LocalDate.parse("2026-11-13"), 14),
        new DraftRule.Candidate("C-NEVER-G5", 5, null, 28),
        new DraftRule.Candidate("C-NOT-DUE", 5, LocalDate.parse("2026-11-25"), 28),
        new DraftRule.Candidate("C-OVERDUE-10", 2, LocalDate.parse("2026-11-13"), 7),
        new DraftRule.Candidate("C-DUE-MON-G2", 2, LocalDate.parse("2026-11-23"), 7),
        new DraftRule.Candidate("C-NEVER-G1", 1, null, 7));

    List<DraftRule.Line> lines = DraftRule.draft(candidates, WEEK, MON_TO_FRI, 25);

    assertThat(lines).extracting(l -> l.candidate().customerCode()).containsExactly(
        "C-NEVER-G1", "C-NEVER-G5", "C-OVERDUE-10", "C-OVERDUE-3", "C-DUE-MON-G2", "C-DUE-THU-G1");
    // 6 visits over 5 days: Monday takes the one left over
    assertThat(lines).extracting(DraftRule.Line::day).containsExactly(
        WEEK, WEEK, WEEK.plusDays(1), WEEK.plusDays(2), WEEK.plusDays(3), WEEK.plusDays(4));
    assertThat(lines).extracting(DraftRule.Line::priority).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(lines).extracting(DraftRule.Line::overdueDays)
        .containsExactly(Integer.MAX_VALUE, Integer.MAX_VALUE, 10, 3, 0, 0);
  }

  @ParameterizedTest(name = "{0} due customers, {1} working days, cap {2}: per day {3}, not scheduled {4}")
  @CsvSource({
      "12,  5, 25, '3,3,2,2,2',      0",
      "125, 5, 25, '25,25,25,25,25', 0",
      "150, 5, 25, '25,25,25,25,25', 25",
      "7,   3, 25, '3,2,2',          0",
      "20,  3, 4,  '4,4,4',          8",
      "4,   6, 25, '1,1,1,1,0,0',    0",
      "5,   0, 25, '',               5",
  })
  void spreadsEvenlyUpToTheDailyCap(int customers, int days, int cap, String perDay, int notScheduled) {
    List<DraftRule.Candidate> candidates = IntStream.rangeClosed(1, customers)
        .mapToObj(i -> new DraftRule.Candidate(String.format("C%04d", i), 1 + i % 5, null, 7)).toList();
    List<LocalDate> workingDays = IntStream.range(0, days).mapToObj(WEEK::plusDays).toList();

    List<DraftRule.Line> lines = DraftRule.draft(candidates, WEEK, workingDays, cap);

    Map<LocalDate, Long> counts = lines.stream().filter(DraftRule.Line::scheduled)
        .collect(Collectors.groupingBy(DraftRule.Line::day, LinkedHashMap::new, Collectors.counting()));
    List<Long> expected = perDay.isBlank() ? List.of()
        : Arrays.stream(perDay.split(",")).map(Long::valueOf).filter(n -> n > 0).toList();
    assertThat(new ArrayList<>(counts.values())).isEqualTo(expected);
    assertThat(lines).hasSize(customers).filteredOn(l -> !l.scheduled()).hasSize(notScheduled);
    // what does not fit is the lowest priority
    int scheduled = customers - notScheduled;
    assertThat(lines.subList(scheduled, customers)).allMatch(l -> !l.scheduled());
  }

  @Test
  void aCapBelowOneIsRefused() {
    assertThatThrownBy(() -> DraftRule.draft(List.of(), WEEK, MON_TO_FRI, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "week of {0}: working days {1}")
  @CsvSource({
      "2026-11-30, '2026-11-30,2026-12-01,2026-12-02,2026-12-03,2026-12-04'",
      // 國慶: 1–7 Oct off; the week before keeps Mon–Wed
      "2026-09-28, '2026-09-28,2026-09-29,2026-09-30'",
      // the week after: Thu, Fri and the 調休 Saturday 10 Oct
      "2026-10-05, '2026-10-08,2026-10-09,2026-10-10'",
      // Sunday 20 Sep is a 調休 working day: six working days
      "2026-09-14, '2026-09-14,2026-09-15,2026-09-16,2026-09-17,2026-09-18,2026-09-20'",
      // 春節: 16–22 Feb all off
      "2026-02-16, ''",
  })
  void theWeeksWorkingDaysFollowTheCalendar(LocalDate weekStart, String expected) {
    List<LocalDate> days = WeeklyPlanner.workingDays(calendar, weekStart);
    assertThat(days).isEqualTo(expected.isBlank() ? List.of()
        : Arrays.stream(expected.split(",")).map(LocalDate::parse).toList());
  }

  @Test
  void aHolidayWeekSpreadsOverItsThreeWorkingDaysIncludingTheAdjustedSaturday() {
    LocalDate week = LocalDate.parse("2026-10-05");
    List<DraftRule.Candidate> candidates = IntStream.rangeClosed(1, 10)
        .mapToObj(i -> new DraftRule.Candidate(String.format("C%02d", i), 2, null, 7)).toList();

    List<DraftRule.Line> lines = DraftRule.draft(candidates, week, WeeklyPlanner.workingDays(calendar, week), 3);

    Map<LocalDate, Long> counts = lines.stream().filter(DraftRule.Line::scheduled)
        .collect(Collectors.groupingBy(DraftRule.Line::day, LinkedHashMap::new, Collectors.counting()));
    assertThat(counts).containsExactly(Map.entry(LocalDate.parse("2026-10-08"), 3L),
        Map.entry(LocalDate.parse("2026-10-09"), 3L), Map.entry(LocalDate.parse("2026-10-10"), 3L));
    assertThat(lines).filteredOn(l -> !l.scheduled()).extracting(l -> l.candidate().customerCode()).containsExactly("C10");
    assertThat(lines).noneMatch(l -> l.scheduled() && !calendar.isWorkingDay(l.day()));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({"2026-11-30, 2026-W49", "2026-12-28, 2026-W53", "2027-01-04, 2027-W01", "2026-01-01, 2026-W01"})
  void weekLabelsAreIsoWeeks(LocalDate day, String label) {
    assertThat(WeeklyPlanner.weekLabel(WeeklyPlanner.weekStartOf(day))).isEqualTo(label);
    assertThat(VisitScheduleController.parseWeek(label)).isEqualTo(WeeklyPlanner.weekStartOf(day));
  }
}

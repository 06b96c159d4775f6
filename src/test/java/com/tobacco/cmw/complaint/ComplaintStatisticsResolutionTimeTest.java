package com.tobacco.cmw.complaint;

import static com.tobacco.cmw.complaint.RegisterFixture.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tobacco.cmw.calendar.WorkCalendar;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The one measure of resolution time (working days after the day of report up to the day of
 * closing, 2026 calendar) and the statistics' rules: nearest-rank P90, average and percent to one
 * decimal half-up, packs to cartons.
 */
class ComplaintStatisticsResolutionTimeTest {

  final ResolutionTime resolution = new ResolutionTime(new WorkCalendar("config/calendar", "18:00", "Asia/Shanghai"));

  @ParameterizedTest(name = "{0} → {1}: {2} working days")
  @CsvSource({
      // same day, any hour
      "2026-03-10 09:00, 2026-03-10 17:59, 0",
      // Friday to Monday
      "2026-03-13 16:00, 2026-03-16 09:00, 1",
      // Friday to Saturday: not a working day
      "2026-03-13 16:00, 2026-03-14 10:00, 0",
      // over 元旦 (1–3 Jan off) to the 調休 Sunday 4 Jan
      "2025-12-31 10:00, 2026-01-04 10:00, 1",
      // over 春節: 13 Fri, 14 Sat 調休, 24 Tue
      "2026-02-12 10:00, 2026-02-24 15:00, 3",
      // into 春節 and out: 14 Sat 調休 only, then 24
      "2026-02-14 10:00, 2026-02-24 10:00, 1",
      // 28 Feb Saturday 調休 counts, 1 Mar Sunday does not
      "2026-02-27 14:00, 2026-03-02 10:00, 2",
      // over 勞動節 with Saturday 9 May 調休
      "2026-04-30 09:00, 2026-05-13 09:00, 7",
      "2026-04-28 10:00, 2026-05-14 10:00, 10",
      // over 國慶 (1–7 Oct): 8, 9 and the 調休 Saturday 10 Oct
      "2026-09-30 10:00, 2026-10-10 10:00, 3",
      // a day in the company's time zone: 23:30 Shanghai is the same day as 08:00
      "2026-03-10 00:30, 2026-03-10 23:30, 0",
  })
  void workingDaysOfResolution(String reported, String closed, int expected) {
    assertThat(resolution.workingDays(at(reported), at(closed))).isEqualTo(expected);
  }

  @Test
  void closedBeforeReportedIsRefusedAndOnTimeIncludesTheDeadline() {
    assertThatThrownBy(() -> resolution.workingDays(at("2026-03-10 10:00"), at("2026-03-09 10:00")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(resolution.onTime(at("2026-03-10 18:00"), at("2026-03-10 18:00"))).isTrue();
    assertThat(resolution.onTime(at("2026-03-10 18:01"), at("2026-03-10 18:00"))).isFalse();
  }

  @ParameterizedTest(name = "P90 of {0} = {1}")
  @CsvSource(delimiter = ';', value = {
      "5; 5",
      "1,2; 2",
      "0,3,12; 12",
      "1,4,7,10; 10",
      "0,1,2,3,4,7,10,12; 12",
      "1,2,3,4,5,6,7,8,9,10; 9",
      "1,2,3,4,5,6,7,8,9,10,11; 10",
      "10,9,8,7,6,5,4,3,2,1,0,0,0,0,0,0,0,0,0,0; 8",
  })
  void p90IsTheNearestRank(String days, int expected) {
    List<Integer> values = List.of(days.split(",")).stream().map(Integer::valueOf).toList();
    assertThat(ComplaintStatistics.p90(values)).isEqualTo(expected);
  }

  @Test
  void averagePercentAndCartons() {
    assertThat(ComplaintStatistics.p90(List.of())).isNull();
    assertThat(ComplaintStatistics.average(List.of())).isNull();
    assertThat(ComplaintStatistics.average(List.of(0, 1, 2, 3, 4, 7, 10, 12))).isEqualTo(new BigDecimal("4.9"));
    assertThat(ComplaintStatistics.average(List.of(1, 2))).isEqualTo(new BigDecimal("1.5"));
    assertThat(ComplaintStatistics.percent(2, 3)).isEqualTo(new BigDecimal("66.7"));
    assertThat(ComplaintStatistics.percent(0, 0)).isNull();
    assertThat(ComplaintStatistics.cartons(15, "PACK")).isEqualTo(new BigDecimal("1.5"));
    assertThat(ComplaintStatistics.cartons(3, "CARTON")).isEqualTo(new BigDecimal("3.0"));
  }
}

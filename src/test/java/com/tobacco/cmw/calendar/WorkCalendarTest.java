package com.tobacco.cmw.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The 2026 calendar of SPEC §2 (config/calendar/2026.txt), and the rules built on it. */
class WorkCalendarTest {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  final WorkCalendar calendar = new WorkCalendar(Path.of("config/calendar"), LocalTime.of(18, 0), SHANGHAI,
      Clock.fixed(Instant.parse("2026-09-29T02:00:00Z"), SHANGHAI));

  @ParameterizedTest(name = "{0} working day: {1}")
  @CsvSource({
      // 元旦 1–3 Jan off, Sun 4 Jan worked
      "2026-01-01, false", "2026-01-02, false", "2026-01-03, false", "2026-01-04, true", "2026-01-05, true",
      // 春節 15–23 Feb off, Sat 14 Feb and Sat 28 Feb worked
      "2026-02-13, true", "2026-02-14, true", "2026-02-15, false", "2026-02-19, false", "2026-02-23, false",
      "2026-02-24, true", "2026-02-28, true", "2026-03-01, false",
      // 清明 4–6 Apr (Mon 6 Apr off)
      "2026-04-03, true", "2026-04-06, false", "2026-04-07, true",
      // 勞動節 1–5 May, Sat 9 May worked
      "2026-05-01, false", "2026-05-05, false", "2026-05-06, true", "2026-05-09, true", "2026-05-10, false",
      // 端午 19–21 Jun
      "2026-06-19, false", "2026-06-22, true",
      // 中秋 25–27 Sep, Sun 20 Sep worked
      "2026-09-20, true", "2026-09-25, false", "2026-09-28, true",
      // 國慶 1–7 Oct, Sat 10 Oct worked
      "2026-10-01, false", "2026-10-07, false", "2026-10-08, true", "2026-10-10, true", "2026-10-11, false",
      // an ordinary week
      "2026-11-27, true", "2026-11-28, false", "2026-11-29, false",
  })
  void knowsTheDaysOf2026(LocalDate date, boolean working) {
    assertThat(calendar.isWorkingDay(date)).isEqualTo(working);
  }

  @ParameterizedTest(name = "{1} working days after {0} = {2}")
  @CsvSource({
      "2026-09-30, 0, 2026-09-30",
      "2026-09-30, 1, 2026-10-08",   // over 國慶
      "2026-09-30, 2, 2026-10-09",
      "2026-09-30, 3, 2026-10-10",   // Saturday worked (調休)
      "2026-02-13, 1, 2026-02-14",   // Saturday worked before 春節
      "2026-02-14, 1, 2026-02-24",   // over 春節
      "2026-12-31, 1, 2027-01-01",   // 2027 without a file: weekdays only
      "2026-11-27, 1, 2026-11-30",   // Friday → Monday
  })
  void countsWorkingDaysAfter(LocalDate from, int days, LocalDate expected) {
    assertThat(calendar.workingDaysAfter(from, days)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "節假日順延 {0} → {1}")
  @CsvSource({
      "2026-10-05, 2026-10-08",  // report due on the 5th during 國慶 moves to the 8th
      "2026-04-05, 2026-04-07",
      "2026-02-05, 2026-02-05",
      "2026-09-05, 2026-09-07",  // Saturday → Monday
      "2026-02-28, 2026-02-28",  // a worked Saturday stays
  })
  void postponesToTheFirstWorkingDayOnOrAfter(LocalDate date, LocalDate expected) {
    assertThat(calendar.firstWorkingDayOnOrAfter(date)).isEqualTo(expected);
  }

  @Test
  void dueDatesAreTheEndOfTheWorkingDayInCompanyTime() {
    assertThat(calendar.endOfWorkingDay(LocalDate.of(2026, 9, 30))).isEqualTo(Date.from(Instant.parse("2026-09-30T10:00:00Z")));
    // today is 29 Sep 2026 (fixed clock): one working day → 30 Sep, two → 8 Oct
    assertThat(calendar.endOfWorkingDaysFromToday(2)).isEqualTo(Date.from(Instant.parse("2026-10-08T10:00:00Z")));
    assertThat(calendar.endOfWorkingDaysAfter(Date.from(Instant.parse("2026-09-30T10:00:00Z")), 1))
        .isEqualTo(Date.from(Instant.parse("2026-10-08T10:00:00Z")));
    assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 10))).isEqualTo(3);
  }

  @Test
  void aYearWithoutAFileCountsWeekdaysOnly(@TempDir Path empty) {
    WorkCalendar bare = new WorkCalendar(empty, LocalTime.of(18, 0), SHANGHAI, Clock.systemUTC());
    assertThat(bare.isWorkingDay(LocalDate.of(2031, 1, 1))).isTrue();   // a Wednesday: no holiday data
    assertThat(bare.isWorkingDay(LocalDate.of(2031, 1, 4))).isFalse();  // Saturday
    // 2026 still comes from the calendar shipped with the application
    assertThat(bare.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
  }

  @Test
  void anEditedFileIsReadWithoutARestart(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("2030.txt");
    Files.writeString(file, "2030-01-02 OFF test holiday\n");
    MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    WorkCalendar cal = new WorkCalendar(dir, LocalTime.of(18, 0), SHANGHAI, clock);
    assertThat(cal.isWorkingDay(LocalDate.of(2030, 1, 2))).isFalse();
    Files.writeString(file, "# holiday withdrawn\n");
    Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(Instant.now().plusSeconds(5)));
    clock.advance(WorkCalendar.RECHECK_MILLIS + 1);
    assertThat(cal.isWorkingDay(LocalDate.of(2030, 1, 2))).isTrue();
    assertThat(cal.dayName(LocalDate.of(2030, 1, 2))).isEmpty();
  }

  @ParameterizedTest(name = "bad line {0}")
  @CsvSource(delimiter = '|', value = {
      "2026-13-01 OFF x|not a date",
      "2026-10-01 HOLIDAY x|OFF or WORK",
      "2025-10-01 OFF x|does not belong to 2026",
      "2026-10-01|expected",
  })
  void aBadLineIsAnErrorThatNamesTheLine(String line, String message) {
    assertThatThrownBy(() -> CalendarFileParser.parse(2026, List.of("# header", line), "2026.txt"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2026.txt line 2")
        .hasMessageContaining(message);
  }

  @Test
  void aDayListedTwiceIsAnError() {
    assertThatThrownBy(() -> CalendarFileParser.parse(2026, List.of("2026-10-01 OFF a", "2026-10-01 OFF b"), "f"))
        .hasMessageContaining("listed twice");
  }

  @Test
  void negativeCountsAreRefused() {
    assertThatThrownBy(() -> calendar.workingDaysAfter(LocalDate.of(2026, 1, 5), -1)).isInstanceOf(IllegalArgumentException.class);
  }

  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(long millis) {
      now = now.plusMillis(millis);
    }

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}

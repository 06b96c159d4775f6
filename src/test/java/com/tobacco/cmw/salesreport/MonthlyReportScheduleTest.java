package com.tobacco.cmw.salesreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tobacco.cmw.calendar.WorkCalendar;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** §4.4.2 "每月5日前(節假日順延)": the due day of every report due in 2026, from config/calendar/2026.txt. */
class MonthlyReportScheduleTest {

  private final MonthlyReportSchedule schedule = new MonthlyReportSchedule("0 0 1 1 * ?", 5,
      new WorkCalendar("config/calendar", "18:00", "Asia/Shanghai"));

  @ParameterizedTest(name = "report of {0} due {1}")
  @CsvSource({
      // report month, due day, why
      "2025-12, 2026-01-05, 'Mon 5 Jan, after 元旦 (1–3 Jan)'",
      "2026-01, 2026-02-05, 'Thu 5 Feb, a working day'",
      "2026-02, 2026-03-05, 'Thu 5 Mar'",
      "2026-03, 2026-04-07, 'Sun 5 Apr is 清明 (4–6 Apr): Tue 7 Apr'",
      "2026-04, 2026-05-06, 'Tue 5 May is 勞動節 (1–5 May): Wed 6 May'",
      "2026-05, 2026-06-05, 'Fri 5 Jun'",
      "2026-06, 2026-07-06, 'Sun 5 Jul: Mon 6 Jul'",
      "2026-07, 2026-08-05, 'Wed 5 Aug'",
      "2026-08, 2026-09-07, 'Sat 5 Sep: Mon 7 Sep'",
      "2026-09, 2026-10-08, 'Mon 5 Oct is 國慶節 (1–7 Oct): Thu 8 Oct'",
      "2026-10, 2026-11-05, 'Thu 5 Nov'",
      "2026-11, 2026-12-07, 'Sat 5 Dec: Mon 7 Dec'"})
  void dueOnTheFifthPostponedToTheFirstWorkingDay(String month, String dueDay, String why) {
    YearMonth reportMonth = YearMonth.parse(month);
    assertThat(schedule.dueDay(reportMonth)).as(why).isEqualTo(LocalDate.parse(dueDay));
    assertThat(schedule.dueAt(reportMonth).toInstant())
        .isEqualTo(LocalDateTime.parse(dueDay + "T18:00").atZone(ZoneId.of("Asia/Shanghai")).toInstant());
  }

  @Test
  void theBusinessKeyNamesMonthAndManager() {
    assertThat(MonthlyReportSchedule.reportKey("zhangwei", YearMonth.of(2026, 10))).isEqualTo("YB-2026-10-zhangwei");
    assertThat(MonthlyReportSchedule.reportKey("lina", YearMonth.of(2027, 1))).isEqualTo("YB-2027-01-lina");
  }

  @Test
  void aDueDayOutsideTheMonthIsRefused() {
    WorkCalendar calendar = new WorkCalendar("config/calendar", "18:00", "Asia/Shanghai");
    assertThatThrownBy(() -> new MonthlyReportSchedule("0 0 1 1 * ?", 0, calendar)).hasMessageContaining("1–28");
    assertThatThrownBy(() -> new MonthlyReportSchedule("0 0 1 1 * ?", 31, calendar)).hasMessageContaining("1–28");
  }
}

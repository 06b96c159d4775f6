package com.tobacco.cmw.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read-only questions to the working-day calendar, for every signed-in user. */
@RestController
@RequestMapping("/api/calendar")
public class CalendarController {

  private final WorkCalendar calendar;

  public CalendarController(WorkCalendar calendar) {
    this.calendar = calendar;
  }

  public record DayAnswer(LocalDate date, boolean workingDay, String name) {}

  @GetMapping("/days/{date}")
  public DayAnswer day(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    return answer(date);
  }

  /** ?from=2026-09-30&days=3 → the 3rd working day after 30 Sep. */
  @GetMapping("/working-days-after")
  public DayAnswer workingDaysAfter(
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam int days) {
    if (days < 0 || days > 366) {
      throw new IllegalArgumentException("days must be between 0 and 366");
    }
    return answer(calendar.workingDaysAfter(from, days));
  }

  @GetMapping("/first-working-day")
  public DayAnswer firstWorkingDayOnOrAfter(
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate onOrAfter) {
    return answer(calendar.firstWorkingDayOnOrAfter(onOrAfter));
  }

  /** Every day of a month with its kind: for a calendar view and for checking the file. */
  @GetMapping("/months/{year}/{month}")
  public List<DayAnswer> month(@PathVariable int year, @PathVariable int month) {
    if (month < 1 || month > 12 || year < 2000 || year > 2100) {
      throw new IllegalArgumentException("year 2000–2100 and month 1–12 expected");
    }
    List<DayAnswer> days = new ArrayList<>();
    LocalDate first = LocalDate.of(year, month, 1);
    for (LocalDate d = first; d.getMonthValue() == month; d = d.plusDays(1)) {
      days.add(answer(d));
    }
    return days;
  }

  private DayAnswer answer(LocalDate date) {
    return new DayAnswer(date, calendar.isWorkingDay(date), calendar.dayName(date).orElse(null));
  }
}

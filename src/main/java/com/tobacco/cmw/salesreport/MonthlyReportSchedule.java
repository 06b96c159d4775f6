package com.tobacco.cmw.salesreport;

import com.tobacco.cmw.calendar.WorkCalendar;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Date;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When reports are drafted and when they are due. The BPMN binds its timers to this bean:
 * the start timer's cycle {@code ${monthlyReportSchedule.cron}} and the task's due date, which
 * the draft computes with {@link #dueAt(YearMonth)}: §4.4.2 "每月5日前(節假日順延)" = the end of
 * the first working day on or after the 5th of the following month (working-day calendar).
 */
@Component("monthlyReportSchedule")
public class MonthlyReportSchedule {

  private final String cron;
  private final int dueDayOfMonth;
  private final WorkCalendar calendar;

  public MonthlyReportSchedule(@Value("${cmw.report.cron:0 0 1 1 * ?}") String cron,
                               @Value("${cmw.report.due-day-of-month:5}") int dueDayOfMonth, WorkCalendar calendar) {
    if (dueDayOfMonth < 1 || dueDayOfMonth > 28) {
      throw new IllegalArgumentException("cmw.report.due-day-of-month must be 1–28, got " + dueDayOfMonth);
    }
    this.cron = cron;
    this.dueDayOfMonth = dueDayOfMonth;
    this.calendar = calendar;
  }

  /** The Quartz-style cron of the start timer (company server time), by default the 1st at 01:00. */
  public String getCron() {
    return cron;
  }

  /** The day the report of {@code reportMonth} is due: the 5th of the next month, postponed to a working day. */
  public LocalDate dueDay(YearMonth reportMonth) {
    return calendar.firstWorkingDayOnOrAfter(reportMonth.plusMonths(1).atDay(dueDayOfMonth));
  }

  /** The end of {@link #dueDay(YearMonth)} (the calendar's closing time). */
  public Date dueAt(YearMonth reportMonth) {
    return calendar.endOfWorkingDay(dueDay(reportMonth));
  }

  /** The month before today (company time): the month a report drafted today is about. */
  public YearMonth lastMonth() {
    return YearMonth.from(calendar.today()).minusMonths(1);
  }

  /** The readable business key of a report, e.g. {@code YB-2026-10-zhangwei} (月報). */
  public static String reportKey(String managerId, YearMonth month) {
    return "YB-" + month + "-" + managerId;
  }
}

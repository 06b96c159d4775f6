package com.tobacco.cmw.unlicensed;

import com.tobacco.cmw.calendar.WorkCalendar;
import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.security.CurrentUser;
import com.tobacco.cmw.security.Roles;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who works on a report, read from the report at the moment it is needed (BPMN:
 * {@code camunda:candidateGroups="${unlicensedParties.regionalManagers(execution)}"}), never from
 * process variables an assignee could change; who did a step; the engine's clock; the deadline of
 * the monopoly department; and the reads of times in the forms.
 */
@Component("unlicensedParties")
public class UnlicensedParties {

  /** A time seen may lie this far ahead of the server's clock (the clocks of phones differ). */
  static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);
  /** A sighting older than this is not reported any more: the year is probably mistyped. */
  static final Duration OLDEST_SIGHTING = Duration.ofDays(366);
  static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final UnlicensedReportRepository reports;
  private final CurrentUser currentUser;
  private final WorkCalendar calendar;
  private final int investigationDays;

  public UnlicensedParties(UnlicensedReportRepository reports, CurrentUser currentUser, WorkCalendar calendar,
                           @Value("${cmw.unlicensed.investigation-days:1}") int investigationDays) {
    this.reports = reports;
    this.currentUser = currentUser;
    this.calendar = calendar;
    this.investigationDays = investigationDays;
  }

  /** The candidate group of the regional managers of the report's region. */
  public String regionalManagers(DelegateExecution execution) {
    return Roles.regionalManagersOf(reports.ofProcessInstance(execution.getProcessInstanceId()).regionCode());
  }

  /** The user completing the task in this transaction ("system" when none, e.g. a job). */
  String actor() {
    return currentUser.userId().orElse("system");
  }

  /** Now, by the engine's clock (tests move it). */
  Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  LocalDate today() {
    return now().atZone(calendar.zone()).toLocalDate();
  }

  /** The monopoly department's deadline: end of the n-th working day after today (n = 1 by default). */
  Instant investigationDue() {
    return calendar.endOfWorkingDay(calendar.workingDaysAfter(today(), investigationDays)).toInstant();
  }

  String dayTime(Instant instant) {
    return instant == null ? null : DAY_TIME.format(instant.atZone(calendar.zone()));
  }

  java.time.ZoneId zone() {
    return calendar.zone();
  }

  /**
   * The time seen: a date-time field's value (with or without offset; without, company time), a
   * {@link Date}, or text {@code yyyy-MM-dd HH:mm}; not in the future, not more than a year ago.
   */
  Instant seenAt(Object value, Function<String, RuntimeException> error) {
    if (value == null || value.toString().isBlank()) {
      throw error.apply("請填寫「發現時間」/ " + UnlicensedSellerReportProcess.Var.SEEN_AT + " is required");
    }
    Instant seen = value instanceof Date d ? d.toInstant() : parse(value.toString().strip(), error);
    Instant now = now();
    if (seen.isAfter(now.plus(CLOCK_TOLERANCE))) {
      throw error.apply("「發現時間」" + dayTime(seen) + " 不能晚於現在 / seenAt must not be in the future");
    }
    if (seen.isBefore(now.minus(OLDEST_SIGHTING))) {
      throw error.apply("「發現時間」" + dayTime(seen) + " 早於一年前,請核對年份 / seenAt is more than a year ago");
    }
    return seen;
  }

  private Instant parse(String text, Function<String, RuntimeException> error) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException ignored) {
      // next form
    }
    try {
      return ZonedDateTime.parse(text).toInstant();
    } catch (DateTimeParseException ignored) {
      // next form
    }
    try {
      String local = text.replace(' ', 'T');
      return LocalDateTime.parse(local.length() == 16 ? local + ":00" : local).atZone(calendar.zone()).toInstant();
    } catch (DateTimeParseException e) {
      throw error.apply("「發現時間」不是日期時間 yyyy-MM-dd HH:mm:「" + text + "」/ seenAt is not a date and time");
    }
  }

  static Function<String, RuntimeException> inForm(String field) {
    return message -> InvalidInput.inForm(field, message);
  }
}

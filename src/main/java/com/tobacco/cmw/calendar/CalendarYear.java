package com.tobacco.cmw.calendar;

import java.time.LocalDate;
import java.util.Map;

/** The exceptions of one year to the Monday–Friday week: holidays off and weekend days worked. */
record CalendarYear(int year, Map<LocalDate, DayEntry> days, boolean fromFile) {

  record DayEntry(LocalDate date, boolean working, String name) {}

  static CalendarYear weekendsOnly(int year) {
    return new CalendarYear(year, Map.of(), false);
  }
}

package com.tobacco.cmw.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a calendar file: one line a day, {@code yyyy-MM-dd OFF|WORK name}; {@code #} starts a
 * comment. A bad line is an error that names the line: a wrong calendar moves every deadline.
 */
final class CalendarFileParser {

  private CalendarFileParser() {}

  static CalendarYear parse(int year, List<String> lines, String source) {
    Map<LocalDate, CalendarYear.DayEntry> days = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+", 3);
      String where = source + " line " + (i + 1);
      if (parts.length < 2) {
        throw new IllegalArgumentException(where + ": expected 'yyyy-MM-dd OFF|WORK name', got '" + line + "'");
      }
      LocalDate date;
      try {
        date = LocalDate.parse(parts[0]);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(where + ": '" + parts[0] + "' is not a date yyyy-MM-dd", e);
      }
      if (date.getYear() != year) {
        throw new IllegalArgumentException(where + ": " + date + " does not belong to " + year);
      }
      boolean working = switch (parts[1]) {
        case "OFF" -> false;
        case "WORK" -> true;
        default -> throw new IllegalArgumentException(where + ": day type must be OFF or WORK, got '" + parts[1] + "'");
      };
      String name = parts.length > 2 ? parts[2].strip() : "";
      if (days.put(date, new CalendarYear.DayEntry(date, working, name)) != null) {
        throw new IllegalArgumentException(where + ": " + date + " is listed twice");
      }
    }
    return new CalendarYear(year, Map.copyOf(days), true);
  }
}

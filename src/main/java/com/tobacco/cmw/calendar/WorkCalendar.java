package com.tobacco.cmw.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The one place where working days are decided (SPEC §2). BPMN binds due dates and timers to
 * this bean by expression, e.g. {@code camunda:dueDate="${workCalendar.endOfWorkingDay(plannedDate)}"}.
 *
 * <p>Year files ({@code <year>.txt}) are read from {@code cmw.calendar.directory}; a changed file
 * is read again within {@link #RECHECK_MILLIS}. A year without a file falls back to the calendar
 * shipped in the application, then to Monday–Friday, with a warning in the log.
 */
@Service("workCalendar")
public class WorkCalendar {

  static final long RECHECK_MILLIS = 30_000;
  private static final Logger log = LoggerFactory.getLogger(WorkCalendar.class);

  private final Path directory;
  private final LocalTime endOfWorkingDay;
  private final ZoneId zone;
  private final Clock clock;
  private final Map<Integer, Loaded> years = new ConcurrentHashMap<>();

  private record Loaded(CalendarYear year, long fileModified, long checkedAt) {}

  @Autowired
  public WorkCalendar(
      @Value("${cmw.calendar.directory:config/calendar}") String directory,
      @Value("${cmw.calendar.end-of-working-day:18:00}") String endOfWorkingDay,
      @Value("${cmw.timezone:Asia/Shanghai}") String zone) {
    this(Path.of(directory), LocalTime.parse(endOfWorkingDay), ZoneId.of(zone), Clock.systemUTC());
  }

  WorkCalendar(Path directory, LocalTime endOfWorkingDay, ZoneId zone, Clock clock) {
    this.directory = directory;
    this.endOfWorkingDay = endOfWorkingDay;
    this.zone = zone;
    this.clock = clock;
  }

  public boolean isWorkingDay(LocalDate date) {
    CalendarYear.DayEntry entry = year(date.getYear()).days().get(date);
    if (entry != null) {
      return entry.working();
    }
    DayOfWeek dow = date.getDayOfWeek();
    return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
  }

  /** The name of a listed day (元旦, 春節調休 …), if the calendar lists it. */
  public Optional<String> dayName(LocalDate date) {
    return Optional.ofNullable(year(date.getYear()).days().get(date)).map(CalendarYear.DayEntry::name);
  }

  /** The n-th working day after {@code date} ({@code date} itself not counted); n ≥ 0. */
  public LocalDate workingDaysAfter(LocalDate date, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative: " + n);
    }
    LocalDate day = date;
    int left = n;
    while (left > 0) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        left--;
      }
    }
    return day;
  }

  /** 節假日順延: {@code date} if it is a working day, else the next working day. */
  public LocalDate firstWorkingDayOnOrAfter(LocalDate date) {
    LocalDate day = date;
    while (!isWorkingDay(day)) {
      day = day.plusDays(1);
    }
    return day;
  }

  /** Working days in (from, to]: how many working days late something finished. */
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    int count = 0;
    for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
      if (isWorkingDay(d)) {
        count++;
      }
    }
    return count;
  }

  public LocalDate today() {
    return LocalDate.now(clock.withZone(zone));
  }

  // ---- for BPMN expressions: instants as java.util.Date ----

  /** End of the working day on {@code date} (the configured closing time, company time zone). */
  public Date endOfWorkingDay(LocalDate date) {
    return Date.from(date.atTime(endOfWorkingDay).atZone(zone).toInstant());
  }

  /** End of the n-th working day after today: "within n working days". */
  public Date endOfWorkingDaysFromToday(int n) {
    return endOfWorkingDay(workingDaysAfter(today(), n));
  }

  /** End of the n-th working day after the day on which {@code due} falls. */
  public Date endOfWorkingDaysAfter(Date due, int n) {
    LocalDate day = Instant.ofEpochMilli(due.getTime()).atZone(zone).toLocalDate();
    return endOfWorkingDay(workingDaysAfter(day, n));
  }

  public ZoneId zone() {
    return zone;
  }

  // ---- loading ----

  private CalendarYear year(int year) {
    long now = clock.millis();
    Loaded loaded = years.get(year);
    if (loaded != null && now - loaded.checkedAt() < RECHECK_MILLIS) {
      return loaded.year();
    }
    Path file = directory.resolve(year + ".txt");
    long modified = lastModified(file);
    if (loaded != null && loaded.fileModified() == modified) {
      years.put(year, new Loaded(loaded.year(), modified, now));
      return loaded.year();
    }
    CalendarYear read = read(year, file, modified);
    years.put(year, new Loaded(read, modified, now));
    return read;
  }

  private CalendarYear read(int year, Path file, long modified) {
    try {
      if (modified >= 0) {
        CalendarYear y = CalendarFileParser.parse(year, Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
        log.info("Working-day calendar {} read from {} ({} listed days)", year, file, y.days().size());
        return y;
      }
      try (InputStream in = WorkCalendar.class.getResourceAsStream("/calendar/" + year + ".txt")) {
        if (in != null) {
          List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
          log.info("Working-day calendar {}: {} not found, using the calendar shipped with the application", year, file);
          return CalendarFileParser.parse(year, lines, "classpath:calendar/" + year + ".txt");
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the working-day calendar " + file, e);
    }
    log.warn("No working-day calendar for {} ({} missing): counting Monday to Friday only, without public holidays. "
        + "Add the year's file to keep deadlines right.", year, file);
    return CalendarYear.weekendsOnly(year);
  }

  private static long lastModified(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.getLastModifiedTime(file).toMillis() : -1;
    } catch (IOException e) {
      return -1;
    }
  }
}

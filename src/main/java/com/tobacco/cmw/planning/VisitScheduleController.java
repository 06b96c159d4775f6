package com.tobacco.cmw.planning;

import com.tobacco.cmw.security.DataScope;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stored 客戶訪問日程表 under {@code /api/visit-schedules}: a customer manager sees their own,
 * a regional manager those of their region, head office and auditors all ({@link DataScope}). A
 * schedule outside the caller's scope answers 404, as if it did not exist.
 */
@RestController
@RequestMapping("/api/visit-schedules")
public class VisitScheduleController {

  static final int MAX_PAGE = 500;
  private static final Pattern ISO_WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

  public record ScheduleDetail(VisitScheduleRepository.Schedule schedule, List<VisitScheduleRepository.Item> items) {}

  private final VisitScheduleRepository schedules;
  private final DataScope scope;
  private final SchedulePrintView printView;

  public VisitScheduleController(VisitScheduleRepository schedules, DataScope scope, SchedulePrintView printView) {
    this.schedules = schedules;
    this.scope = scope;
    this.printView = printView;
  }

  /** Schedules, newest week first; {@code week} is an ISO week (2026-W49) or any day of it (2026-12-02). */
  @GetMapping
  public List<VisitScheduleRepository.Summary> list(@RequestParam(required = false) String manager,
                                                    @RequestParam(required = false) String week,
                                                    @RequestParam(defaultValue = "100") int limit) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw new IllegalArgumentException("limit 1–" + MAX_PAGE + " expected");
    }
    DataScope.Scope s = scope.current();
    String managerId = blankToNull(manager);
    if (s.managerId() != null) {
      if (managerId != null && !managerId.equals(s.managerId())) {
        return List.of();
      }
      managerId = s.managerId();
    }
    return schedules.list(managerId, s.regionCode(), week == null || week.isBlank() ? null : parseWeek(week.strip()), limit);
  }

  @GetMapping("/{id}")
  public ScheduleDetail get(@PathVariable long id) {
    VisitScheduleRepository.Schedule schedule = visible(id);
    return new ScheduleDetail(schedule, schedules.items(id));
  }

  /** The printable schedule: one table per day, print CSS, Chinese titles. */
  @GetMapping("/{id}/print")
  public ResponseEntity<String> print(@PathVariable long id) {
    VisitScheduleRepository.Schedule schedule = visible(id);
    return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
        .body(printView.render(schedule, schedules.items(id)));
  }

  private VisitScheduleRepository.Schedule visible(long id) {
    DataScope.Scope s = scope.current();
    return schedules.find(id).filter(sc -> s.includes(sc.managerId(), sc.regionCode()))
        .orElseThrow(() -> new NoSuchElementException("客戶訪問日程表 " + id + " 不存在或不在您的權限範圍內 / visit schedule "
            + id + " not found"));
  }

  static LocalDate parseWeek(String week) {
    Matcher m = ISO_WEEK.matcher(week);
    try {
      if (m.matches()) {
        int year = Integer.parseInt(m.group(1));
        int number = Integer.parseInt(m.group(2));
        LocalDate probe = LocalDate.of(year, 6, 1);
        if (number < 1 || number > probe.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
          throw new IllegalArgumentException("week " + week);
        }
        return WeeklyPlanner.weekStartOf(probe.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, number));
      }
      return WeeklyPlanner.weekStartOf(LocalDate.parse(week));
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw new IllegalArgumentException("參數 week 的值「" + week + "」應為 ISO 周(如 2026-W49)或日期 yyyy-MM-dd / "
          + "week must be an ISO week like 2026-W49 or a date");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}

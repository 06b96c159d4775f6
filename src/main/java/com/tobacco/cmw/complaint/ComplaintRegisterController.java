package com.tobacco.cmw.complaint;

import com.tobacco.cmw.complaint.ComplaintRegister.Filter;
import com.tobacco.cmw.complaint.ComplaintRegister.Status;
import com.tobacco.cmw.security.DataScope.Scope;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The complaint register {@code /api/complaint-register} (JSON page, {@code .xlsx} export) and the
 * statistics {@code /api/complaint-statistics} (JSON, {@code .xlsx}, {@code /chart.png}), each in
 * the caller's scope ({@link ComplaintRegisterAccess}). Filter values are checked here: a wrong
 * date, month, cause, step, status or result is a 400 with a message saying what is expected.
 */
@RestController
public class ComplaintRegisterController {

  private static final int DEFAULT_LIMIT = 100;

  private final ComplaintRegisterAccess access;
  private final ComplaintRegister register;
  private final ComplaintStatistics statistics;
  private final ComplaintWorkbook workbook;
  private final ComplaintChart chart;
  private final Clock clock = Clock.systemUTC();

  public ComplaintRegisterController(ComplaintRegisterAccess access, ComplaintRegister register,
                                     ComplaintStatistics statistics, ComplaintWorkbook workbook, ComplaintChart chart) {
    this.access = access;
    this.register = register;
    this.statistics = statistics;
    this.workbook = workbook;
    this.chart = chart;
  }

  @GetMapping("/api/complaint-register")
  public ComplaintRegister.Page register(
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String region, @RequestParam(required = false) String manager,
      @RequestParam(required = false) String customer, @RequestParam(required = false) String brand,
      @RequestParam(required = false) String cause, @RequestParam(required = false) String step,
      @RequestParam(required = false) String overdue, @RequestParam(required = false) String status,
      @RequestParam(required = false) String result,
      @RequestParam(required = false) String offset, @RequestParam(required = false) String limit) {
    Scope scope = access.current();
    Filter filter = filter(from, to, region, manager, customer, brand, cause, step, overdue, status, result);
    return register.find(scope, filter, integer("offset", offset, 0), integer("limit", limit, DEFAULT_LIMIT), clock.instant());
  }

  @GetMapping("/api/complaint-register.xlsx")
  public ResponseEntity<byte[]> registerExcel(
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String region, @RequestParam(required = false) String manager,
      @RequestParam(required = false) String customer, @RequestParam(required = false) String brand,
      @RequestParam(required = false) String cause, @RequestParam(required = false) String step,
      @RequestParam(required = false) String overdue, @RequestParam(required = false) String status,
      @RequestParam(required = false) String result) {
    Scope scope = access.current();
    Filter filter = filter(from, to, region, manager, customer, brand, cause, step, overdue, status, result);
    Instant now = clock.instant();
    ComplaintRegister.Page page = register.find(scope, filter, 0, ComplaintRegister.MAX_ROWS, now);
    String selection = "篩選:" + describe(filter) + ";共 " + page.total() + " 件" 
        + (page.total() > page.rows().size() ? "(僅列出前 " + page.rows().size() + " 件)" : "") + ";製表時間 " + now;
    return download(workbook.register(page.rows(), selection), ComplaintWorkbook.CONTENT_TYPE,
        ComplaintWorkbook.REGISTER_TITLE + ".xlsx");
  }

  @GetMapping("/api/complaint-statistics")
  public ComplaintStatistics.Table statistics(
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String region, @RequestParam(required = false) String brand,
      @RequestParam(required = false) String cause) {
    return table(from, to, region, brand, cause);
  }

  @GetMapping("/api/complaint-statistics.xlsx")
  public ResponseEntity<byte[]> statisticsExcel(
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String region, @RequestParam(required = false) String brand,
      @RequestParam(required = false) String cause) {
    ComplaintStatistics.Table table = table(from, to, region, brand, cause);
    String selection = "月份:" + (table.from() == null ? "…" : table.from()) + " 至 " + (table.to() == null ? "…" : table.to())
        + (blank(region) ? "" : ";區域 " + region.strip()) + (blank(brand) ? "" : ";品牌 " + brand.strip())
        + (blank(cause) ? "" : ";原因 " + ComplaintCause.valueOf(cause.strip().toUpperCase(Locale.ROOT)).chineseName())
        + ";製表時間 " + table.asOf();
    return download(workbook.statistics(table, selection, chart.png(table)), ComplaintWorkbook.CONTENT_TYPE,
        ComplaintWorkbook.STATISTICS_TITLE + ".xlsx");
  }

  @GetMapping("/api/complaint-statistics/chart.png")
  public ResponseEntity<byte[]> statisticsChart(
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String region, @RequestParam(required = false) String brand,
      @RequestParam(required = false) String cause) {
    byte[] png = chart.png(table(from, to, region, brand, cause));
    return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store").body(png);
  }

  private ComplaintStatistics.Table table(String from, String to, String region, String brand, String cause) {
    Scope scope = access.current();
    return statistics.compute(scope, month("from", from), month("to", to), text(region), text(brand),
        named(ComplaintCause.class, "cause", cause), clock.instant());
  }

  static Filter filter(String from, String to, String region, String manager, String customer, String brand,
                       String cause, String step, String overdue, String status, String result) {
    LocalDate fromDay = day("from", from);
    LocalDate toDay = day("to", to);
    if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
      throw new IllegalArgumentException("參數 to 早於 from / 'to' is before 'from': " + fromDay + " – " + toDay);
    }
    String resultValue = text(result) == null ? null : text(result).toUpperCase(Locale.ROOT);
    if (resultValue != null && !resultValue.equals("REPLACED") && !resultValue.equals("REJECTED")) {
      throw new IllegalArgumentException("參數 result 應為 REPLACED(已調換)或 REJECTED(不予調換):「" + result
          + "」/ result must be REPLACED or REJECTED");
    }
    return new Filter(fromDay, toDay, text(region), text(manager), text(customer), text(brand),
        named(ComplaintCause.class, "cause", cause), named(ComplaintStep.class, "step", step),
        bool("overdue", overdue), named(Status.class, "status", status), resultValue);
  }

  private static String describe(Filter f) {
    StringJoiner j = new StringJoiner(",");
    if (f.from() != null || f.to() != null) {
      j.add("投訴日期 " + (f.from() == null ? "…" : f.from()) + " 至 " + (f.to() == null ? "…" : f.to()));
    }
    if (f.region() != null) j.add("區域 " + f.region());
    if (f.manager() != null) j.add("客戶經理 " + f.manager());
    if (f.customer() != null) j.add("客戶 " + f.customer());
    if (f.brand() != null) j.add("品牌 " + f.brand());
    if (f.cause() != null) j.add("原因 " + f.cause().chineseName());
    if (f.step() != null) j.add("當前環節 " + f.step().chineseName());
    if (f.overdueOnly()) j.add("僅逾期");
    if (f.status() != null) j.add(f.status() == Status.OPEN ? "未結案" : "已結案");
    if (f.result() != null) j.add("結果 " + ComplaintWorkbook.result(f.result()));
    return j.length() == 0 ? "全部" : j.toString();
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static String text(String value) {
    return blank(value) ? null : value.strip();
  }

  private static LocalDate day(String name, String value) {
    if (blank(value)) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("參數 " + name + " 應為日期 yyyy-MM-dd,例如 2026-10-08:「" + value
          + "」/ " + name + " must be a date yyyy-MM-dd");
    }
  }

  private static YearMonth month(String name, String value) {
    if (blank(value)) {
      return null;
    }
    try {
      return YearMonth.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("參數 " + name + " 應為月份 yyyy-MM,例如 2026-10:「" + value
          + "」/ " + name + " must be a month yyyy-MM");
    }
  }

  private static boolean bool(String name, String value) {
    if (blank(value)) {
      return false;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> throw new IllegalArgumentException("參數 " + name + " 應為 true 或 false:「" + value + "」/ "
          + name + " must be true or false");
    };
  }

  private static int integer(String name, String value, int absent) {
    if (blank(value)) {
      return absent;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("參數 " + name + " 應為整數:「" + value + "」/ " + name + " must be a whole number");
    }
  }

  private static <E extends Enum<E>> E named(Class<E> type, String name, String value) {
    if (blank(value)) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
      throw new IllegalArgumentException("參數 " + name + " 的值「" + value + "」不正確,應為 " + allowed
          + " 之一 / " + name + " must be one of " + allowed);
    }
  }

  private static ResponseEntity<byte[]> download(byte[] body, String contentType, String fileName) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(contentType))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .body(body);
  }
}

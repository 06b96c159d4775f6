package com.tobacco.cmw.complaint;

import com.tobacco.cmw.security.DataScope.Scope;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 《客戶投訴案件統計表》 (篇2 業務工作 3): the cases grouped by month of report × region × cause ×
 * brand. Each group counts the cases reported in it and, of those, the cases closed and closed
 * on time; sums the replaced quantity in cartons (10 packs = 1 carton); and gives the average and
 * the 90th percentile (nearest rank) of the resolution time in working days of its closed cases
 * ({@link ResolutionTime}) and the share closed on time. A totals row computes the same measures
 * over all the cases, not from the groups' figures.
 */
@Component
public class ComplaintStatistics {

  /** The cause of a case not inspected yet. */
  public static final String UNKNOWN_CAUSE = "UNKNOWN";
  public static final String UNKNOWN_CAUSE_NAME = "未查明";
  static final BigDecimal PACKS_PER_CARTON = BigDecimal.TEN;

  /** Days and percent are null when no case of the line is closed; month and dimensions are null on the totals line. */
  public record Line(YearMonth month, String regionCode, String regionName, String cause, String causeName,
                     String brandCode, String brandName, int reported, int closed, int closedOnTime, int open,
                     BigDecimal replacedCartons, BigDecimal averageResolutionDays, Integer p90ResolutionDays,
                     BigDecimal onTimePercent) {}

  public record Table(YearMonth from, YearMonth to, Instant asOf, List<Line> lines, Line total) {}

  private record Case(YearMonth month, String regionCode, String regionName, String cause, String brandCode,
                      String brandName, Instant reportedAt, Instant closedAt, Instant caseDueAt,
                      Integer replacedQuantity, String unit) {}

  private final JdbcTemplate jdbc;
  private final ComplaintRegister register;
  private final ResolutionTime resolution;

  public ComplaintStatistics(JdbcTemplate jdbc, ComplaintRegister register, ResolutionTime resolution) {
    this.jdbc = jdbc;
    this.register = register;
    this.resolution = resolution;
  }

  /** Months from–to both included (null: no bound); region, brand and cause narrow as in the register. */
  public Table compute(Scope scope, YearMonth from, YearMonth to, String region, String brand, ComplaintCause cause,
                       Instant asOf) {
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalArgumentException("結束月份早於開始月份 / month 'to' is before 'from': " + from + " – " + to);
    }
    ComplaintRegister.Filter filter = new ComplaintRegister.Filter(from == null ? null : from.atDay(1),
        to == null ? null : to.atEndOfMonth(), region, null, null, brand, cause, null, false, null, null);
    List<Object> args = new ArrayList<>();
    String where = register.where(scope, filter, asOf, args);
    List<Case> cases = jdbc.query("SELECT c.region_code, r.name AS region_name, c.cause, c.brand_code, b.name AS brand_name,"
        + " c.reported_at, c.closed_at, c.case_due_at, c.replaced_quantity, c.quantity_unit"
        + " FROM cm_complaint_case c"
        + " LEFT JOIN cm_region r ON r.region_code = c.region_code"
        + " LEFT JOIN cm_brand b ON b.brand_code = c.brand_code" + where,
        (rs, i) -> {
          Instant reported = rs.getTimestamp("reported_at").toInstant();
          int replaced = rs.getInt("replaced_quantity");
          Integer replacedQuantity = rs.wasNull() ? null : replaced;
          String c = rs.getString("cause");
          return new Case(YearMonth.from(resolution.day(reported)), rs.getString("region_code"), rs.getString("region_name"),
              c == null ? UNKNOWN_CAUSE : c, rs.getString("brand_code"), rs.getString("brand_name"), reported,
              ComplaintRegister.instant(rs, "closed_at"), ComplaintRegister.instant(rs, "case_due_at"),
              replacedQuantity, rs.getString("quantity_unit"));
        }, args.toArray());

    Map<List<String>, List<Case>> groups = new TreeMap<>(Comparator
        .<List<String>, String>comparing(k -> k.get(0))
        .thenComparing(k -> k.get(1))
        .thenComparingInt(k -> causeOrder(k.get(2)))
        .thenComparing(k -> k.get(3)));
    for (Case c : cases) {
      groups.computeIfAbsent(List.of(c.month().toString(), c.regionCode(), c.cause(), c.brandCode()), k -> new ArrayList<>()).add(c);
    }
    List<Line> lines = new ArrayList<>();
    for (List<Case> group : groups.values()) {
      Case first = group.get(0);
      lines.add(line(first.month(), first.regionCode(), first.regionName(), first.cause(), first.brandCode(), first.brandName(), group));
    }
    return new Table(from, to, asOf, lines, line(null, null, null, null, null, null, cases));
  }

  private Line line(YearMonth month, String region, String regionName, String cause, String brand, String brandName,
                    List<Case> cases) {
    int closed = 0;
    int onTime = 0;
    BigDecimal replaced = BigDecimal.ZERO.setScale(1);
    List<Integer> days = new ArrayList<>();
    for (Case c : cases) {
      if (c.replacedQuantity() != null) {
        replaced = replaced.add(cartons(c.replacedQuantity(), c.unit()));
      }
      if (c.closedAt() != null) {
        closed++;
        days.add(resolution.workingDays(c.reportedAt(), c.closedAt()));
        if (resolution.onTime(c.closedAt(), c.caseDueAt())) {
          onTime++;
        }
      }
    }
    String causeName = cause == null ? null
        : UNKNOWN_CAUSE.equals(cause) ? UNKNOWN_CAUSE_NAME : ComplaintRegister.causeName(cause);
    return new Line(month, region, regionName, cause, causeName, brand, brandName, cases.size(), closed, onTime,
        cases.size() - closed, replaced, average(days), p90(days), percent(onTime, closed));
  }

  /** A quantity in cartons: packs divided by 10, one decimal. */
  static BigDecimal cartons(int quantity, String unit) {
    BigDecimal q = BigDecimal.valueOf(quantity);
    return "PACK".equals(unit) ? q.divide(PACKS_PER_CARTON, 1, RoundingMode.HALF_UP) : q.setScale(1);
  }

  static BigDecimal average(List<Integer> days) {
    if (days.isEmpty()) {
      return null;
    }
    long sum = days.stream().mapToLong(Integer::longValue).sum();
    return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(days.size()), 1, RoundingMode.HALF_UP);
  }

  /** Nearest rank: the smallest value with at least 90 % of the values at or below it (rank ⌈0.9 n⌉). */
  static Integer p90(List<Integer> days) {
    if (days.isEmpty()) {
      return null;
    }
    List<Integer> sorted = days.stream().sorted().toList();
    int rank = (sorted.size() * 9 + 9) / 10;
    return sorted.get(rank - 1);
  }

  static BigDecimal percent(int part, int whole) {
    return whole == 0 ? null
        : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
  }

  private static int causeOrder(String cause) {
    try {
      return ComplaintCause.valueOf(cause).ordinal();
    } catch (IllegalArgumentException e) {
      return Integer.MAX_VALUE;
    }
  }
}

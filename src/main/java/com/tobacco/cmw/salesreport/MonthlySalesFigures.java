package com.tobacco.cmw.salesreport;

import com.tobacco.cmw.salesreport.MonthlyReportContent.BrandLine;
import com.tobacco.cmw.salesreport.MonthlyReportContent.CustomerChange;
import com.tobacco.cmw.salesreport.MonthlyReportContent.CustomerRef;
import com.tobacco.cmw.salesreport.MonthlyReportContent.SpecialVisitLine;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The report's figures for one customer manager, each one grouped query over
 * {@code cm_sales_month_summary} (see {@link SalesMonthSummary}) joined to the manager's
 * customers ({@code cm_customer.manager_id}, the assignment at drafting time).
 *
 * <p>Every query reaches the summary through its primary key, which starts with
 * {@code customer_code}: a draft then reads only the rows of the manager's ~150 customers, not
 * the whole month of all customers. H2 (2.3) picks its plan from its own estimates and, for a
 * join with a condition {@code month_start = ?} or {@code IN (…)} (also {@code BETWEEN ? AND ?}
 * of one month, which it turns into {@code =}), starts from the month index
 * {@code ix_month_summary_month} and visits every customer's row of the month (300,000 per month
 * at 15,000 customers); {@code customer_code IN (SELECT …)} with a parameter is no better. So the
 * months are always a range {@code s.month_start >= ? AND s.month_start < ?} or
 * {@code BETWEEN ? AND ?} of several months (the months wanted picked by {@code CASE} and
 * {@code HAVING}): H2 then runs the join from {@code ix_customer_manager} into the primary key.
 * Checked with {@code EXPLAIN ANALYZE} and thread dumps on the benchmark's
 * data set (docs/benchmarks.md).
 */
@Repository
public class MonthlySalesFigures {

  /** Cartons, amount and ordering customers of one month. */
  public record MonthTotal(BigDecimal cartons, BigDecimal amount, int customers) {}

  /** One price class in the month. */
  public record ClassTotal(int priceClass, BigDecimal cartons, BigDecimal amount) {}

  /** A price-check violation recorded on a visit of the month (§4.1.3 f). */
  public record PriceViolation(String customerCode, String storeName, String decision) {}

  private final JdbcTemplate jdbc;

  public MonthlySalesFigures(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  private static Date first(YearMonth m) {
    return Date.valueOf(m.atDay(1));
  }

  /** Per month in [from, to] with sales: the manager's totals. */
  public Map<YearMonth, MonthTotal> monthlyTotals(String managerId, YearMonth from, YearMonth to) {
    Map<YearMonth, MonthTotal> totals = new TreeMap<>();
    jdbc.query("SELECT s.month_start, SUM(s.cartons), SUM(s.amount), COUNT(DISTINCT s.customer_code) "
            + "FROM cm_sales_month_summary s JOIN cm_customer c ON c.customer_code = s.customer_code "
            + "WHERE c.manager_id = ? AND s.month_start BETWEEN ? AND ? GROUP BY s.month_start",
        rs -> {
          totals.put(YearMonth.from(rs.getDate(1).toLocalDate()),
              new MonthTotal(rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getInt(4)));
        }, managerId, first(from), first(to));
    return totals;
  }

  /** Cartons and amount per price class in the month. */
  public List<ClassTotal> byPriceClass(String managerId, YearMonth month) {
    return jdbc.query("SELECT b.price_class, SUM(s.cartons), SUM(s.amount) FROM cm_sales_month_summary s "
            + "JOIN cm_customer c ON c.customer_code = s.customer_code JOIN cm_brand b ON b.brand_code = s.brand_code "
            + "WHERE c.manager_id = ? AND s.month_start >= ? AND s.month_start < ? "
            + "GROUP BY b.price_class ORDER BY b.price_class",
        (rs, i) -> new ClassTotal(rs.getInt(1), rs.getBigDecimal(2), rs.getBigDecimal(3)),
        managerId, first(month), first(month.plusMonths(1)));
  }

  /**
   * Every brand sold in the month, the month before or the same month a year earlier, with its
   * cartons and amount in the month and its cartons in the two others; largest first. The share
   * is left zero here (the builder divides by the month's total).
   */
  public List<BrandLine> byBrand(String managerId, YearMonth month) {
    Date m = first(month);
    Date prev = first(month.minusMonths(1));
    Date lastYear = first(month.minusYears(1));
    return jdbc.query("SELECT b.brand_code, b.name, b.price_class, "
            + "SUM(CASE WHEN s.month_start = ? THEN s.cartons ELSE 0 END) AS cur, "
            + "SUM(CASE WHEN s.month_start = ? THEN s.amount ELSE 0 END), "
            + "SUM(CASE WHEN s.month_start = ? THEN s.cartons ELSE 0 END), "
            + "SUM(CASE WHEN s.month_start = ? THEN s.cartons ELSE 0 END) "
            + "FROM cm_sales_month_summary s JOIN cm_customer c ON c.customer_code = s.customer_code "
            + "JOIN cm_brand b ON b.brand_code = s.brand_code "
            + "WHERE c.manager_id = ? AND s.month_start BETWEEN ? AND ? "
            + "GROUP BY b.brand_code, b.name, b.price_class "
            + "HAVING SUM(CASE WHEN s.month_start IN (?, ?, ?) THEN 1 ELSE 0 END) > 0 ORDER BY 4 DESC, b.brand_code",
        (rs, i) -> new BrandLine(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getBigDecimal(4), rs.getBigDecimal(5),
            BigDecimal.ZERO, rs.getBigDecimal(6), rs.getBigDecimal(7)),
        m, m, prev, lastYear, managerId, lastYear, m, m, prev, lastYear);
  }

  /**
   * The customers whose cartons changed most against the month before: {@code growth} true for
   * the largest increases (change &gt; 0), false for the largest drops (change &lt; 0); ties by
   * customer code. A customer without orders in one of the two months counts 0 there.
   */
  public List<CustomerChange> largestChanges(String managerId, YearMonth month, boolean growth, int limit) {
    String filter = growth ? "t.cur - t.prev > 0 ORDER BY t.cur - t.prev DESC" : "t.cur - t.prev < 0 ORDER BY t.cur - t.prev ASC";
    return jdbc.query("SELECT t.customer_code, t.store_name, t.cur, t.prev FROM ("
            + "SELECT c.customer_code, c.store_name, SUM(CASE WHEN s.month_start = ? THEN s.cartons ELSE 0 END) AS cur, "
            + "SUM(CASE WHEN s.month_start = ? THEN s.cartons ELSE 0 END) AS prev "
            + "FROM cm_sales_month_summary s JOIN cm_customer c ON c.customer_code = s.customer_code "
            + "WHERE c.manager_id = ? AND s.month_start BETWEEN ? AND ? GROUP BY c.customer_code, c.store_name) t "
            + "WHERE " + filter + ", t.customer_code FETCH FIRST " + limit + " ROWS ONLY",
        (rs, i) -> {
          BigDecimal cur = rs.getBigDecimal(3);
          BigDecimal prev = rs.getBigDecimal(4);
          return new CustomerChange(rs.getString(1), rs.getString(2), cur, prev, cur.subtract(prev),
              MonthlyReportBuilder.percentChange(cur, prev));
        }, first(month), first(month.minusMonths(1)), managerId, first(month.minusMonths(1)), first(month));
  }

  /** Active customers of the manager, in the network by the month's end, without any order in the month. */
  public List<CustomerRef> withoutOrders(String managerId, YearMonth month) {
    return jdbc.query("SELECT c.customer_code, c.store_name, c.grade FROM cm_customer c "
            + "WHERE c.manager_id = ? AND c.status = 'ACTIVE' AND (c.entry_date IS NULL OR c.entry_date <= ?) "
            + "AND NOT EXISTS (SELECT 1 FROM cm_sales_month_summary s WHERE s.customer_code = c.customer_code "
            + "AND s.month_start = ?) ORDER BY c.customer_code",
        (rs, i) -> new CustomerRef(rs.getString(1), rs.getString(2), rs.getInt(3)),
        managerId, Date.valueOf(month.atEndOfMonth()), first(month));
  }

  /** The 特殊訪問記錄 reported in the month on visits of the manager (company time zone). */
  public List<SpecialVisitLine> specialVisits(String managerId, YearMonth month, ZoneId zone) {
    return jdbc.query("SELECT r.reported_at, r.customer_code, c.store_name, r.situation, r.handling "
            + "FROM cm_special_visit_record r JOIN cm_visit v ON v.id = r.visit_id "
            + "JOIN cm_customer c ON c.customer_code = r.customer_code "
            + "WHERE v.manager_id = ? AND r.reported_at >= ? AND r.reported_at < ? ORDER BY r.reported_at, r.id",
        (rs, i) -> new SpecialVisitLine(rs.getTimestamp(1).toInstant().atZone(zone).toLocalDate(), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5)),
        managerId, start(month, zone), start(month.plusMonths(1), zone));
  }

  /** Price violations found on the manager's visits opened in the month. */
  public List<PriceViolation> priceViolations(String managerId, YearMonth month, ZoneId zone) {
    return jdbc.query("SELECT d.customer_code, c.store_name, d.decision FROM cm_downgrade_request d "
            + "JOIN cm_visit v ON v.id = d.visit_id JOIN cm_customer c ON c.customer_code = d.customer_code "
            + "WHERE v.manager_id = ? AND v.created_at >= ? AND v.created_at < ? ORDER BY v.created_at, d.id",
        (rs, i) -> new PriceViolation(rs.getString(1), rs.getString(2), rs.getString(3)),
        managerId, start(month, zone), start(month.plusMonths(1), zone));
  }

  private static Timestamp start(YearMonth month, ZoneId zone) {
    return Timestamp.from(month.atDay(1).atStartOfDay(zone).toInstant());
  }
}

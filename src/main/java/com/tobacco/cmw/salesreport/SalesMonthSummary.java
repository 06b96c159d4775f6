package com.tobacco.cmw.salesreport;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Cartons and amount per customer, brand and month (table {@code cm_sales_month_summary}),
 * the only source of the report's figures. A month is summarised by one grouped
 * INSERT … SELECT over {@code cm_sales_line}; it is summarised again when the number of its sales
 * lines changed since (an import added lines) and always for the newest two months asked for
 * (late corrections). {@link #refresh(YearMonth)} re-summarises a month on demand, e.g. after an
 * import that changed amounts.
 */
@Repository
public class SalesMonthSummary {

  private static final Logger log = LoggerFactory.getLogger(SalesMonthSummary.class);

  private final JdbcTemplate jdbc;

  public SalesMonthSummary(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Makes the summary of the months [from, to] current; returns how many months were summarised. */
  public int ensure(YearMonth from, YearMonth to) {
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("from " + from + " is after " + to);
    }
    Map<YearMonth, Long> lines = new HashMap<>();
    jdbc.query("SELECT EXTRACT(YEAR FROM order_date), EXTRACT(MONTH FROM order_date), COUNT(*) FROM cm_sales_line "
            + "WHERE order_date >= ? AND order_date < ? GROUP BY EXTRACT(YEAR FROM order_date), EXTRACT(MONTH FROM order_date)",
        rs -> {
          lines.put(YearMonth.of(rs.getInt(1), rs.getInt(2)), rs.getLong(3));
        }, Date.valueOf(from.atDay(1)), Date.valueOf(to.plusMonths(1).atDay(1)));
    Map<YearMonth, Long> summarised = new HashMap<>();
    jdbc.query("SELECT month_start, sales_lines FROM cm_sales_month_summarised WHERE month_start BETWEEN ? AND ?",
        rs -> {
          summarised.put(YearMonth.from(rs.getDate(1).toLocalDate()), rs.getLong(2));
        }, Date.valueOf(from.atDay(1)), Date.valueOf(to.atDay(1)));
    int count = 0;
    for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
      long now = lines.getOrDefault(m, 0L);
      boolean recent = !m.isBefore(to.minusMonths(1));
      if (recent || !Long.valueOf(now).equals(summarised.get(m))) {
        summarise(m, now);
        count++;
      }
    }
    return count;
  }

  /** Summarises one month again from its sales lines. */
  public void refresh(YearMonth month) {
    Long lines = jdbc.queryForObject("SELECT COUNT(*) FROM cm_sales_line WHERE order_date >= ? AND order_date < ?",
        Long.class, Date.valueOf(month.atDay(1)), Date.valueOf(month.plusMonths(1).atDay(1)));
    summarise(month, lines == null ? 0 : lines);
  }

  private void summarise(YearMonth month, long lines) {
    long started = System.currentTimeMillis();
    Date start = Date.valueOf(month.atDay(1));
    jdbc.update("DELETE FROM cm_sales_month_summary WHERE month_start = ?", start);
    int rows = jdbc.update("INSERT INTO cm_sales_month_summary (month_start, customer_code, brand_code, cartons, amount) "
            + "SELECT CAST(? AS DATE), customer_code, brand_code, SUM(quantity_cartons), SUM(amount) FROM cm_sales_line "
            + "WHERE order_date >= ? AND order_date < ? GROUP BY customer_code, brand_code",
        start, start, Date.valueOf(month.plusMonths(1).atDay(1)));
    if (jdbc.update("UPDATE cm_sales_month_summarised SET sales_lines = ?, summarised_at = ? WHERE month_start = ?",
        lines, Timestamp.from(Instant.now()), start) == 0) {
      jdbc.update("INSERT INTO cm_sales_month_summarised (month_start, sales_lines, summarised_at) VALUES (?, ?, ?)",
          start, lines, Timestamp.from(Instant.now()));
    }
    log.debug("Sales of {} summarised: {} lines into {} rows in {} ms", month, lines, rows, System.currentTimeMillis() - started);
  }
}

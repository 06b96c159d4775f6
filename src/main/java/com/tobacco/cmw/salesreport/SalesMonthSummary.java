package com.tobacco.cmw.salesreport;

import java.math.BigDecimal;
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
 * INSERT … SELECT over {@code cm_sales_line}; it is summarised again when the fingerprint of its
 * sales lines (count, highest id, total cartons and amount) changed since, and always for the
 * newest two months asked for. {@link #refresh(YearMonth)} re-summarises a month on demand.
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
    Map<YearMonth, Fingerprint> now = new HashMap<>();
    jdbc.query("SELECT EXTRACT(YEAR FROM order_date), EXTRACT(MONTH FROM order_date), COUNT(*), MAX(id), "
            + "SUM(quantity_cartons), SUM(amount) FROM cm_sales_line WHERE order_date >= ? AND order_date < ? "
            + "GROUP BY EXTRACT(YEAR FROM order_date), EXTRACT(MONTH FROM order_date)",
        rs -> {
          now.put(YearMonth.of(rs.getInt(1), rs.getInt(2)),
              new Fingerprint(rs.getLong(3), rs.getLong(4), rs.getBigDecimal(5), rs.getBigDecimal(6)));
        }, Date.valueOf(from.atDay(1)), Date.valueOf(to.plusMonths(1).atDay(1)));
    Map<YearMonth, String> summarised = new HashMap<>();
    jdbc.query("SELECT month_start, fingerprint FROM cm_sales_month_summarised WHERE month_start BETWEEN ? AND ?",
        rs -> {
          summarised.put(YearMonth.from(rs.getDate(1).toLocalDate()), rs.getString(2));
        }, Date.valueOf(from.atDay(1)), Date.valueOf(to.atDay(1)));
    int count = 0;
    for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
      Fingerprint f = now.getOrDefault(m, Fingerprint.EMPTY);
      boolean recent = !m.isBefore(to.minusMonths(1));
      if (recent || !f.text().equals(summarised.get(m))) {
        summarise(m, f);
        count++;
      }
    }
    return count;
  }

  /** Summarises one month again from its sales lines. */
  public void refresh(YearMonth month) {
    Fingerprint f = jdbc.queryForObject("SELECT COUNT(*), MAX(id), SUM(quantity_cartons), SUM(amount) FROM cm_sales_line "
            + "WHERE order_date >= ? AND order_date < ?",
        (rs, i) -> new Fingerprint(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4)),
        Date.valueOf(month.atDay(1)), Date.valueOf(month.plusMonths(1).atDay(1)));
    summarise(month, f);
  }

  /** What a month's sales lines looked like: count, highest id, total cartons and amount. */
  record Fingerprint(long lines, long maxId, BigDecimal cartons, BigDecimal amount) {
    static final Fingerprint EMPTY = new Fingerprint(0, 0, null, null);

    String text() {
      return lines + "|" + maxId + "|" + plain(cartons) + "|" + plain(amount);
    }

    private static String plain(BigDecimal v) {
      return v == null ? "0" : v.stripTrailingZeros().toPlainString();
    }
  }

  private void summarise(YearMonth month, Fingerprint f) {
    long lines = f.lines();
    long started = System.currentTimeMillis();
    Date start = Date.valueOf(month.atDay(1));
    jdbc.update("DELETE FROM cm_sales_month_summary WHERE month_start = ?", start);
    int rows = jdbc.update("INSERT INTO cm_sales_month_summary (month_start, customer_code, brand_code, cartons, amount) "
            + "SELECT CAST(? AS DATE), customer_code, brand_code, SUM(quantity_cartons), SUM(amount) FROM cm_sales_line "
            + "WHERE order_date >= ? AND order_date < ? GROUP BY customer_code, brand_code",
        start, start, Date.valueOf(month.plusMonths(1).atDay(1)));
    if (jdbc.update("UPDATE cm_sales_month_summarised SET sales_lines = ?, fingerprint = ?, summarised_at = ? "
        + "WHERE month_start = ?", lines, f.text(), Timestamp.from(Instant.now()), start) == 0) {
      jdbc.update("INSERT INTO cm_sales_month_summarised (month_start, sales_lines, fingerprint, summarised_at) "
          + "VALUES (?, ?, ?, ?)", start, lines, f.text(), Timestamp.from(Instant.now()));
    }
    log.debug("Sales of {} summarised: {} lines into {} rows in {} ms", month, lines, rows, System.currentTimeMillis() - started);
  }
}

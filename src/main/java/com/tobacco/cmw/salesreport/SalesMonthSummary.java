package com.tobacco.cmw.salesreport;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Cartons and amount per customer, brand and month (table {@code cm_sales_month_summary}),
 * the only source of the report's figures. A month is summarised by one grouped
 * INSERT … SELECT over {@code cm_sales_line}. {@link #ensure} summarises the months never
 * summarised and the months marked changed since ({@code cm_sales_month_changed}, written by
 * every writer of sales lines through {@link com.tobacco.cmw.customer.SalesMonthChanges}); it
 * reads no sales line of a month that is summarised and unmarked. {@link #refresh(YearMonth)}
 * re-summarises a month on demand.
 */
@Repository
public class SalesMonthSummary {

  private static final Logger log = LoggerFactory.getLogger(SalesMonthSummary.class);

  private final JdbcTemplate jdbc;

  public SalesMonthSummary(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Makes the summary of the months [from, to] current; returns how many months were summarised.
   * The marks are read before any sales line and only the marks read are deleted, after the
   * month is summarised: a mark committed by an import while this runs stays for the next run.
   */
  public int ensure(YearMonth from, YearMonth to) {
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("from " + from + " is after " + to);
    }
    Date first = Date.valueOf(from.atDay(1));
    Date last = Date.valueOf(to.atDay(1));
    TreeMap<YearMonth, List<Long>> marked = new TreeMap<>();
    jdbc.query("SELECT month_start, id FROM cm_sales_month_changed WHERE month_start BETWEEN ? AND ?",
        rs -> {
          marked.computeIfAbsent(YearMonth.from(rs.getDate(1).toLocalDate()), m -> new ArrayList<>()).add(rs.getLong(2));
        }, first, last);
    Set<YearMonth> summarised = new HashSet<>();
    jdbc.query("SELECT month_start FROM cm_sales_month_summarised WHERE month_start BETWEEN ? AND ?",
        rs -> {
          summarised.add(YearMonth.from(rs.getDate(1).toLocalDate()));
        }, first, last);
    int count = 0;
    for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
      List<Long> marks = marked.get(m);
      if (marks != null || !summarised.contains(m)) {
        summarise(m);
        if (marks != null) {
          jdbc.batchUpdate("DELETE FROM cm_sales_month_changed WHERE id = ?", marks.stream().map(id -> new Object[] {id}).toList());
        }
        count++;
      }
    }
    log.debug("Sales summary {} … {}: {} months summarised ({} marked changed)", from, to, count, marked.size());
    return count;
  }

  /** Summarises one month again from its sales lines (its marks stay for the next {@link #ensure}). */
  public void refresh(YearMonth month) {
    summarise(month);
  }

  private void summarise(YearMonth month) {
    long started = System.currentTimeMillis();
    Date start = Date.valueOf(month.atDay(1));
    jdbc.update("DELETE FROM cm_sales_month_summary WHERE month_start = ?", start);
    int rows = jdbc.update("INSERT INTO cm_sales_month_summary (month_start, customer_code, brand_code, cartons, amount) "
            + "SELECT CAST(? AS DATE), customer_code, brand_code, SUM(quantity_cartons), SUM(amount) FROM cm_sales_line "
            + "WHERE order_date >= ? AND order_date < ? GROUP BY customer_code, brand_code",
        start, start, Date.valueOf(month.plusMonths(1).atDay(1)));
    Timestamp now = Timestamp.from(Instant.now());
    if (jdbc.update("UPDATE cm_sales_month_summarised SET summarised_at = ? WHERE month_start = ?", now, start) == 0) {
      jdbc.update("INSERT INTO cm_sales_month_summarised (month_start, summarised_at) VALUES (?, ?)", start, now);
    }
    log.debug("Sales of {} summarised into {} rows in {} ms", month, rows, System.currentTimeMillis() - started);
  }
}

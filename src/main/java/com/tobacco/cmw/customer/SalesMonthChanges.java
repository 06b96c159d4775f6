package com.tobacco.cmw.customer;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Marks months whose sales lines ({@code cm_sales_line}) changed, in {@code cm_sales_month_changed}:
 * the monthly summary summarises a marked month again at its next run and reads no month that is
 * summarised and unmarked. Every writer of sales lines marks the months of the lines it inserts,
 * replaces (old and new date) or deletes, in its own transaction, once per month at the end.
 */
public final class SalesMonthChanges {

  private final JdbcTemplate jdbc;

  public SalesMonthChanges(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Marks the months; one plain INSERT per distinct month (a month marked twice is harmless). */
  public void mark(Collection<YearMonth> months) {
    List<Object[]> rows = new ArrayList<>();
    for (YearMonth m : new TreeSet<>(months)) {
      rows.add(new Object[] {Date.valueOf(m.atDay(1))});
    }
    if (!rows.isEmpty()) {
      jdbc.batchUpdate("INSERT INTO cm_sales_month_changed (month_start) VALUES (?)", rows);
    }
  }

  /** Marks the months of these order dates. */
  public void markDays(Collection<LocalDate> days) {
    mark(days.stream().map(YearMonth::from).toList());
  }
}

package com.tobacco.cmw.enrollment;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Per-year counters of the enrollment ({@code cm_enrollment_counter}): application numbers
 * RW-yyyy-nnnnn and the serial of new customer codes. The same approach as the complaint's case
 * numbers: the counter row is incremented in the caller's transaction, which locks it until that
 * transaction ends, so numbers are gap-free (a failed start rolls its increment back) and
 * concurrent callers queue; the first number of a year creates the row, and two callers racing
 * for it both end up incrementing the one row. H2's lock timeout is raised for this connection,
 * as queued starts may wait longer than its one-second default.
 */
@Component
public class YearCounters {

  public static final String APPLICATION = "RW";
  public static final String CUSTOMER = "CUSTOMER";
  static final int H2_LOCK_TIMEOUT_MS = 30_000;
  private static final int MAX_ATTEMPTS = 20;

  private final JdbcTemplate jdbc;
  private final boolean postgres;

  public YearCounters(JdbcTemplate jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.postgres = product(dataSource).contains("postgres");
  }

  public boolean postgres() {
    return postgres;
  }

  /** Lets this connection wait for row locks as long as a queue of starts may take (H2 only). */
  void waitForLocks() {
    if (!postgres) {
      jdbc.execute("SET LOCK_TIMEOUT " + H2_LOCK_TIMEOUT_MS);
    }
  }

  /** The next number (1, 2, …) of the counter in the year, in the caller's transaction. */
  public int next(String counter, int year) {
    waitForLocks();
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (jdbc.update("UPDATE cm_enrollment_counter SET last_number = last_number + 1 WHERE counter_name = ? "
          + "AND counter_year = ?", counter, year) == 1) {
        return jdbc.queryForObject("SELECT last_number FROM cm_enrollment_counter WHERE counter_name = ? "
            + "AND counter_year = ?", Integer.class, counter, year);
      }
      createYear(counter, year);
    }
    throw new IllegalStateException("no " + counter + " number for " + year + " after " + MAX_ATTEMPTS + " attempts");
  }

  /** An application number: {@code RW-2026-00001}. */
  public static String applicationNo(int year, int seq) {
    if (seq < 1 || seq > 99_999) {
      throw new IllegalStateException("application number " + seq + " of " + year + " outside 1–99999");
    }
    return String.format(Locale.ROOT, "RW-%04d-%05d", year, seq);
  }

  /** A customer code: {@code C} + two-digit year + five-digit serial, e.g. {@code C2600001}. */
  public static String customerCode(int year, int seq) {
    if (seq < 1 || seq > 99_999) {
      throw new IllegalStateException("customer serial " + seq + " of " + year + " outside 1–99999");
    }
    return String.format(Locale.ROOT, "C%02d%05d", year % 100, seq);
  }

  private void createYear(String counter, int year) {
    if (postgres) {
      jdbc.update("INSERT INTO cm_enrollment_counter (counter_name, counter_year, last_number) VALUES (?, ?, 0) "
          + "ON CONFLICT (counter_name, counter_year) DO NOTHING", counter, year);
      return;
    }
    try {
      jdbc.update("INSERT INTO cm_enrollment_counter (counter_name, counter_year, last_number) VALUES (?, ?, 0)",
          counter, year);
    } catch (DuplicateKeyException e) {
      // another caller created the year's row: increment it
    }
  }

  private static String product(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot tell the database vendor", e);
    }
  }
}

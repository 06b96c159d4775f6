package com.tobacco.cmw.complaint;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Case numbers {@code ZL-yyyy-nnnnn}: per year, gap-free and unique, also under concurrent starts.
 *
 * <p>The number is taken in the transaction that starts the case: the year's row in
 * {@code cm_complaint_number} is incremented, which locks it until that transaction ends. A start
 * that fails rolls the increment back with everything else, so no number is lost; concurrent
 * starts wait for the lock one after the other. The first number of a year creates the row;
 * two starts racing for it both end up incrementing the one row (PostgreSQL: insert
 * {@code ON CONFLICT DO NOTHING}, which waits for the other insert; H2: a duplicate key is
 * ignored and the increment retried).
 *
 * <p>H2 gives up waiting for a row lock after one second by default, too short when twenty
 * starts queue for the same row on a busy machine; this session's lock timeout is raised to
 * {@link #H2_LOCK_TIMEOUT_MS} first (the setting belongs to the connection, not the transaction).
 */
@Component
public class CaseNumbers {

  static final int H2_LOCK_TIMEOUT_MS = 30_000;
  private static final int MAX_ATTEMPTS = 20;

  private final JdbcTemplate jdbc;
  private final boolean postgres;

  public CaseNumbers(JdbcTemplate jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.postgres = product(dataSource).contains("postgres");
  }

  /** The next number of the year, in the caller's transaction: {@code ZL-2026-00001}. */
  public CaseNumber next(int year) {
    if (!postgres) {
      jdbc.execute("SET LOCK_TIMEOUT " + H2_LOCK_TIMEOUT_MS);
    }
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (jdbc.update("UPDATE cm_complaint_number SET last_number = last_number + 1 WHERE case_year = ?", year) == 1) {
        Integer seq = jdbc.queryForObject("SELECT last_number FROM cm_complaint_number WHERE case_year = ?",
            Integer.class, year);
        return new CaseNumber(year, seq);
      }
      createYear(year);
    }
    throw new IllegalStateException("no case number for " + year + " after " + MAX_ATTEMPTS + " attempts");
  }

  private void createYear(int year) {
    if (postgres) {
      jdbc.update("INSERT INTO cm_complaint_number (case_year, last_number) VALUES (?, 0) ON CONFLICT (case_year) DO NOTHING",
          year);
      return;
    }
    try {
      jdbc.update("INSERT INTO cm_complaint_number (case_year, last_number) VALUES (?, 0)", year);
    } catch (DuplicateKeyException e) {
      // another start created the year's row: increment it
    }
  }

  /** A case number: the year and its serial. */
  public record CaseNumber(int year, int seq) {
    public CaseNumber {
      if (seq < 1 || seq > 99_999) {
        throw new IllegalStateException("case number " + seq + " of " + year + " outside 1–99999");
      }
    }

    public String text() {
      return String.format(Locale.ROOT, "ZL-%04d-%05d", year, seq);
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

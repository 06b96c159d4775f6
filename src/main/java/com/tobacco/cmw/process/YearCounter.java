package com.tobacco.cmw.process;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gap-free numbers per year (complaint case numbers, enrollment application numbers, new
 * customer codes), one counter row per key in a table with a {@code last_number} column.
 *
 * <p>The number is taken in the caller's transaction: the row is incremented, which locks it
 * until that transaction ends. A start that fails rolls the increment back with everything else,
 * so no number is lost; concurrent callers wait for the lock one after the other. The first
 * number of a year creates the row; two callers racing for it both end up incrementing the one
 * row (PostgreSQL: insert {@code ON CONFLICT DO NOTHING}, which waits for the other insert; H2: a
 * duplicate key is ignored and the increment retried).
 *
 * <p>H2 gives up waiting for a row lock after one second by default, too short when twenty
 * starts queue for the same row on a busy machine; this session's lock timeout is raised to
 * {@link #H2_LOCK_TIMEOUT_MS} first (the setting belongs to the connection, not the transaction).
 */
@Component
public class YearCounter {

  /** A counter table and the columns of its key, e.g. {@code cm_complaint_number (case_year)}. */
  public record Table(String name, List<String> keyColumns) {}

  static final int H2_LOCK_TIMEOUT_MS = 30_000;
  private static final int MAX_ATTEMPTS = 20;

  private final JdbcTemplate jdbc;
  private final boolean postgres;

  public YearCounter(JdbcTemplate jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.postgres = product(dataSource).contains("postgres");
  }

  /** Whether the database is PostgreSQL (a failed statement there ends the transaction). */
  public boolean postgres() {
    return postgres;
  }

  /** Lets this connection wait for row locks as long as a queue of starts may take (H2 only). */
  public void waitForLocks() {
    if (!postgres) {
      jdbc.execute("SET LOCK_TIMEOUT " + H2_LOCK_TIMEOUT_MS);
    }
  }

  /** The next number (1, 2, …) of the row with these key values, in the caller's transaction. */
  public int next(Table table, Object... key) {
    String where = String.join(" = ? AND ", table.keyColumns()) + " = ?";
    waitForLocks();
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (jdbc.update("UPDATE " + table.name() + " SET last_number = last_number + 1 WHERE " + where, key) == 1) {
        return jdbc.queryForObject("SELECT last_number FROM " + table.name() + " WHERE " + where, Integer.class, key);
      }
      createRow(table, key);
    }
    throw new IllegalStateException("no number from " + table.name() + " for " + List.of(key) + " after "
        + MAX_ATTEMPTS + " attempts");
  }

  private void createRow(Table table, Object... key) {
    List<String> columns = new ArrayList<>(table.keyColumns());
    String insert = "INSERT INTO " + table.name() + " (" + String.join(", ", columns) + ", last_number) VALUES ("
        + "?, ".repeat(columns.size()) + "0)";
    if (postgres) {
      jdbc.update(insert + " ON CONFLICT (" + String.join(", ", columns) + ") DO NOTHING", key);
      return;
    }
    try {
      jdbc.update(insert, key);
    } catch (DuplicateKeyException e) {
      // another caller created the row: increment it
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

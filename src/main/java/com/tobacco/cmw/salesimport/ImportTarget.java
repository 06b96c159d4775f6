package com.tobacco.cmw.salesimport;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One import into one kind of master or sales data: checks each row (with the master data it
 * needs loaded once), writes the valid rows in batches, checks them together and merges them.
 */
abstract class ImportTarget {

  /** A row found wrong by a check over the staged rows. */
  @FunctionalInterface
  interface RejectSink {
    void reject(long row, String reason);
  }

  /** Rows written (new and replaced) and of them the rows that replaced an existing one. */
  record Merged(long imported, long replaced) {}

  protected final JdbcTemplate jdbc;
  protected final long importId;

  ImportTarget(JdbcTemplate jdbc, long importId) {
    this.jdbc = jdbc;
    this.importId = importId;
  }

  abstract List<Column> columns();

  /** The row's values (import id and row number first), or null when a reason was added. */
  abstract Object[] validate(long row, Values values);

  /** Writes a batch of valid rows; a row found wrong here (a duplicate) is rejected through the sink. */
  abstract void write(List<Object[]> batch, RejectSink sink);

  /** Checks over all written rows together, after the last batch. */
  abstract void checkWritten(RejectSink sink);

  /** Makes the written rows count (partial import: without the rows the checks rejected). */
  abstract Merged merge(String user, java.util.Set<Long> rejectedRows);
}

package com.tobacco.cmw.salesimport;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One import into one kind of master or sales data: checks each row (with the master data it
 * needs loaded once), the SQL of its staging table, the checks over all staged rows and the
 * set-based merge into the real table.
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

  abstract String stageTable();

  /** INSERT into the staging table; its first two parameters are import_id and row_no. */
  abstract String stageInsertSql();

  /** The staging row's parameters (import id and row number first), or null when a reason was added. */
  abstract Object[] validate(long row, Values values);

  /** Checks over all staged rows together (duplicates within the file, conflicts with stored data). */
  abstract void checkStaged(RejectSink sink);

  /** Writes the staged rows into the real table, replacing rows with the same key. */
  abstract Merged merge(String user);

  /** Removes one staged row (partial import of a row a staged check rejected). */
  void unstage(long row) {
    jdbc.update("DELETE FROM " + stageTable() + " WHERE import_id = ? AND row_no = ?", importId, row);
  }

  void clearStage() {
    jdbc.update("DELETE FROM " + stageTable() + " WHERE import_id = ?", importId);
  }

  /** Rows of the stage sharing a key: every row after the first is a duplicate of the first. */
  protected void duplicates(String keyColumn, String zh, String en, RejectSink sink) {
    duplicates(keyColumn, (key, first) -> "與第 " + first + " 行重複(" + zh + ")/ duplicate of row " + first + " (" + en + ")", sink);
  }

  /** The reason of a duplicate, from its key and the row it repeats. */
  @FunctionalInterface
  interface DuplicateReason {
    String of(String key, long firstRow);
  }

  /**
   * Keys that occur more than once, in one grouped query that H2 answers from the index
   * (import_id, key) as a stream (import_id is grouped too so the index matches the grouping);
   * then the repeating rows of each such key.
   */
  protected void duplicates(String keyColumn, DuplicateReason reason, RejectSink sink) {
    String t = stageTable();
    java.util.List<Object[]> repeated = new java.util.ArrayList<>();
    jdbc.query("SELECT " + keyColumn + ", MIN(row_no) FROM " + t + " WHERE import_id = ? GROUP BY import_id, " + keyColumn
        + " HAVING COUNT(*) > 1", rs -> {
          repeated.add(new Object[] {rs.getString(1), rs.getLong(2)});
        }, importId);
    for (Object[] key : repeated) {
      long first = (Long) key[1];
      for (Long row : jdbc.queryForList("SELECT row_no FROM " + t + " WHERE import_id = ? AND " + keyColumn + " = ? AND row_no > ? "
          + "ORDER BY row_no", Long.class, importId, key[0], first)) {
        sink.reject(row, reason.of((String) key[0], first));
      }
    }
  }
}

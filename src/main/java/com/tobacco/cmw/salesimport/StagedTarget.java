package com.tobacco.cmw.salesimport;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An import through a staging table: batches are written there, checked together in SQL
 * (duplicates, conflicts with stored data) and merged into the real table with one statement.
 * Used for customers and brands, whose merge updates rows in place.
 */
abstract class StagedTarget extends ImportTarget {

  StagedTarget(JdbcTemplate jdbc, long importId) {
    super(jdbc, importId);
  }

  abstract String stageTable();

  /** INSERT into the staging table; its first two parameters are import_id and row_no. */
  abstract String stageInsertSql();

  /** Merges the staged rows into the real table. */
  abstract Merged mergeStaged(String user);

  @Override
  void write(List<Object[]> batch, RejectSink sink) {
    jdbc.batchUpdate(stageInsertSql(), batch);
  }

  @Override
  Merged merge(String user, Set<Long> rejectedRows) {
    for (Long row : rejectedRows) {
      jdbc.update("DELETE FROM " + stageTable() + " WHERE import_id = ? AND row_no = ?", importId, row);
    }
    Merged merged = mergeStaged(user);
    jdbc.update("DELETE FROM " + stageTable() + " WHERE import_id = ?", importId);
    return merged;
  }

  /** Rows of the stage sharing a key: every row after the first is a duplicate of the first. */
  protected void duplicates(String keyColumn, String zh, String en, RejectSink sink) {
    String t = stageTable();
    List<Object[]> repeated = new ArrayList<>();
    jdbc.query("SELECT " + keyColumn + ", MIN(row_no) FROM " + t + " WHERE import_id = ? GROUP BY import_id, " + keyColumn
        + " HAVING COUNT(*) > 1", rs -> {
          repeated.add(new Object[] {rs.getString(1), rs.getLong(2)});
        }, importId);
    for (Object[] key : repeated) {
      long first = (Long) key[1];
      for (Long row : jdbc.queryForList("SELECT row_no FROM " + t + " WHERE import_id = ? AND " + keyColumn + " = ? AND row_no > ? "
          + "ORDER BY row_no", Long.class, importId, key[0], first)) {
        sink.reject(row, "與第 " + first + " 行重複(" + zh + ")/ duplicate of row " + first + " (" + en + ")");
      }
    }
  }
}

package com.tobacco.cmw.salesimport;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The log of imports (cm_import): who, when, which file and kind, encoding and counts. Written
 * outside the import's transaction, so a rejected or failed import is logged too.
 */
@Repository
public class ImportLog {

  public record Entry(long id, String kind, String fileName, String format, String encoding, String importedBy,
                      boolean partial, String status, long read, long imported, long replaced, long rejected,
                      String message, Instant startedAt, Instant finishedAt) {}

  private final JdbcTemplate jdbc;

  public ImportLog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  long start(ImportKind kind, String fileName, String user, boolean partial) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(c -> {
      var ps = c.prepareStatement("INSERT INTO cm_import (kind, file_name, imported_by, partial_allowed, status, started_at) "
          + "VALUES (?, ?, ?, ?, 'RUNNING', ?)", new String[] {"id"});
      ps.setString(1, kind.name());
      ps.setString(2, truncate(fileName, 255));
      ps.setString(3, user);
      ps.setBoolean(4, partial);
      ps.setTimestamp(5, Timestamp.from(Instant.now()));
      return ps;
    }, key);
    return key.getKey().longValue();
  }

  void finish(long id, FileFormat format, String encoding, String status, long read, long imported, long replaced,
              long rejected, String message) {
    jdbc.update("UPDATE cm_import SET file_format = ?, encoding = ?, status = ?, rows_read = ?, rows_imported = ?, "
            + "rows_replaced = ?, rows_rejected = ?, message = ?, finished_at = ? WHERE id = ?",
        format == null ? null : format.name(), encoding, status, read, imported, replaced, rejected, truncate(message, 1000),
        Timestamp.from(Instant.now()), id);
  }

  /** The newest imports first. */
  public List<Entry> recent(int limit) {
    return jdbc.query("SELECT id, kind, file_name, file_format, encoding, imported_by, partial_allowed, status, rows_read, "
            + "rows_imported, rows_replaced, rows_rejected, message, started_at, finished_at FROM cm_import "
            + "ORDER BY id DESC LIMIT ?",
        (rs, i) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getBoolean(7), rs.getString(8), rs.getLong(9), rs.getLong(10), rs.getLong(11),
            rs.getLong(12), rs.getString(13), rs.getTimestamp(14).toInstant(),
            rs.getTimestamp(15) == null ? null : rs.getTimestamp(15).toInstant()),
        limit);
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}

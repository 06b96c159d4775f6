package com.tobacco.cmw.salesimport;

import java.util.List;

/**
 * The answer to an import: counts, and the rejected rows with their reasons (at most
 * {@code cmw.import.max-reported-rejects}, lowest row numbers first; {@code rejected} counts all).
 *
 * @param read     data rows read (blank rows are skipped)
 * @param imported rows written, new and replaced
 * @param replaced of the rows written, those that replaced a stored row with the same key
 * @param rejected rows rejected
 */
public record ImportReport(long importId, ImportKind kind, String fileName, FileFormat format, String encoding,
                           boolean partial, Status status, long read, long imported, long replaced, long rejected,
                           List<Reject> rejects, boolean rejectsTruncated, String message) {

  /** A rejected row: its number as the user sees it in the file (header = row 1) and why. */
  public record Reject(long row, String reason) {}

  public enum Status {
    /** every row imported */
    IMPORTED,
    /** partial import: the valid rows imported, the others rejected */
    PARTIAL,
    /** rows had errors and partial import was not asked for: nothing imported */
    REJECTED
  }
}

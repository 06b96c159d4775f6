package com.tobacco.cmw.salesimport;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads a file row by row without holding it in memory; the first row is the header. Row
 * numbers are those the user sees in Excel: the header is row 1.
 */
interface RowReader {

  @FunctionalInterface
  interface RowHandler {
    void row(long rowNumber, List<String> cells);
  }

  void read(Path file, RowHandler handler);
}

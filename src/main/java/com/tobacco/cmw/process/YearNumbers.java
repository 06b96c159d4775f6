package com.tobacco.cmw.process;

import java.util.List;
import java.util.Locale;

/**
 * One series of readable per-year numbers {@code PREFIX-yyyy-nnnnn} — complaint cases (ZL),
 * promotion campaigns (CX), unlicensed-seller reports (WZ), satisfaction evaluations (MY) — each on
 * its own counter table with one year column. Numbers are gap-free and unique, also under
 * concurrent starts ({@link YearCounter}): a number is taken in the transaction that starts the
 * instance, so a refused start gives it back. Each series is a small Spring bean extending this.
 */
public class YearNumbers {

  /** A number of a series: prefix, year and the serial 1–99999. */
  public record Number(String prefix, int year, int seq) {
    public Number {
      if (seq < 1 || seq > 99_999) {
        throw new IllegalStateException(prefix + " number " + seq + " of " + year + " outside 1–99999");
      }
    }

    /** E.g. {@code ZL-2026-00001}. */
    public String text() {
      return String.format(Locale.ROOT, "%s-%04d-%05d", prefix, year, seq);
    }
  }

  private final YearCounter counter;
  private final YearCounter.Table table;
  private final String prefix;

  protected YearNumbers(YearCounter counter, String tableName, String yearColumn, String prefix) {
    this.counter = counter;
    this.table = new YearCounter.Table(tableName, List.of(yearColumn));
    this.prefix = prefix;
  }

  /** The next number of the year, in the caller's transaction. */
  public Number next(int year) {
    return new Number(prefix, year, counter.next(table, year));
  }
}

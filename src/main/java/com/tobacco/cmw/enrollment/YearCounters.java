package com.tobacco.cmw.enrollment;

import com.tobacco.cmw.process.YearCounter;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Per-year counters of the enrollment ({@code cm_enrollment_counter}, gap-free by
 * {@link YearCounter}): application numbers RW-yyyy-nnnnn and the serial of new customer codes.
 */
@Component
public class YearCounters {

  public static final String APPLICATION = "RW";
  public static final String CUSTOMER = "CUSTOMER";
  static final YearCounter.Table TABLE = new YearCounter.Table("cm_enrollment_counter",
      List.of("counter_name", "counter_year"));

  private final YearCounter counter;

  public YearCounters(YearCounter counter) {
    this.counter = counter;
  }

  public boolean postgres() {
    return counter.postgres();
  }

  /** Lets this connection wait for row locks as long as a queue of starts may take (H2 only). */
  void waitForLocks() {
    counter.waitForLocks();
  }

  /** The next number (1, 2, …) of the counter in the year, in the caller's transaction. */
  public int next(String name, int year) {
    return counter.next(TABLE, name, year);
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
}

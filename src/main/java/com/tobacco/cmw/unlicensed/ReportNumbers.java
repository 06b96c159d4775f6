package com.tobacco.cmw.unlicensed;

import com.tobacco.cmw.process.YearCounter;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Case numbers {@code WZ-yyyy-nnnnn} (無證): per year, gap-free and unique, also under concurrent
 * starts ({@link YearCounter} on {@code cm_unlicensed_number}, taken in the transaction that opens
 * the report, so a refused start gives its number back).
 */
@Component
public class ReportNumbers {

  static final YearCounter.Table TABLE = new YearCounter.Table("cm_unlicensed_number", List.of("case_year"));

  private final YearCounter counter;

  public ReportNumbers(YearCounter counter) {
    this.counter = counter;
  }

  /** The next number of the year, in the caller's transaction. */
  public Number next(int year) {
    return new Number(year, counter.next(TABLE, year));
  }

  /** A case number: the year and its serial. */
  public record Number(int year, int seq) {
    public Number {
      if (seq < 1 || seq > 99_999) {
        throw new IllegalStateException("report number " + seq + " of " + year + " outside 1–99999");
      }
    }

    public String text() {
      return String.format(Locale.ROOT, "WZ-%04d-%05d", year, seq);
    }
  }
}

package com.tobacco.cmw.complaint;

import com.tobacco.cmw.process.YearCounter;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Case numbers {@code ZL-yyyy-nnnnn}: per year, gap-free and unique, also under concurrent starts
 * ({@link YearCounter} on {@code cm_complaint_number}, taken in the transaction that starts the
 * case).
 */
@Component
public class CaseNumbers {

  static final YearCounter.Table TABLE = new YearCounter.Table("cm_complaint_number", List.of("case_year"));

  private final YearCounter counter;

  public CaseNumbers(YearCounter counter) {
    this.counter = counter;
  }

  /** The next number of the year, in the caller's transaction: {@code ZL-2026-00001}. */
  public CaseNumber next(int year) {
    return new CaseNumber(year, counter.next(TABLE, year));
  }

  /** A case number: the year and its serial. */
  public record CaseNumber(int year, int seq) {
    public CaseNumber {
      if (seq < 1 || seq > 99_999) {
        throw new IllegalStateException("case number " + seq + " of " + year + " outside 1–99999");
      }
    }

    public String text() {
      return String.format(Locale.ROOT, "ZL-%04d-%05d", year, seq);
    }
  }
}

package com.tobacco.cmw.promotion;

import com.tobacco.cmw.process.YearCounter;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Campaign numbers {@code CX-yyyy-nnnnn}: per year, gap-free and unique ({@link YearCounter} on
 * {@code cm_promotion_number}, taken in the transaction that starts the campaign: a refused start
 * takes no number).
 */
@Component
public class CampaignNumbers {

  static final YearCounter.Table TABLE = new YearCounter.Table("cm_promotion_number", List.of("campaign_year"));

  private final YearCounter counter;

  public CampaignNumbers(YearCounter counter) {
    this.counter = counter;
  }

  /** The next number of the year in the caller's transaction. */
  public Number next(int year) {
    return new Number(year, counter.next(TABLE, year));
  }

  /** A campaign number: the year and its serial. */
  public record Number(int year, int seq) {
    public Number {
      if (seq < 1 || seq > 99_999) {
        throw new IllegalStateException("campaign number " + seq + " of " + year + " outside 1–99999");
      }
    }

    public String text() {
      return String.format(Locale.ROOT, "CX-%04d-%05d", year, seq);
    }
  }
}

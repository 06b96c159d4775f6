package com.tobacco.cmw.satisfaction;

import com.tobacco.cmw.process.YearCounter;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Evaluation numbers {@code MY-yyyy-nnnnn} (滿意度), the business key of a satisfaction evaluation:
 * per year, gap-free ({@link YearCounter} on {@code cm_satisfaction_number}, taken in the
 * transaction that loads the survey, so a refused survey gives its number back).
 */
@Component
public class EvaluationNumbers {

  static final YearCounter.Table TABLE = new YearCounter.Table("cm_satisfaction_number", List.of("eval_year"));

  private final YearCounter counter;

  public EvaluationNumbers(YearCounter counter) {
    this.counter = counter;
  }

  public String next(int year) {
    int seq = counter.next(TABLE, year);
    if (seq > 99_999) {
      throw new IllegalStateException("evaluation number " + seq + " of " + year + " outside 1–99999");
    }
    return String.format(Locale.ROOT, "MY-%04d-%05d", year, seq);
  }
}

package com.tobacco.cmw.salesreport;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The forecast of a month's volume (or amount) from the months before it, and its back-test.
 *
 * <p>Method "同期 × 近三月同比" (seasonal naive with trend): the same month a year earlier, times
 * the growth of the last three months against the same three months a year earlier:
 * <pre>F(t) = A(t−12) × (A(t−1) + A(t−2) + A(t−3)) / (A(t−13) + A(t−14) + A(t−15))</pre>
 * Tobacco sales have a strong yearly season (Spring Festival peak, summer dip, National Day lift):
 * the same month last year carries the season, the trailing-quarter ratio carries the trend and
 * is steadier than one month's ratio. It needs 15 months of history. A missing month (no sales
 * known) or a zero base gives no forecast.
 */
public final class SalesForecast {

  public static final String METHOD = "同期×近三月同比增長 (seasonal naive × trailing-3-month year-on-year growth)";
  static final int HISTORY_MONTHS = 15;

  private SalesForecast() {}

  /** The forecast of {@code target} from the values of the months before it; empty without enough history. */
  public static Optional<BigDecimal> forecast(Map<YearMonth, BigDecimal> actual, YearMonth target) {
    BigDecimal sameMonthLastYear = actual.get(target.minusMonths(12));
    BigDecimal recent = sum(actual, target, 1);
    BigDecimal yearBefore = sum(actual, target, 13);
    if (sameMonthLastYear == null || recent == null || yearBefore == null || yearBefore.signum() == 0) {
      return Optional.empty();
    }
    return Optional.of(sameMonthLastYear.multiply(recent).divide(yearBefore, MathContext.DECIMAL64)
        .setScale(2, RoundingMode.HALF_UP));
  }

  /** A(t−first) + A(t−first−1) + A(t−first−2), or null if one is missing. */
  private static BigDecimal sum(Map<YearMonth, BigDecimal> actual, YearMonth target, int first) {
    BigDecimal total = BigDecimal.ZERO;
    for (int i = first; i < first + 3; i++) {
      BigDecimal v = actual.get(target.minusMonths(i));
      if (v == null) {
        return null;
      }
      total = total.add(v);
    }
    return total;
  }

  /** One back-tested month. */
  public record Trial(YearMonth month, BigDecimal forecast, BigDecimal actual, BigDecimal absolutePercentError) {}

  /** The trials and their mean absolute percentage error (null when no month could be tested). */
  public record BackTest(List<Trial> trials, BigDecimal mapePercent) {
    public int months() {
      return trials.size();
    }
  }

  /**
   * Back-test over the {@code months} months ending with {@code last}: each month is forecast from
   * the months before it only and compared with what happened. Months without a forecast or with
   * no sales are left out.
   */
  public static BackTest backTest(Map<YearMonth, BigDecimal> actual, YearMonth last, int months) {
    if (months < 1) {
      throw new IllegalArgumentException("months must be at least 1: " + months);
    }
    List<Trial> trials = new ArrayList<>();
    for (YearMonth m = last.minusMonths(months - 1L); !m.isAfter(last); m = m.plusMonths(1)) {
      BigDecimal a = actual.get(m);
      Optional<BigDecimal> f = forecast(actual, m);
      if (a != null && a.signum() > 0 && f.isPresent()) {
        trials.add(new Trial(m, f.get(), a, f.get().subtract(a).abs().multiply(BigDecimal.valueOf(100))
            .divide(a, 4, RoundingMode.HALF_UP)));
      }
    }
    if (trials.isEmpty()) {
      return new BackTest(List.of(), null);
    }
    BigDecimal total = trials.stream().map(Trial::absolutePercentError).reduce(BigDecimal.ZERO, BigDecimal::add);
    return new BackTest(List.copyOf(trials), total.divide(BigDecimal.valueOf(trials.size()), 2, RoundingMode.HALF_UP));
  }
}

package com.tobacco.cmw.salesreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The forecast method "同期 × 近三月同比" and its back-test, on hand-computed series. */
class SalesForecastTest {

  private static final YearMonth FIRST = YearMonth.of(2024, 1);

  /** months 2024-01 … 2024-01 + n − 1 with value(i), i = 0 for the first month. */
  private static Map<YearMonth, BigDecimal> series(int n, IntFunction<Number> value) {
    Map<YearMonth, BigDecimal> s = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      s.put(FIRST.plusMonths(i), new BigDecimal(value.apply(i).toString()));
    }
    return s;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      // case, series (value of month i), months of history, target month index, expected forecast (blank = none)
      "'flat: the same as last year', flat, 15, 15, 100.00",
      "'linear 100+i: 103 × (114+113+112)/(102+101+100)', linear, 15, 15, 115.24",
      "'linear, a later month: 112 × (123+122+121)/(111+110+109)', linear, 24, 24, 124.22",
      "'a year that doubled: 100 × (300/150)', yearly, 24, 24, 200.00",
      "'14 months are not enough', flat, 14, 14, ",
      "'a zero base gives no forecast', zeroBase, 15, 15, "})
  void forecastsFromLastYearAndTheTrailingQuarter(String name, String shape, int months, int target, BigDecimal expected) {
    IntFunction<Number> value = switch (shape) {
      case "flat" -> i -> 100;
      case "linear" -> i -> 100 + i;
      case "yearly" -> i -> i < 12 ? 50 : 100;
      case "zeroBase" -> i -> i < 3 ? 0 : 100;
      default -> throw new IllegalArgumentException(shape);
    };
    var forecast = SalesForecast.forecast(series(months, value), FIRST.plusMonths(target));
    if (expected == null) {
      assertThat(forecast).isEmpty();
    } else {
      assertThat(forecast).hasValueSatisfying(f -> assertThat(f).isEqualByComparingTo(expected));
    }
  }

  @Test
  void aMissingMonthInTheWindowGivesNoForecast() {
    Map<YearMonth, BigDecimal> s = series(15, i -> 100);
    s.remove(FIRST.plusMonths(13));
    assertThat(SalesForecast.forecast(s, FIRST.plusMonths(15))).isEmpty();
  }

  @Test
  void aPerfectlySeasonalSeriesHasNoError() {
    // the same season every year, growing 10 % a year: the method is exact
    double[] season = {1.4, 1.2, 0.8, 0.9, 1.0, 0.9, 0.8, 0.9, 1.0, 1.1, 0.9, 1.1};
    Map<YearMonth, BigDecimal> s = series(36, i -> BigDecimal.valueOf(1000 * season[i % 12] * Math.pow(1.1, i / 12)));
    // within a year the trailing quarter may straddle two years: only months whose window lies in
    // one year-pair are exact, so test the months 3..11 of the third year
    SalesForecast.BackTest test = SalesForecast.backTest(s, FIRST.plusMonths(35), 9);
    assertThat(test.months()).isEqualTo(9);
    assertThat(test.mapePercent()).isEqualByComparingTo("0.00");
  }

  @Test
  void theBackTestAveragesTheAbsolutePercentErrors() {
    // flat 100 for 16 months, then 110 and 90: forecasts 100 and 100 → errors 9.09 % and 11.11 %
    Map<YearMonth, BigDecimal> s = series(18, i -> i == 16 ? 110 : i == 17 ? 90 : 100);
    SalesForecast.BackTest test = SalesForecast.backTest(s, FIRST.plusMonths(17), 2);
    assertThat(test.trials()).extracting(SalesForecast.Trial::month).containsExactly(FIRST.plusMonths(16), FIRST.plusMonths(17));
    assertThat(test.trials().get(0).forecast()).isEqualByComparingTo("100.00");
    // the second month's trailing quarter holds the 110: 100 × (110+100+100)/300 = 103.33
    assertThat(test.trials().get(1).forecast()).isEqualByComparingTo("103.33");
    assertThat(test.trials().get(0).absolutePercentError()).isEqualByComparingTo("9.0909");
    assertThat(test.trials().get(1).absolutePercentError()).isEqualByComparingTo("14.8111");
    assertThat(test.mapePercent()).isEqualByComparingTo("11.95");
  }

  @Test
  void monthsWithoutHistoryAreLeftOutOfTheBackTest() {
    Map<YearMonth, BigDecimal> s = series(17, i -> 100);
    SalesForecast.BackTest test = SalesForecast.backTest(s, FIRST.plusMonths(16), 6);
    assertThat(test.months()).isEqualTo(2); // only months 15 and 16 have 15 months before them
    assertThat(SalesForecast.backTest(series(10, i -> 100), FIRST.plusMonths(9), 6).mapePercent()).isNull();
    assertThatThrownBy(() -> SalesForecast.backTest(s, FIRST, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}

package com.tobacco.cmw.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 訂貨建議 = max(0, ⌈dailyRate × (7 + 3) − stock⌉), dailyRate = cartons in 28 days / 28. */
class OrderSuggestionTest {

  final OrderSuggestion suggestion = new OrderSuggestion(28, 7, 3);

  @ParameterizedTest(name = "{0} cartons in 28 days, stock {1} → order {2}")
  @CsvSource({
      "56,  0,    20",   // 2 a day → target 20
      "56,  5,    15",
      "56,  20,   0",
      "56,  35,   0",    // overstocked: never negative
      "0,   0,    0",    // no sales: nothing to order
      "28,  2.5,  8",    // 1 a day → target 10, 7.5 rounds up
      "10,  0,    4",    // 0.357 a day → 3.57 → 4
      "280, 99.9, 1",
  })
  void suggestsWhatTheStockMisses(BigDecimal cartonsIn28Days, BigDecimal stock, int expected) {
    BigDecimal rate = suggestion.dailyRate(cartonsIn28Days);
    assertThat(suggestion.suggest(rate, stock)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "target stock for {0} cartons in 28 days = {1}")
  @CsvSource({"56, 20.0", "10, 3.6", "0, 0.0"})
  void targetStockCoversCycleAndSafetyDays(BigDecimal cartonsIn28Days, BigDecimal target) {
    assertThat(suggestion.targetStock(suggestion.dailyRate(cartonsIn28Days))).isEqualByComparingTo(target);
  }

  @org.junit.jupiter.api.Test
  void refusesNegativeStockAndBadSettings() {
    assertThatThrownBy(() -> suggestion.suggest(BigDecimal.ONE, new BigDecimal("-1"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new OrderSuggestion(0, 7, 3)).isInstanceOf(IllegalArgumentException.class);
  }
}

package com.tobacco.cmw.visit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * 訂貨建議 (§4.1.3 c). The customer's sales rate is taken as the cartons they ordered over the
 * last {@code salesWindowDays} days divided by those days (in a steady state a retailer orders
 * what it sells). The stock should cover one reorder cycle plus safety days:
 * <pre>
 *   dailyRate   = cartons ordered in the window / window days          (3 decimals)
 *   targetStock = dailyRate × (reorderCycleDays + safetyStockDays)     (1 decimal, shown in the form)
 *   suggestion  = max(0, ⌈targetStock − stock counted⌉) cartons
 * </pre>
 * Defaults 28, 7 and 3 days (weekly ordering); configurable under {@code cmw.visit}.
 */
@Component
public class OrderSuggestion {

  private final int salesWindowDays;
  private final int coverDays;

  public OrderSuggestion(@Value("${cmw.visit.sales-window-days:28}") int salesWindowDays,
                         @Value("${cmw.visit.reorder-cycle-days:7}") int reorderCycleDays,
                         @Value("${cmw.visit.safety-stock-days:3}") int safetyStockDays) {
    if (salesWindowDays <= 0 || reorderCycleDays <= 0 || safetyStockDays < 0) {
      throw new IllegalArgumentException("cmw.visit: window and cycle must be positive, safety days not negative");
    }
    this.salesWindowDays = salesWindowDays;
    this.coverDays = reorderCycleDays + safetyStockDays;
  }

  public int salesWindowDays() {
    return salesWindowDays;
  }

  public BigDecimal dailyRate(BigDecimal cartonsInWindow) {
    return cartonsInWindow.divide(BigDecimal.valueOf(salesWindowDays), 3, RoundingMode.HALF_UP);
  }

  public BigDecimal targetStock(BigDecimal dailyRate) {
    return dailyRate.multiply(BigDecimal.valueOf(coverDays)).setScale(1, RoundingMode.HALF_UP);
  }

  /** Cartons to order now; never negative. */
  public int suggest(BigDecimal dailyRate, BigDecimal stockCartons) {
    if (stockCartons.signum() < 0) {
      throw new IllegalArgumentException("stock must not be negative");
    }
    // from the rounded target stock the form shows, so the form's live suggestion and the record agree
    BigDecimal missing = targetStock(dailyRate).subtract(stockCartons);
    return missing.signum() <= 0 ? 0 : missing.setScale(0, RoundingMode.CEILING).intValueExact();
  }
}

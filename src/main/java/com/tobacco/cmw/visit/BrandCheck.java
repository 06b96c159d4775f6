package com.tobacco.cmw.visit;

import java.math.BigDecimal;

/**
 * One row of the visit form's stock and price check (§4.1.3 c, f): pre-filled with the brand,
 * its minimum guide price, the customer's sales rate and the target stock; the customer manager
 * enters the stock counted and the shelf price seen.
 */
public record BrandCheck(
    String brandCode,
    String brandName,
    BigDecimal minPricePack,
    BigDecimal dailySales,
    BigDecimal targetStock,
    BigDecimal stockCartons,
    BigDecimal shelfPricePack) {

  /** §4.1.3 f: a shelf price seen below the unified minimum retail guide price is a violation. */
  public boolean belowMinimumPrice() {
    return shelfPricePack != null && shelfPricePack.compareTo(minPricePack) < 0;
  }
}

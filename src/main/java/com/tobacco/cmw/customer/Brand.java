package com.tobacco.cmw.customer;

import java.math.BigDecimal;

/** A brand of the catalogue: price class 1 (一類煙) … 5, and the unified minimum retail guide price. */
public record Brand(String brandCode, String name, int priceClass, BigDecimal wholesalePriceCarton,
                    BigDecimal minRetailPricePack, BigDecimal minRetailPriceCarton) {}

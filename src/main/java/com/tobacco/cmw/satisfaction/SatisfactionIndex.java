package com.tobacco.cmw.satisfaction;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collection;

/**
 * The satisfaction index (滿意度指數) of a group of answers, 0.00–100.00:
 * <pre>
 *   mean_d  = the mean score of dimension d (supply 貨源供應, service 服務, market 市場管理) over the answers
 *   scaled_d = (mean_d − 1) / 9 × 100          (1 → 0, 10 → 100)
 *   index   = Σ w_d × scaled_d / Σ w_d          rounded half up to two decimals
 * </pre>
 * Computed with BigDecimal to 34 significant digits (DECIMAL128) and rounded once at the end;
 * the dimension means shown with it are rounded to two decimals for display only.
 */
public final class SatisfactionIndex {

  /** One customer's three scores, 1–10. */
  public record Scores(int supply, int service, int market) {}

  /** The weights of the three dimensions; any non-negative numbers with a positive sum. */
  public record Weights(BigDecimal supply, BigDecimal service, BigDecimal market) {
    public static final Weights EQUAL = new Weights(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE);

    public Weights {
      for (BigDecimal w : new BigDecimal[] {supply, service, market}) {
        if (w == null || w.signum() < 0) {
          throw new IllegalArgumentException("satisfaction weights must be non-negative numbers: " + w);
        }
      }
      if (supply.add(service).add(market).signum() <= 0) {
        throw new IllegalArgumentException("satisfaction weights must not all be zero");
      }
    }

    BigDecimal sum() {
      return supply.add(service).add(market);
    }
  }

  /** The result: respondents, the three means (two decimals) and the index (two decimals). */
  public record Result(int respondents, BigDecimal supplyMean, BigDecimal serviceMean, BigDecimal marketMean,
                       BigDecimal index) {}

  private static final MathContext MC = MathContext.DECIMAL128;
  private static final BigDecimal NINE = BigDecimal.valueOf(9);
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private SatisfactionIndex() {}

  public static Result of(Collection<Scores> answers, Weights weights) {
    if (answers.isEmpty()) {
      throw new IllegalArgumentException("no answers to compute a satisfaction index from");
    }
    long supply = 0;
    long service = 0;
    long market = 0;
    for (Scores s : answers) {
      supply += s.supply();
      service += s.service();
      market += s.market();
    }
    BigDecimal n = BigDecimal.valueOf(answers.size());
    BigDecimal supplyMean = BigDecimal.valueOf(supply).divide(n, MC);
    BigDecimal serviceMean = BigDecimal.valueOf(service).divide(n, MC);
    BigDecimal marketMean = BigDecimal.valueOf(market).divide(n, MC);
    BigDecimal weighted = weights.supply().multiply(scaled(supplyMean), MC)
        .add(weights.service().multiply(scaled(serviceMean), MC), MC)
        .add(weights.market().multiply(scaled(marketMean), MC), MC);
    BigDecimal index = weighted.divide(weights.sum(), MC).setScale(2, RoundingMode.HALF_UP);
    return new Result(answers.size(), round(supplyMean), round(serviceMean), round(marketMean), index);
  }

  /** A mean score 1–10 mapped to 0–100. */
  static BigDecimal scaled(BigDecimal mean) {
    return mean.subtract(BigDecimal.ONE).divide(NINE, MC).multiply(HUNDRED, MC);
  }

  private static BigDecimal round(BigDecimal value) {
    return value.setScale(2, RoundingMode.HALF_UP);
  }
}

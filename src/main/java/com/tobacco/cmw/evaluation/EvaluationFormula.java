package com.tobacco.cmw.evaluation;

import com.tobacco.cmw.evaluation.Criterion.Part;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;

/**
 * The total of an evaluation (docs/processes/performanceEvaluation.md): the mean score of each
 * part (1–5), weighted by the part's weight in percent, scaled so that 5 everywhere is 100:
 * total = Σ weight_part / 100 × mean_part × 20, rounded to one decimal (half up). The lowest
 * possible total is 20. Means are kept with two decimals for display; the total is computed from
 * the exact sums.
 */
public final class EvaluationFormula {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final BigDecimal TWENTY = BigDecimal.valueOf(20);

  private EvaluationFormula() {}

  /** Mean score per part, two decimals. Every criterion must have a score. */
  public static Map<Part, BigDecimal> partMeans(Map<Criterion, Integer> scores) {
    Map<Part, BigDecimal> means = new EnumMap<>(Part.class);
    for (Part part : Part.values()) {
      means.put(part, mean(part, scores).setScale(2, RoundingMode.HALF_UP));
    }
    return means;
  }

  /** Weights in percent per part; they must cover every part and add up to 100. */
  public static BigDecimal total(Map<Part, Integer> weights, Map<Criterion, Integer> scores) {
    checkWeights(weights);
    BigDecimal sum = BigDecimal.ZERO;
    for (Part part : Part.values()) {
      sum = sum.add(BigDecimal.valueOf(weights.get(part)).multiply(mean(part, scores)));
    }
    return sum.multiply(TWENTY).divide(HUNDRED, 1, RoundingMode.HALF_UP);
  }

  public static void checkWeights(Map<Part, Integer> weights) {
    int sum = 0;
    for (Part part : Part.values()) {
      Integer w = weights.get(part);
      if (w == null || w < 0) {
        throw new IllegalStateException("權重表缺少「" + part.title() + "」或為負數 / no weight for part " + part);
      }
      sum += w;
    }
    if (sum != 100) {
      throw new IllegalStateException("各部分權重合計應為 100,現為 " + sum + " / weights add up to " + sum + ", not 100");
    }
  }

  private static BigDecimal mean(Part part, Map<Criterion, Integer> scores) {
    int sum = 0;
    int n = 0;
    for (Criterion c : part.criteria()) {
      Integer score = scores.get(c);
      if (score == null) {
        throw new IllegalArgumentException("no score for " + c);
      }
      sum += score;
      n++;
    }
    return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(n), 10, RoundingMode.HALF_UP);
  }
}

package com.tobacco.cmw.promotion;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The comprehensive evaluation (綜合測評, §4.2.1) of one eligible customer: five parts, each 0–1,
 * weighted by {@code cmw.promotion.score.*} into a score 0–100 with two decimals. Pure arithmetic,
 * so the formula is tested table by table ({@code ComprehensiveScoreTest}); the facts come from
 * {@link CandidateEvaluation}.
 *
 * <ul>
 *   <li><b>volume</b>: the campaign brand's cartons in the 6 months before the start, divided by the
 *       largest volume among the campaign's eligible customers (0 when nobody bought it);</li>
 *   <li><b>growth</b>: rate g = (volume − volume of the same 6 months a year before) / that volume,
 *       part = 0.5 + g / (2 × cap), clamped to 0–1 (cap {@code growth-cap}, default 0.5: −50 % or
 *       worse gives 0, unchanged 0.5, +50 % or better 1); no sales a year before: 1 when it sells
 *       now, the neutral value when it sold nothing either;</li>
 *   <li><b>compliance</b>: visits of the last 12 months with a price check and no violation,
 *       divided by visits with a price check;</li>
 *   <li><b>cooperation</b>: visits of the last 12 months done with the customer's confirmation
 *       in the sign-in book, divided by visits planned in those months (cancelled ones left out);</li>
 *   <li><b>satisfaction</b>: the customer's latest survey of the last 12 months, (average − 1) / 9.</li>
 * </ul>
 * A customer with no price check, no planned visit or no survey gets the neutral value
 * ({@code neutral-part}, default 0.5) for that part: neither rewarded nor punished for missing data.
 */
public final class ComprehensiveScore {

  /** The weights and settings of the formula (application.yaml {@code cmw.promotion.score}). */
  public record Weights(double volume, double growth, double compliance, double cooperation, double satisfaction,
                        double neutralPart, double growthCap) {
    public Weights {
      if (volume < 0 || growth < 0 || compliance < 0 || cooperation < 0 || satisfaction < 0
          || volume + growth + compliance + cooperation + satisfaction <= 0) {
        throw new IllegalArgumentException("cmw.promotion.score weights must be >= 0 and not all 0");
      }
      if (neutralPart < 0 || neutralPart > 1 || growthCap <= 0) {
        throw new IllegalArgumentException("cmw.promotion.score.neutral-part must be 0–1 and growth-cap > 0");
      }
    }

    double total() {
      return volume + growth + compliance + cooperation + satisfaction;
    }
  }

  /** The facts of one customer the parts are computed from. */
  public record Facts(BigDecimal volumeCartons, BigDecimal previousCartons, int priceChecks, int priceChecksClean,
                      int visitsPlanned, int visitsConfirmed, BigDecimal satisfactionAverage) {}

  /** The parts (0–1, four decimals) and the score (0–100, two decimals). */
  public record Result(BigDecimal volume, BigDecimal growth, BigDecimal compliance, BigDecimal cooperation,
                       BigDecimal satisfaction, BigDecimal score) {}

  private ComprehensiveScore() {}

  /** The score of {@code facts}, the volume part relative to {@code maxVolume} (the largest among the eligible). */
  public static Result of(Facts facts, BigDecimal maxVolume, Weights w) {
    double volume = maxVolume == null || maxVolume.signum() <= 0 ? 0
        : clamp(facts.volumeCartons().doubleValue() / maxVolume.doubleValue());
    double growth;
    if (facts.previousCartons().signum() > 0) {
      double rate = (facts.volumeCartons().doubleValue() - facts.previousCartons().doubleValue())
          / facts.previousCartons().doubleValue();
      growth = clamp(0.5 + rate / (2 * w.growthCap()));
    } else {
      growth = facts.volumeCartons().signum() > 0 ? 1 : w.neutralPart();
    }
    double compliance = facts.priceChecks() == 0 ? w.neutralPart()
        : clamp((double) facts.priceChecksClean() / facts.priceChecks());
    double cooperation = facts.visitsPlanned() == 0 ? w.neutralPart()
        : clamp((double) facts.visitsConfirmed() / facts.visitsPlanned());
    double satisfaction = facts.satisfactionAverage() == null ? w.neutralPart()
        : clamp((facts.satisfactionAverage().doubleValue() - 1) / 9);
    BigDecimal v = part(volume);
    BigDecimal g = part(growth);
    BigDecimal c = part(compliance);
    BigDecimal o = part(cooperation);
    BigDecimal s = part(satisfaction);
    // the score from the stored (rounded) parts, so anyone can recompute it from the table
    double weighted = w.volume() * v.doubleValue() + w.growth() * g.doubleValue() + w.compliance() * c.doubleValue()
        + w.cooperation() * o.doubleValue() + w.satisfaction() * s.doubleValue();
    BigDecimal score = BigDecimal.valueOf(100 * weighted / w.total()).setScale(2, RoundingMode.HALF_UP);
    return new Result(v, g, c, o, s, score);
  }

  private static BigDecimal part(double value) {
    return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP);
  }

  private static double clamp(double value) {
    return Math.max(0, Math.min(1, value));
  }
}

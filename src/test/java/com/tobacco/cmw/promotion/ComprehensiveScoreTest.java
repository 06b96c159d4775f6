package com.tobacco.cmw.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The comprehensive evaluation's formula (綜合測評, §4.2.1), part by part and as a whole, with the default weights. */
class ComprehensiveScoreTest {

  static final ComprehensiveScore.Weights DEFAULT = new ComprehensiveScore.Weights(35, 15, 20, 15, 15, 0.5, 0.5);

  static ComprehensiveScore.Facts facts(String volume, String previous, int checks, int clean, int planned, int confirmed,
                                        String satisfaction) {
    return new ComprehensiveScore.Facts(new BigDecimal(volume), new BigDecimal(previous), checks, clean, planned, confirmed,
        satisfaction.isEmpty() ? null : new BigDecimal(satisfaction));
  }

  @ParameterizedTest(name = "volume {0} of max {2}, previous {1}, checks {3}/{4}, visits {5}/{6}, satisfaction ''{7}'' → {8}")
  @CsvSource({
      // volume, previous, max, checks, clean, planned, confirmed, satisfaction, score, volume part, growth part, compliance, cooperation, satisfaction part
      "120, 100, 120, 4, 4, 10, 9, 8.50,  91.50, 1.0000, 0.7000, 1.0000, 0.9000, 0.8333",
      "60,  100, 120, 4, 3, 10, 5, '',    49.00, 0.5000, 0.1000, 0.7500, 0.5000, 0.5000",
      "0,   0,   120, 0, 0, 0,  0, '',    32.50, 0.0000, 0.5000, 0.5000, 0.5000, 0.5000",
      "30,  0,   120, 2, 2, 4,  4, 10.00, 73.75, 0.2500, 1.0000, 1.0000, 1.0000, 1.0000",
      "100, 300, 120, 1, 0, 5,  0, 1.00,  29.17, 0.8333, 0.0000, 0.0000, 0.0000, 0.0000",
      "10,  10,  0,   0, 0, 0,  0, '',    32.50, 0.0000, 0.5000, 0.5000, 0.5000, 0.5000"})
  void theScoreIsTheWeightedMeanOfItsParts(String volume, String previous, String max, int checks, int clean, int planned,
                                           int confirmed, String satisfaction, String score, String v, String g, String c,
                                           String o, String s) {
    ComprehensiveScore.Result r = ComprehensiveScore.of(facts(volume, previous, checks, clean, planned, confirmed,
        satisfaction), new BigDecimal(max), DEFAULT);
    assertThat(r.volume()).isEqualByComparingTo(v);
    assertThat(r.growth()).isEqualByComparingTo(g);
    assertThat(r.compliance()).isEqualByComparingTo(c);
    assertThat(r.cooperation()).isEqualByComparingTo(o);
    assertThat(r.satisfaction()).isEqualByComparingTo(s);
    assertThat(r.score()).isEqualByComparingTo(score);
    assertThat(r.score().scale()).isEqualTo(2);
  }

  @ParameterizedTest(name = "growth {0} → {1} with cap {2}")
  @CsvSource({"50, 0.0000, 0.5", "75, 0.2500, 0.5", "100, 0.5000, 0.5", "125, 0.7500, 0.5", "150, 1.0000, 0.5",
      "400, 1.0000, 0.5", "125, 0.6250, 1.0", "0, 0.0000, 1.0"})
  void growthRunsFromNoneAtMinusCapToFullAtPlusCap(String volume, String part, double cap) {
    ComprehensiveScore.Weights w = new ComprehensiveScore.Weights(35, 15, 20, 15, 15, 0.5, cap);
    assertThat(ComprehensiveScore.of(facts(volume, "100", 0, 0, 0, 0, ""), new BigDecimal("400"), w).growth())
        .isEqualByComparingTo(part);
  }

  @Test
  void weightsAreRelativeAndTheNeutralValueIsASetting() {
    ComprehensiveScore.Weights onlyVolume = new ComprehensiveScore.Weights(1, 0, 0, 0, 0, 0.5, 0.5);
    assertThat(ComprehensiveScore.of(facts("30", "30", 0, 0, 0, 0, ""), new BigDecimal("40"), onlyVolume).score())
        .isEqualByComparingTo("75.00");
    ComprehensiveScore.Weights strict = new ComprehensiveScore.Weights(0, 0, 1, 1, 1, 0, 0.5);
    assertThat(ComprehensiveScore.of(facts("0", "0", 0, 0, 0, 0, ""), BigDecimal.ZERO, strict).score())
        .isEqualByComparingTo("0.00");
  }

  @Test
  void nonsenseWeightsAreRefused() {
    assertThatThrownBy(() -> new ComprehensiveScore.Weights(0, 0, 0, 0, 0, 0.5, 0.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ComprehensiveScore.Weights(-1, 1, 1, 1, 1, 0.5, 0.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ComprehensiveScore.Weights(1, 1, 1, 1, 1, 1.5, 0.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ComprehensiveScore.Weights(1, 1, 1, 1, 1, 0.5, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}

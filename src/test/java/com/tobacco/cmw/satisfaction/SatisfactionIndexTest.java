package com.tobacco.cmw.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The satisfaction index over fixtures with values computed by hand (docs/processes/
 * satisfactionImprovement.md shows the first one worked through): means per dimension, each
 * mapped by (m − 1) / 9 × 100, weighted, rounded half up to two decimals.
 */
class SatisfactionIndexTest {

  static Stream<Arguments> fixtures() {
    return Stream.of(
        // answers "supply service market;…", weights supply/service/market, index, means
        Arguments.of("8 9 7;6 7 5;10 8 9", "1 1 1", "74.07", "8.00 8.00 7.00"),
        Arguments.of("10 10 10", "1 1 1", "100.00", "10.00 10.00 10.00"),
        Arguments.of("1 1 1;1 1 1", "1 1 1", "0.00", "1.00 1.00 1.00"),
        Arguments.of("5 5 5", "1 1 1", "44.44", "5.00 5.00 5.00"),
        Arguments.of("6 7 5;7 7 6", "1 1 1", "59.26", "6.50 7.00 5.50"),
        // (2 × 700/9 + 700/9 + 600/9) / 4 = 75 exactly
        Arguments.of("8 9 7;6 7 5;10 8 9", "2 1 1", "75.00", "8.00 8.00 7.00"),
        // weights need not sum to 1: 0.5/0.25/0.25 is the same as 2/1/1
        Arguments.of("8 9 7;6 7 5;10 8 9", "0.5 0.25 0.25", "75.00", "8.00 8.00 7.00"),
        // market management only: 600/9 = 66.666… → 66.67
        Arguments.of("8 9 7;6 7 5;10 8 9", "0 0 1", "66.67", "8.00 8.00 7.00"),
        // the region of the process test: four customers of two managers
        Arguments.of("8 9 7;6 7 5;10 8 9;9 10 10", "1 1 1", "79.63", "8.25 8.50 7.75"),
        Arguments.of("10 8 9;9 10 10", "1 1 1", "92.59", "9.50 9.00 9.50"),
        Arguments.of("8 9 7;6 7 5", "1 1 1", "66.67", "7.00 8.00 6.00"),
        // a third-valued mean: (7+8+8)/3 = 7.666…, rounded for display only
        Arguments.of("7 7 7;8 8 8;8 8 8", "1 1 1", "74.07", "7.67 7.67 7.67"));
  }

  @ParameterizedTest(name = "{0} weighted {1} → {2}")
  @MethodSource("fixtures")
  void theIndexIsTheWeightedMeanOfTheScaledDimensionMeans(String answers, String weights, String index, String means) {
    SatisfactionIndex.Result r = SatisfactionIndex.of(scores(answers), weights(weights));
    assertThat(r.index()).isEqualTo(new BigDecimal(index));
    assertThat(r.supplyMean() + " " + r.serviceMean() + " " + r.marketMean()).isEqualTo(means);
    assertThat(r.respondents()).isEqualTo(answers.split(";").length);
  }

  @Test
  void weightsMustBeNonNegativeAndNotAllZeroAndAnswersMustExist() {
    assertThatThrownBy(() -> weights("0 0 0")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> weights("-1 1 1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SatisfactionIndex.of(List.of(), SatisfactionIndex.Weights.EQUAL))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theFollowUpPeriodIsAnIsoDurationInDaysMonthsOrTime() {
    java.time.Instant from = java.time.Instant.parse("2026-01-31T02:00:00Z");
    assertThat(settings("P90D").followUpDue(from)).isEqualTo(java.time.Instant.parse("2026-05-01T02:00:00Z"));
    // a month later in Shanghai: 31 January → 28 February
    assertThat(settings("P1M").followUpDue(from)).isEqualTo(java.time.Instant.parse("2026-02-28T02:00:00Z"));
    assertThat(settings("PT2H").followUpDue(from)).isEqualTo(java.time.Instant.parse("2026-01-31T04:00:00Z"));
    assertThatThrownBy(() -> settings("90 days")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> settings("P0D")).isInstanceOf(IllegalArgumentException.class);
  }

  private static SatisfactionSettings settings(String period) {
    return new SatisfactionSettings(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, period, "Asia/Shanghai");
  }

  static List<SatisfactionIndex.Scores> scores(String text) {
    List<SatisfactionIndex.Scores> list = new ArrayList<>();
    for (String row : text.split(";")) {
      String[] s = row.strip().split(" ");
      list.add(new SatisfactionIndex.Scores(Integer.parseInt(s[0]), Integer.parseInt(s[1]), Integer.parseInt(s[2])));
    }
    return list;
  }

  static SatisfactionIndex.Weights weights(String text) {
    String[] w = text.split(" ");
    return new SatisfactionIndex.Weights(new BigDecimal(w[0]), new BigDecimal(w[1]), new BigDecimal(w[2]));
  }
}

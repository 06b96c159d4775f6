package com.tobacco.cmw.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tobacco.cmw.evaluation.Criterion.Part;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rules of an evaluation's result, table by table: the weights decision
 * (processes/performanceEvaluationWeights.dmn), the rating bands
 * (processes/performanceEvaluationRating.dmn) and the total's formula ({@link EvaluationFormula}).
 */
class EvaluationRulesTest {

  static DmnEngine engine;
  static DmnDecision weights;
  static DmnDecision rating;

  @BeforeAll
  static void parse() throws Exception {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = Files.newInputStream(Path.of("processes/performanceEvaluationWeights.dmn"))) {
      weights = engine.parseDecision(PerformanceEvaluationProcess.DECISION_WEIGHTS, in);
    }
    try (InputStream in = Files.newInputStream(Path.of("processes/performanceEvaluationRating.dmn"))) {
      rating = engine.parseDecision(PerformanceEvaluationProcess.DECISION_RATING, in);
    }
  }

  @Test
  void the37CriteriaOf篇2AreInFourPartsOf7_9_11And10() {
    assertThat(Criterion.values()).hasSize(37);
    assertThat(Part.BUSINESS.criteria()).hasSize(7);
    assertThat(Part.SUPERVISION.criteria()).hasSize(9);
    assertThat(Part.COORDINATION.criteria()).hasSize(11);
    assertThat(Part.REPORTING.criteria()).hasSize(10);
    assertThat(Criterion.YW2.text()).isEqualTo("緊急處理客戶投訴,做到讓客戶滿意。");
    assertThat(Criterion.BG10.text()).isEqualTo("審查下屬是否正確認識工作的意義,是否努力取得最佳業績。");
  }

  @ParameterizedTest(name = "{0}: {1} %")
  @CsvSource({"BUSINESS, 30", "SUPERVISION, 25", "COORDINATION, 25", "REPORTING, 20"})
  void weightPerPart(String part, int weight) {
    assertThat(engine.evaluateDecisionTable(weights, Map.of("part", part)).getSingleResult().<Integer>getEntry("weight"))
        .isEqualTo(weight);
  }

  @Test
  void theShippedWeightsAddUpTo100AndAnUnknownPartHasNone() {
    EvaluationFormula.checkWeights(shippedWeights());
    assertThat(engine.evaluateDecisionTable(weights, Map.of("part", "OTHER")).isEmpty()).isTrue();
  }

  @ParameterizedTest(name = "total {0} → {1}")
  @CsvSource({"100, 優秀", "90, 優秀", "89.9, 良好", "80, 良好", "79.9, 合格", "60, 合格", "59.9, 待改進", "20, 待改進"})
  void ratingBands(double total, String expected) {
    assertThat(engine.evaluateDecisionTable(rating, Map.of("total", total)).getSingleResult().<String>getEntry("rating"))
        .isEqualTo(expected);
  }

  /** Scores: one value for each part's criteria, except the first criterion of the first part. */
  @ParameterizedTest(name = "business {0} (first {1}), supervision {2}, coordination {3}, reporting {4} → {5}")
  @CsvSource({
      // everything 5 is 100, everything 1 is 20, everything 3 is 60
      "5, 5, 5, 5, 5, 100.0",
      "1, 1, 1, 1, 1, 20.0",
      "3, 3, 3, 3, 3, 60.0",
      // 業務工作 weighs 30 %: 0.30 × 5 × 20 + 0.70 × 3 × 20 = 30 + 42
      "5, 5, 3, 3, 3, 72.0",
      // 審查報告 weighs 20 %: 0.80 × 4 × 20 + 0.20 × 2 × 20 = 64 + 8
      "4, 4, 4, 4, 2, 72.0",
      // one 5 among six 4s: mean 29/7; 0.30 × 29/7 × 20 + 0.70 × 80 = 24.857… + 56 = 80.857… → 80.9
      "4, 5, 4, 4, 4, 80.9",
      // one 1 among six 5s: mean 31/7; 0.30 × 31/7 × 20 + 70 = 26.571… + 70 = 96.571… → 96.6
      "5, 1, 5, 5, 5, 96.6",
  })
  void totalIsTheWeightedMeanOfThePartsScaledTo100(int business, int firstBusiness, int supervision, int coordination,
                                                   int reporting, BigDecimal total) {
    Map<Criterion, Integer> scores = new EnumMap<>(Criterion.class);
    for (Criterion c : Criterion.values()) {
      scores.put(c, switch (c.part()) {
        case BUSINESS -> c.number() == 1 ? firstBusiness : business;
        case SUPERVISION -> supervision;
        case COORDINATION -> coordination;
        case REPORTING -> reporting;
      });
    }
    assertThat(EvaluationFormula.total(shippedWeights(), scores)).isEqualByComparingTo(total);
  }

  @Test
  void partMeansHaveTwoDecimals() {
    Map<Criterion, Integer> scores = new EnumMap<>(Criterion.class);
    for (Criterion c : Criterion.values()) {
      scores.put(c, c == Criterion.YW1 ? 5 : 4);
    }
    assertThat(EvaluationFormula.partMeans(scores).get(Part.BUSINESS)).isEqualByComparingTo("4.14");
    assertThat(EvaluationFormula.partMeans(scores).get(Part.REPORTING)).isEqualByComparingTo("4.00");
  }

  @Test
  void weightsThatDoNotAddUpTo100OrMissAPartAreRefused() {
    Map<Part, Integer> w = new EnumMap<>(shippedWeights());
    w.put(Part.REPORTING, 25);
    assertThatThrownBy(() -> EvaluationFormula.checkWeights(w)).hasMessageContaining("105");
    w.remove(Part.REPORTING);
    assertThatThrownBy(() -> EvaluationFormula.checkWeights(w)).hasMessageContaining("審查報告");
  }

  private static Map<Part, Integer> shippedWeights() {
    Map<Part, Integer> w = new EnumMap<>(Part.class);
    for (Part p : Part.values()) {
      w.put(p, engine.evaluateDecisionTable(weights, Map.of("part", p.name())).getSingleResult().<Integer>getEntry("weight"));
    }
    return w;
  }
}

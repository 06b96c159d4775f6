package com.tobacco.cmw.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** processes/promotionEligibility.dmn: 限三級以上客戶 (§4.2.1), whatever the business type. */
class PromotionEligibilityDecisionTest {

  static DmnEngine engine;
  static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = Files.newInputStream(Path.of("processes/promotionEligibility.dmn"))) {
      decision = engine.parseDecision(PromotionSelectionProcess.DECISION_ELIGIBILITY, in);
    }
  }

  @Test
  void theDecisionKeyIsThePublicOnePromotionEligibility() {
    // process owners and Cockpit's decision history know the table by this key
    assertThat(PromotionSelectionProcess.DECISION_ELIGIBILITY).isEqualTo("promotionEligibility");
    assertThat(decision.getKey()).isEqualTo("promotionEligibility");
  }

  @ParameterizedTest(name = "grade {0}, {1} → eligible {2}")
  @CsvSource({"1, 超市, true", "2, 便利店, true", "3, 食雜店, true", "3, '', true", "4, 超市, false", "5, 便利店, false",
      "4, 食雜店, false"})
  void gradesOneToThreeAreEligible(int grade, String businessType, boolean eligible) {
    Map<String, Object> input = new HashMap<>();
    input.put("grade", grade);
    input.put("businessType", businessType.isEmpty() ? null : businessType);
    DmnDecisionTableResult result = engine.evaluateDecisionTable(decision, input);
    assertThat(result.getFirstResult().<Boolean>getEntry("eligible")).isEqualTo(eligible);
    assertThat(result.getFirstResult().<String>getEntry("eligibilityRule")).isNotBlank();
  }

  @ParameterizedTest(name = "grade {0} matches no rule")
  @CsvSource({"0", "-1"})
  void anUnknownGradeMatchesNoRuleAndIsNotEligible(int grade) {
    Map<String, Object> input = new HashMap<>();
    input.put("grade", grade);
    input.put("businessType", "超市");
    assertThat(engine.evaluateDecisionTable(decision, input).isEmpty()).isTrue();
  }
}

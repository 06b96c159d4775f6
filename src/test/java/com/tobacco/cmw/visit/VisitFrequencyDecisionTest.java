package com.tobacco.cmw.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** processes/visitFrequency.dmn: visit interval and visits per month by grade (§3.1). */
class VisitFrequencyDecisionTest {

  static DmnEngine engine;
  static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = Files.newInputStream(Path.of("processes/visitFrequency.dmn"))) {
      decision = engine.parseDecision(CustomerVisitProcess.DECISION_VISIT_FREQUENCY, in);
    }
  }

  @ParameterizedTest(name = "grade {0}: every {1} days, {2} a month")
  @CsvSource({"1, 7, 4", "2, 7, 4", "3, 14, 2", "4, 21, 1", "5, 28, 1"})
  void frequencyByGrade(int grade, int intervalDays, int perMonth) {
    DmnDecisionTableResult result = engine.evaluateDecisionTable(decision, Map.of("grade", grade));
    assertThat(result.getSingleResult().<Integer>getEntry("intervalDays")).isEqualTo(intervalDays);
    assertThat(result.getSingleResult().<Integer>getEntry("visitsPerMonth")).isEqualTo(perMonth);
  }

  @Test
  void betterGradesAreVisitedAtLeastAsOften() {
    int previous = 0;
    for (int grade = 1; grade <= 5; grade++) {
      int interval = engine.evaluateDecisionTable(decision, Map.of("grade", grade)).getSingleResult().<Integer>getEntry("intervalDays");
      assertThat(interval).isGreaterThanOrEqualTo(previous);
      previous = interval;
    }
  }

  @Test
  void anUnknownGradeHasNoRule() {
    assertThat(engine.evaluateDecisionTable(decision, Map.of("grade", 6)).isEmpty()).isTrue();
    assertThatThrownBy(() -> engine.evaluateDecisionTable(decision, Map.of("grade", "x"))).isInstanceOf(RuntimeException.class);
  }
}

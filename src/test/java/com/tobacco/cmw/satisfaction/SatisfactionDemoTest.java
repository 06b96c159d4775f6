package com.tobacco.cmw.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tobacco.cmw.support.RestClient;
import com.tobacco.cmw.support.SpringTestBase;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo's past surveys (off in the test profile, run here by hand): two periods each for
 * zhangwei and lina, the first with accepted measures and a target compared with the second,
 * readable at once through the index history; a second run writes nothing.
 */
class SatisfactionDemoTest extends SpringTestBase {

  @LocalServerPort int port;
  @Autowired SatisfactionDemo demo;
  @Autowired SatisfactionRepository repository;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  SatisfactionFixture fixture;
  Integer counter2025;

  @BeforeEach
  void setUp() {
    fixture = new SatisfactionFixture(jdbc, runtimeService);
    counter2025 = jdbc.queryForList("SELECT last_number FROM cm_satisfaction_number WHERE eval_year = 2025", Integer.class)
        .stream().findFirst().orElse(null);
  }

  @AfterEach
  void cleanUp() {
    fixture.cleanUp();
    if (counter2025 == null) {
      jdbc.update("DELETE FROM cm_satisfaction_number WHERE eval_year = 2025");
    } else {
      jdbc.update("UPDATE cm_satisfaction_number SET last_number = ? WHERE eval_year = 2025", counter2025);
    }
  }

  @Test
  void zhangweiAndLinaHaveTwoPastPeriodsWithATargetComparedAndASecondRunWritesNothing() throws Exception {
    assertThat(demo.load()).isEqualTo(4);
    for (String manager : List.of("zhangwei", "lina")) {
      List<SatisfactionRepository.HistoryRow> history = repository.history("MANAGER", manager);
      assertThat(history).hasSize(2);
      SatisfactionRepository.HistoryRow first = history.get(0);
      SatisfactionRepository.HistoryRow second = history.get(1);
      assertThat(first.periodTo()).isEqualTo(SatisfactionDemo.FIRST_TO);
      assertThat(first.previousIndex()).isNull();
      assertThat(first.planStatus()).isEqualTo("ACCEPTED");
      assertThat(first.target()).isGreaterThan(first.index());
      assertThat(first.targetReached()).isEqualTo(second.index().compareTo(first.target()) >= 0);
      assertThat(second.previousIndex()).isEqualByComparingTo(first.index());
      assertThat(second.delta()).isEqualByComparingTo(second.index().subtract(first.index()));
      assertThat(second.target()).isNull();
      SatisfactionRepository.Survey latest = repository.survey(second.businessKey()).orElseThrow();
      assertThat(latest.followsSurveyId()).isEqualTo(first.surveyId());
      assertThat(latest.businessKey()).startsWith("MY-2025-");
      assertThat(repository.responses(latest.id())).hasSize(20);
      // history only: closed, not waiting for an analysis nobody is asked for; its manager reads it
      assertThat(latest.status()).isEqualTo("CLOSED");
      assertThat(repository.plans(latest.id())).isEmpty();
      assertThat(new RestClient(port).get(manager, "/api/satisfaction-evaluations/" + latest.businessKey())
          .statusCode()).as(manager).isEqualTo(200);
      assertThat(new RestClient(port).get(manager.equals("lina") ? "zhangwei" : "lina",
          "/api/satisfaction-evaluations/" + latest.businessKey()).statusCode()).isEqualTo(404);
    }
    JsonNode periods = json.readTree(new RestClient(port).get("zhangwei", "/api/satisfaction/index?managerId=zhangwei")
        .body()).path("periods");
    assertThat(periods).hasSize(2);
    assertThat(periods.get(1).path("target").isNull()).isTrue();
    assertThat(periods.get(0).path("target").decimalValue()).isEqualByComparingTo("82.00");
    assertThat(demo.load()).isZero();
  }
}

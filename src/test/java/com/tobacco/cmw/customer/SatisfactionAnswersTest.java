package com.tobacco.cmw.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.cmw.support.SpringTestBase;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class SatisfactionAnswersTest extends SpringTestBase {

  @Autowired SatisfactionAnswers answers;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void removeSurveys() {
    jdbc.update("DELETE FROM cm_satisfaction_response WHERE survey_id IN "
        + "(SELECT id FROM cm_satisfaction_survey WHERE business_key LIKE 'TEST-SA-%')");
    jdbc.update("DELETE FROM cm_satisfaction_survey WHERE business_key LIKE 'TEST-SA-%'");
  }

  @Test
  void theLatestSurveyInTheWindowCountsAndItsAverageIsTheMeanOfTheThreeDimensions() {
    String code = jdbc.queryForObject("SELECT MIN(customer_code) FROM cm_customer WHERE status = 'ACTIVE'", String.class);
    survey("TEST-SA-1", LocalDate.of(2026, 3, 31), code, 9, 9, 9);
    survey("TEST-SA-2", LocalDate.of(2026, 6, 30), code, 7, 8, 10);
    survey("TEST-SA-3", LocalDate.of(2026, 9, 30), code, 1, 1, 1);

    SatisfactionAnswers.Latest latest = answers.latest(code, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 8, 31)).orElseThrow();

    assertThat(latest.surveyedTo()).isEqualTo(LocalDate.of(2026, 6, 30));
    assertThat(latest.average()).isEqualByComparingTo(new BigDecimal("8.33"));
    assertThat(answers.latest(code, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 31))).isEmpty();
    assertThat(answers.latest("NO-SUCH", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31))).isEmpty();
  }

  private void survey(String key, LocalDate to, String customer, int supply, int service, int market) {
    jdbc.update("INSERT INTO cm_satisfaction_survey (business_key, scope_type, scope_id, period_from, period_to, "
        + "uploaded_by, uploaded_at) VALUES (?, 'MANAGER', 'zhangwei', ?, ?, 'zhoumin', ?)", key,
        Date.valueOf(to.minusMonths(3).plusDays(1)), Date.valueOf(to), Timestamp.from(Instant.now()));
    long id = jdbc.queryForObject("SELECT id FROM cm_satisfaction_survey WHERE business_key = ?", Long.class, key);
    jdbc.update("INSERT INTO cm_satisfaction_response (survey_id, customer_code, supply_score, service_score, market_score) "
        + "VALUES (?, ?, ?, ?, ?)", id, customer, supply, service, market);
  }
}

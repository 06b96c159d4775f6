package com.tobacco.cmw.promotion;

import static com.tobacco.cmw.promotion.PromotionFixture.campaign;
import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.cmw.support.SpringTestBase;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The facts behind eligibility and score, read from the visits, sign-in book and surveys as of
 * the evaluation day on the engine clock: a price violation 100 days before the start excludes a
 * customer, one 200 days before does not (and counts as a price check with a violation); a visit
 * confirmed in the sign-in book counts for cooperation; a survey of the last 12 months gives the
 * satisfaction part. Moving the engine clock 90 days on moves the 6-month window with it.
 */
class CandidateEvaluationTest extends SpringTestBase {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;
  @Autowired Campaigns campaigns;
  PromotionFixture fx;
  String recent;
  String older;
  String surveyed;

  @BeforeEach
  void setUp() {
    fx = new PromotionFixture(runtimeService, taskService, managementService, identityService, jdbc);
    fx.cleanUp();
    List<String> clean = jdbc.queryForList("SELECT customer_code FROM cm_customer WHERE manager_id = 'zhangwei' AND "
        + "status = 'ACTIVE' AND grade <= 3 AND customer_code NOT IN (SELECT customer_code FROM cm_visit) AND customer_code "
        + "NOT IN (SELECT customer_code FROM cm_satisfaction_response) ORDER BY customer_code", String.class);
    assertThat(clean).hasSizeGreaterThanOrEqualTo(3);
    recent = clean.get(0);
    older = clean.get(1);
    surveyed = clean.get(2);
    LocalDate today = LocalDate.now(ZONE);
    visit("ptest-recent", recent, today.minusDays(100), true, false, false);
    long olderVisit = visit("ptest-older", older, today.minusDays(200), true, true, true);
    assertThat(olderVisit).isPositive();
    jdbc.update("INSERT INTO cm_satisfaction_survey (business_key, scope_type, scope_id, period_from, period_to, "
            + "uploaded_by, uploaded_at) VALUES ('PTEST-SURVEY', 'MANAGER', 'zhangwei', ?, ?, 'zhoumin', ?)",
        Date.valueOf(today.minusDays(60)), Date.valueOf(today.minusDays(30)), Timestamp.valueOf(today.atStartOfDay()));
    long survey = jdbc.queryForObject("SELECT id FROM cm_satisfaction_survey WHERE business_key = 'PTEST-SURVEY'", Long.class);
    jdbc.update("INSERT INTO cm_satisfaction_response (survey_id, customer_code, supply_score, service_score, market_score) "
        + "VALUES (?, ?, 10, 10, 10)", survey, surveyed);
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    fx.cleanUp();
    for (String table : List.of("cm_visit_brand_check", "cm_sign_in_record")) {
      jdbc.update("DELETE FROM " + table + " WHERE visit_id IN (SELECT id FROM cm_visit WHERE process_instance_id LIKE 'ptest-%')");
    }
    jdbc.update("DELETE FROM cm_visit WHERE process_instance_id LIKE 'ptest-%'");
    jdbc.update("DELETE FROM cm_satisfaction_response WHERE survey_id IN (SELECT id FROM cm_satisfaction_survey "
        + "WHERE business_key = 'PTEST-SURVEY')");
    jdbc.update("DELETE FROM cm_satisfaction_survey WHERE business_key = 'PTEST-SURVEY'");
  }

  @Test
  void violationsVisitsSignInsAndSurveysAreReadAsOfTheEvaluationDay() {
    Map<String, Campaigns.Candidate> byCode = evaluate(LocalDate.now(ZONE));
    assertThat(byCode).doesNotContainKey(recent).containsKeys(older, surveyed);
    Campaigns.Candidate o = byCode.get(older);
    assertThat(o.priceChecks()).isEqualTo(1);
    assertThat(o.priceChecksClean()).isZero();
    assertThat(o.compliancePart()).isEqualByComparingTo("0");
    assertThat(o.visitsPlanned()).isEqualTo(1);
    assertThat(o.visitsConfirmed()).isEqualTo(1);
    assertThat(o.cooperationPart()).isEqualByComparingTo("1");
    assertThat(o.satisfactionAverage()).isNull();
    assertThat(o.satisfactionPart()).isEqualByComparingTo("0.5");
    Campaigns.Candidate s = byCode.get(surveyed);
    assertThat(s.satisfactionAverage()).isEqualByComparingTo("10");
    assertThat(s.satisfactionPart()).isEqualByComparingTo("1");
    assertThat(s.compliancePart()).isEqualByComparingTo("0.5");
    assertThat(s.cooperationPart()).isEqualByComparingTo("0.5");
    // the score is the weighted mean of the stored parts
    for (Campaigns.Candidate c : byCode.values()) {
      double expected = (35 * c.volumePart().doubleValue() + 15 * c.growthPart().doubleValue()
          + 20 * c.compliancePart().doubleValue() + 15 * c.cooperationPart().doubleValue()
          + 15 * c.satisfactionPart().doubleValue());
      assertThat(c.score().doubleValue()).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.006));
    }
  }

  @Test
  void theSixMonthWindowFollowsTheEngineClock() {
    LocalDate later = LocalDate.now(ZONE).plusDays(90);
    ClockUtil.setCurrentTime(java.util.Date.from(later.atTime(10, 0).atZone(ZONE).toInstant()));
    Map<String, Campaigns.Candidate> byCode = evaluate(later);
    // the violation is now 190 days before the evaluation day: outside the 6 months
    assertThat(byCode).containsKeys(recent, older);
    assertThat(campaigns.all()).singleElement().satisfies(c -> assertThat(c.evaluatedOn()).isEqualTo(later));
  }

  private Map<String, Campaigns.Candidate> evaluate(LocalDate day) {
    Map<String, Object> vars = campaign("EAST", 5, "海報, 10, 2");
    vars.put("periodFrom", day.toString());
    vars.put("periodTo", day.plusMonths(1).toString());
    ProcessInstance pi = fx.start(vars);
    fx.runJobs(pi);
    Campaigns.Campaign c = campaigns.find(pi.getBusinessKey()).orElseThrow();
    return campaigns.candidates(c.id()).stream().collect(Collectors.toMap(Campaigns.Candidate::customerCode, x -> x));
  }

  /** A done visit on {@code day}, with or without a price violation, a price check and the customer's confirmation. */
  private long visit(String pid, String customer, LocalDate day, boolean violation, boolean priceCheck, boolean signed) {
    Timestamp at = Timestamp.from(day.atTime(10, 0).atZone(ZONE).toInstant());
    jdbc.update("INSERT INTO cm_visit (process_instance_id, customer_code, manager_id, visit_type, planned_date, due_at, "
            + "status, checked_brands, price_violation, created_at, completed_at) VALUES (?, ?, 'zhangwei', 'REGULAR', ?, ?, "
            + "'DONE', 'B001', ?, ?, ?)", pid, customer, Date.valueOf(day), at, violation, at, at);
    long id = jdbc.queryForObject("SELECT id FROM cm_visit WHERE process_instance_id = ?", Long.class, pid);
    if (priceCheck) {
      jdbc.update("INSERT INTO cm_visit_brand_check (visit_id, brand_code, stock_cartons, shelf_price_pack, min_price_pack, "
          + "below_min_price, daily_sales_cartons, suggested_order) VALUES (?, 'B001', 3, 10.00, 12.00, TRUE, 0.5, 2)", id);
    }
    if (signed) {
      jdbc.update("INSERT INTO cm_sign_in_record (visit_id, customer_code, manager_id, work_summary, customer_signer_name, "
          + "customer_confirmed, signed_at) VALUES (?, ?, 'zhangwei', '檢查價格', '店主', TRUE, ?)", id, customer, at);
    }
    return id;
  }
}

package com.tobacco.cmw.customer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * A retailer's answers in the satisfaction surveys (cm_satisfaction_response, §4.8), read by other
 * processes: the promotion selection scores a customer's satisfaction with its latest answers.
 * The satisfaction improvement process writes them.
 */
@Repository
public class SatisfactionAnswers {

  /** A customer's answers in its latest survey: the three scores 1–10 and when the survey ended. */
  public record Latest(String customerCode, LocalDate surveyedTo, int supply, int service, int market) {

    /** Mean of the three dimensions, 1.00–10.00, rounded half up to two decimals. */
    public BigDecimal average() {
      return BigDecimal.valueOf(supply + service + market).divide(BigDecimal.valueOf(3), 2, RoundingMode.HALF_UP);
    }
  }

  private final JdbcTemplate jdbc;

  public SatisfactionAnswers(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The customer's answers in the survey with the latest period end on or before {@code asOf} and
   * not before {@code notBefore}; empty when the customer was not surveyed in that window.
   */
  public Optional<Latest> latest(String customerCode, LocalDate notBefore, LocalDate asOf) {
    List<Latest> rows = jdbc.query("SELECT r.customer_code, s.period_to, r.supply_score, r.service_score, r.market_score "
            + "FROM cm_satisfaction_response r JOIN cm_satisfaction_survey s ON s.id = r.survey_id "
            + "WHERE r.customer_code = ? AND s.period_to BETWEEN ? AND ? ORDER BY s.period_to DESC, s.id DESC",
        (rs, i) -> new Latest(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getInt(3), rs.getInt(4), rs.getInt(5)),
        customerCode, Date.valueOf(notBefore), Date.valueOf(asOf));
    return rows.stream().findFirst();
  }
}

package com.tobacco.cmw.satisfaction;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The surveys, their answers, the index per scope, and the customer managers' plans
 * (cm_satisfaction_survey, cm_satisfaction_response from V14; cm_satisfaction_index,
 * cm_satisfaction_plan, cm_satisfaction_measure from V17).
 */
@Repository
public class SatisfactionRepository {

  public record Survey(long id, String businessKey, String scopeType, String scopeId, LocalDate periodFrom,
                       LocalDate periodTo, String fileName, String fileEncoding, String uploadedBy, Instant uploadedAt,
                       String processInstanceId, Long followsSurveyId, String status, Instant followUpDue,
                       String regionCode, String requesterGroup) {}

  public record NewSurvey(String businessKey, String scopeType, String scopeId, LocalDate periodFrom, LocalDate periodTo,
                          String fileName, String fileEncoding, String uploadedBy, Instant uploadedAt,
                          String processInstanceId, String regionCode, String requesterGroup) {}

  public record Response(String customerCode, String storeName, String managerId, int supply, int service, int market,
                         String comment) {}

  public record IndexRow(long surveyId, String scopeType, String scopeId, int respondents, BigDecimal supplyMean,
                         BigDecimal serviceMean, BigDecimal marketMean, BigDecimal index, Long previousSurveyId,
                         BigDecimal previousIndex, BigDecimal delta) {}

  public record Plan(long surveyId, String managerId, BigDecimal currentIndex, String status, String analysis,
                     BigDecimal targetIndex, LocalDate targetDate, Instant submittedAt, int rounds, String reviewedBy,
                     Instant reviewedAt, String reviewComment, BigDecimal followUpIndex, Boolean targetReached,
                     List<String> measures) {}

  /** One period of a scope's index history, with the target committed in that period's cycle. */
  public record HistoryRow(long surveyId, String businessKey, LocalDate periodFrom, LocalDate periodTo, int respondents,
                           BigDecimal index, BigDecimal previousIndex, BigDecimal delta, BigDecimal target,
                           LocalDate targetDate, String planStatus, Boolean targetReached) {}

  private static final String SURVEY_COLUMNS = "SELECT id, business_key, scope_type, scope_id, period_from, period_to, "
      + "file_name, file_encoding, uploaded_by, uploaded_at, process_instance_id, follows_survey_id, status, follow_up_due, "
      + "region_code, requester_group "
      + "FROM cm_satisfaction_survey ";
  private static final RowMapper<Survey> SURVEY = (rs, i) -> new Survey(rs.getLong(1), rs.getString(2), rs.getString(3),
      rs.getString(4), rs.getDate(5).toLocalDate(), rs.getDate(6).toLocalDate(), rs.getString(7), rs.getString(8),
      rs.getString(9), rs.getTimestamp(10).toInstant(), rs.getString(11), (Long) rs.getObject(12, Long.class),
      rs.getString(13), instant(rs.getTimestamp(14)), rs.getString(15), rs.getString(16));
  private static final String INDEX_COLUMNS = "SELECT survey_id, scope_type, scope_id, respondents, supply_mean, "
      + "service_mean, market_mean, index_value, previous_survey_id, previous_index, delta FROM cm_satisfaction_index ";
  private static final RowMapper<IndexRow> INDEX = (rs, i) -> new IndexRow(rs.getLong(1), rs.getString(2),
      rs.getString(3), rs.getInt(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8),
      (Long) rs.getObject(9, Long.class), rs.getBigDecimal(10), rs.getBigDecimal(11));

  private final JdbcTemplate jdbc;

  public SatisfactionRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  // ---------------------------------------------------------------- surveys and answers

  public long insertSurvey(NewSurvey s) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      PreparedStatement ps = connection.prepareStatement("INSERT INTO cm_satisfaction_survey (business_key, scope_type, "
          + "scope_id, period_from, period_to, file_name, file_encoding, uploaded_by, uploaded_at, process_instance_id, "
          + "region_code, requester_group) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
      ps.setString(1, s.businessKey());
      ps.setString(2, s.scopeType());
      ps.setString(3, s.scopeId());
      ps.setDate(4, Date.valueOf(s.periodFrom()));
      ps.setDate(5, Date.valueOf(s.periodTo()));
      ps.setString(6, s.fileName());
      ps.setString(7, s.fileEncoding());
      ps.setString(8, s.uploadedBy());
      ps.setTimestamp(9, Timestamp.from(s.uploadedAt()));
      ps.setString(10, s.processInstanceId());
      ps.setString(11, s.regionCode());
      ps.setString(12, s.requesterGroup());
      return ps;
    }, key);
    return key.getKey().longValue();
  }

  public void insertResponse(long surveyId, SurveyCsv.Row row) {
    jdbc.update("INSERT INTO cm_satisfaction_response (survey_id, customer_code, supply_score, service_score, "
        + "market_score, comment) VALUES (?, ?, ?, ?, ?, ?)", surveyId, row.customerCode(), row.supply(), row.service(),
        row.market(), row.comment());
  }

  public Optional<Survey> survey(String businessKey) {
    return jdbc.query(SURVEY_COLUMNS + "WHERE business_key = ?", SURVEY, businessKey).stream().findFirst();
  }

  public Optional<Survey> survey(long id) {
    return jdbc.query(SURVEY_COLUMNS + "WHERE id = ?", SURVEY, id).stream().findFirst();
  }

  public Survey ofProcessInstance(String processInstanceId) {
    return jdbc.query(SURVEY_COLUMNS + "WHERE process_instance_id = ?", SURVEY, processInstanceId).stream().findFirst()
        .orElseThrow(() -> new IllegalStateException("no satisfaction survey for process instance " + processInstanceId));
  }

  /** The survey that follows up {@code surveyId}, if loaded. */
  public Optional<Survey> followUpOf(long surveyId) {
    return jdbc.query(SURVEY_COLUMNS + "WHERE follows_survey_id = ?", SURVEY, surveyId).stream().findFirst();
  }

  /**
   * A survey whose period overlaps [from, to] and that has the same scope or measured one of
   * {@code managers} (an index row of the manager: a manager survey, or a region survey with their
   * customers).
   */
  public Optional<Survey> overlapping(String scopeType, String scopeId, Collection<String> managers, LocalDate from,
                                      LocalDate to) {
    List<Object> args = new ArrayList<>(List.of(Date.valueOf(to), Date.valueOf(from), scopeType, scopeId));
    String sharedManager = "";
    if (!managers.isEmpty()) {
      sharedManager = " OR EXISTS (SELECT 1 FROM cm_satisfaction_index i WHERE i.survey_id = cm_satisfaction_survey.id "
          + "AND i.scope_type = 'MANAGER' AND i.scope_id IN (" + String.join(", ", Collections.nCopies(managers.size(), "?"))
          + "))";
      args.addAll(managers);
    }
    return jdbc.query(SURVEY_COLUMNS + "WHERE period_from <= ? AND period_to >= ? AND ((scope_type = ? AND scope_id = ?)"
        + sharedManager + ") ORDER BY period_to, id", SURVEY, args.toArray()).stream().findFirst();
  }

  public List<Response> responses(long surveyId) {
    return jdbc.query("SELECT r.customer_code, c.store_name, c.manager_id, r.supply_score, r.service_score, "
        + "r.market_score, r.comment FROM cm_satisfaction_response r JOIN cm_customer c ON c.customer_code = r.customer_code "
        + "WHERE r.survey_id = ? ORDER BY r.customer_code", (rs, i) -> new Response(rs.getString(1), rs.getString(2),
        rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getString(7)), surveyId);
  }

  public void followUpDue(long surveyId, Instant due) {
    jdbc.update("UPDATE cm_satisfaction_survey SET status = 'FOLLOW_UP_DUE', follow_up_due = ? WHERE id = ?",
        Timestamp.from(due), surveyId);
  }

  /** A survey kept as history only: no cycle runs on it (the demo's past follow-ups). */
  public void close(long surveyId) {
    jdbc.update("UPDATE cm_satisfaction_survey SET status = 'CLOSED' WHERE id = ?", surveyId);
  }

  /** Links the follow-up survey to the survey it follows up; that cycle is then followed up. */
  public void linkFollowUp(long followUpSurveyId, long previousSurveyId) {
    jdbc.update("UPDATE cm_satisfaction_survey SET follows_survey_id = ? WHERE id = ?", previousSurveyId, followUpSurveyId);
    jdbc.update("UPDATE cm_satisfaction_survey SET status = 'FOLLOWED_UP' WHERE id = ?", previousSurveyId);
  }

  /** The name of a region, empty when no such region exists. */
  public Optional<String> regionName(String regionCode) {
    return jdbc.queryForList("SELECT name FROM cm_region WHERE region_code = ?", String.class, regionCode).stream()
        .findFirst();
  }

  // ---------------------------------------------------------------- index

  public void insertIndex(IndexRow r) {
    jdbc.update("INSERT INTO cm_satisfaction_index (survey_id, scope_type, scope_id, respondents, supply_mean, "
        + "service_mean, market_mean, index_value, previous_survey_id, previous_index, delta) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", r.surveyId(), r.scopeType(), r.scopeId(), r.respondents(),
        r.supplyMean(), r.serviceMean(), r.marketMean(), r.index(), r.previousSurveyId(), r.previousIndex(), r.delta());
  }

  public List<IndexRow> indexRows(long surveyId) {
    return jdbc.query(INDEX_COLUMNS + "WHERE survey_id = ? ORDER BY CASE scope_type WHEN 'REGION' THEN 0 ELSE 1 END, "
        + "scope_id", INDEX, surveyId);
  }

  public Optional<IndexRow> index(long surveyId, String scopeType, String scopeId) {
    return jdbc.query(INDEX_COLUMNS + "WHERE survey_id = ? AND scope_type = ? AND scope_id = ?", INDEX, surveyId,
        scopeType, scopeId).stream().findFirst();
  }

  /** The index of the scope's previous period: the latest survey measuring the scope that ended before {@code before}. */
  public Optional<IndexRow> previousIndex(String scopeType, String scopeId, LocalDate before) {
    return jdbc.query("SELECT i.survey_id, i.scope_type, i.scope_id, i.respondents, i.supply_mean, i.service_mean, "
        + "i.market_mean, i.index_value, i.previous_survey_id, i.previous_index, i.delta FROM cm_satisfaction_index i "
        + "JOIN cm_satisfaction_survey s ON s.id = i.survey_id WHERE i.scope_type = ? AND i.scope_id = ? "
        + "AND s.period_to < ? ORDER BY s.period_to DESC, s.id DESC", INDEX, scopeType, scopeId, Date.valueOf(before))
        .stream().findFirst();
  }

  /** The periods of a scope, oldest first, with the target its plan committed to (managers only). */
  public List<HistoryRow> history(String scopeType, String scopeId) {
    return jdbc.query("SELECT s.id, s.business_key, s.period_from, s.period_to, i.respondents, i.index_value, "
        + "i.previous_index, i.delta, p.target_index, p.target_date, p.status, p.target_reached "
        + "FROM cm_satisfaction_index i JOIN cm_satisfaction_survey s ON s.id = i.survey_id "
        + "LEFT JOIN cm_satisfaction_plan p ON p.survey_id = s.id AND i.scope_type = 'MANAGER' AND p.manager_id = i.scope_id "
        + "WHERE i.scope_type = ? AND i.scope_id = ? ORDER BY s.period_to, s.id",
        (rs, i) -> new HistoryRow(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(),
            rs.getDate(4).toLocalDate(), rs.getInt(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8),
            rs.getBigDecimal(9), localDate(rs.getDate(10)), rs.getString(11), (Boolean) rs.getObject(12, Boolean.class)),
        scopeType, scopeId);
  }

  // ---------------------------------------------------------------- plans

  public void openPlan(long surveyId, String managerId, BigDecimal currentIndex) {
    jdbc.update("INSERT INTO cm_satisfaction_plan (survey_id, manager_id, current_index, status) VALUES (?, ?, ?, 'OPEN')",
        surveyId, managerId, currentIndex);
  }

  private static final String PLAN_SELECT = "SELECT survey_id, manager_id, current_index, status, analysis, "
      + "target_index, target_date, submitted_at, rounds, reviewed_by, reviewed_at, review_comment, follow_up_index, "
      + "target_reached FROM cm_satisfaction_plan ";

  public Optional<Plan> plan(long surveyId, String managerId) {
    return jdbc.query(PLAN_SELECT + "WHERE survey_id = ? AND manager_id = ?", this::plan, surveyId, managerId)
        .stream().findFirst();
  }

  public List<Plan> plans(long surveyId) {
    return jdbc.query(PLAN_SELECT + "WHERE survey_id = ? ORDER BY manager_id", this::plan, surveyId);
  }

  public void submitPlan(long surveyId, String managerId, String analysis, List<String> measures, BigDecimal target,
                         LocalDate targetDate, Instant at) {
    jdbc.update("UPDATE cm_satisfaction_plan SET status = 'SUBMITTED', analysis = ?, target_index = ?, target_date = ?, "
        + "submitted_at = ?, rounds = rounds + 1 WHERE survey_id = ? AND manager_id = ?", analysis, target,
        Date.valueOf(targetDate), Timestamp.from(at), surveyId, managerId);
    jdbc.update("DELETE FROM cm_satisfaction_measure WHERE survey_id = ? AND manager_id = ?", surveyId, managerId);
    for (int i = 0; i < measures.size(); i++) {
      jdbc.update("INSERT INTO cm_satisfaction_measure (survey_id, manager_id, seq, measure) VALUES (?, ?, ?, ?)",
          surveyId, managerId, i + 1, measures.get(i));
    }
  }

  public void reviewPlan(long surveyId, String managerId, boolean accepted, String reviewer, String comment, Instant at) {
    jdbc.update("UPDATE cm_satisfaction_plan SET status = ?, reviewed_by = ?, reviewed_at = ?, review_comment = ? "
        + "WHERE survey_id = ? AND manager_id = ?", accepted ? "ACCEPTED" : "RETURNED", reviewer, Timestamp.from(at),
        comment, surveyId, managerId);
  }

  /** The follow-up's index of a plan's manager (null when none of their customers answered) against its target. */
  public void recordFollowUp(long surveyId, String managerId, BigDecimal followUpIndex, Boolean reached) {
    jdbc.update("UPDATE cm_satisfaction_plan SET follow_up_index = ?, target_reached = ? WHERE survey_id = ? "
        + "AND manager_id = ?", followUpIndex, reached, surveyId, managerId);
  }

  private Plan plan(ResultSet rs, int i) throws SQLException {
    long surveyId = rs.getLong(1);
    String managerId = rs.getString(2);
    List<String> measures = jdbc.queryForList("SELECT measure FROM cm_satisfaction_measure WHERE survey_id = ? "
        + "AND manager_id = ? ORDER BY seq", String.class, surveyId, managerId);
    return new Plan(surveyId, managerId, rs.getBigDecimal(3), rs.getString(4), rs.getString(5), rs.getBigDecimal(6),
        localDate(rs.getDate(7)), instant(rs.getTimestamp(8)), rs.getInt(9), rs.getString(10),
        instant(rs.getTimestamp(11)), rs.getString(12), rs.getBigDecimal(13), (Boolean) rs.getObject(14, Boolean.class),
        measures);
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  private static LocalDate localDate(Date d) {
    return d == null ? null : d.toLocalDate();
  }
}

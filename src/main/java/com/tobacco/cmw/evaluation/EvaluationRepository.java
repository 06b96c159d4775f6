package com.tobacco.cmw.evaluation;

import com.tobacco.cmw.evaluation.Criterion.Part;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The evaluations (cm_evaluation) and their criterion scores (cm_evaluation_score). When
 * archived, the whole evaluation is frozen into {@code archived_json}, which nothing changes.
 */
@Repository
public class EvaluationRepository {

  /** An evaluation's row without the frozen copy. */
  public record Evaluation(String evaluationKey, String processInstanceId, String evaluateeId, String evaluatorId,
                           LocalDate periodFrom, LocalDate periodTo, String status, String evidenceJson,
                           Instant startedAt, Instant scoreDueAt, BigDecimal meanBusiness, BigDecimal meanSupervision,
                           BigDecimal meanCoordination, BigDecimal meanReporting, String weights, BigDecimal totalScore,
                           String rating, Instant scoredAt, String response, String responseReason, Instant respondedAt,
                           String secondEvaluatorId, String secondDecision, String secondComment,
                           BigDecimal secondTotalScore, String secondRating, Instant secondReviewedAt,
                           BigDecimal finalTotalScore, String finalRating, Instant archivedAt) {}

  /** One criterion's score in one round (1 first evaluator, 2 second evaluator's revision). */
  public record Score(int round, String criterionCode, String part, int criterionNo, String criterionText, int score,
                      String comment) {}

  private static final String COLUMNS = "evaluation_key, process_instance_id, evaluatee_id, evaluator_id, period_from, "
      + "period_to, status, evidence_json, started_at, score_due_at, mean_business, mean_supervision, mean_coordination, "
      + "mean_reporting, weights, total_score, rating, scored_at, response, response_reason, responded_at, "
      + "second_evaluator_id, second_decision, second_comment, second_total_score, second_rating, second_reviewed_at, "
      + "final_total_score, final_rating, archived_at";

  private final JdbcTemplate jdbc;

  public EvaluationRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  private static Evaluation map(ResultSet rs, int i) throws SQLException {
    return new Evaluation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getDate(5).toLocalDate(), rs.getDate(6).toLocalDate(), rs.getString(7), rs.getString(8),
        instant(rs.getTimestamp(9)), instant(rs.getTimestamp(10)), rs.getBigDecimal(11), rs.getBigDecimal(12),
        rs.getBigDecimal(13), rs.getBigDecimal(14), rs.getString(15), rs.getBigDecimal(16), rs.getString(17),
        instant(rs.getTimestamp(18)), rs.getString(19), rs.getString(20), instant(rs.getTimestamp(21)),
        rs.getString(22), rs.getString(23), rs.getString(24), rs.getBigDecimal(25), rs.getString(26),
        instant(rs.getTimestamp(27)), rs.getBigDecimal(28), rs.getString(29), instant(rs.getTimestamp(30)));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  private static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  public boolean exists(String key) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM cm_evaluation WHERE evaluation_key = ?", Integer.class, key);
    return n != null && n > 0;
  }

  public void open(String key, String processInstanceId, String evaluateeId, String evaluatorId, LocalDate from,
                   LocalDate to, String evidenceJson, Instant scoreDueAt) {
    jdbc.update("INSERT INTO cm_evaluation (evaluation_key, process_instance_id, evaluatee_id, evaluator_id, period_from, "
            + "period_to, status, evidence_json, started_at, score_due_at) VALUES (?, ?, ?, ?, ?, ?, 'SCORING', ?, ?, ?)",
        key, processInstanceId, evaluateeId, evaluatorId, Date.valueOf(from), Date.valueOf(to), evidenceJson,
        ts(Instant.now()), ts(scoreDueAt));
  }

  public Optional<Evaluation> find(String key) {
    return jdbc.query("SELECT " + COLUMNS + " FROM cm_evaluation WHERE evaluation_key = ?", EvaluationRepository::map, key)
        .stream().findFirst();
  }

  public Evaluation ofProcessInstance(String processInstanceId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM cm_evaluation WHERE process_instance_id = ?", EvaluationRepository::map,
        processInstanceId).stream().findFirst()
        .orElseThrow(() -> new IllegalStateException("no evaluation for process instance " + processInstanceId));
  }

  /** All evaluations, or one evaluatee's, newest period first. */
  public List<Evaluation> list(String evaluateeId) {
    return evaluateeId == null
        ? jdbc.query("SELECT " + COLUMNS + " FROM cm_evaluation ORDER BY period_from DESC, evaluation_key", EvaluationRepository::map)
        : jdbc.query("SELECT " + COLUMNS + " FROM cm_evaluation WHERE evaluatee_id = ? ORDER BY period_from DESC, evaluation_key",
            EvaluationRepository::map, evaluateeId);
  }

  /** The first evaluator's scores and result; the evaluation now waits for the evaluatee. */
  public void saveFirstScores(String key, ScoreSheet sheet, EvaluationRules.Result result) {
    replaceScores(key, 1, sheet);
    Map<Part, BigDecimal> m = result.partMeans();
    jdbc.update("UPDATE cm_evaluation SET mean_business = ?, mean_supervision = ?, mean_coordination = ?, mean_reporting = ?, "
            + "weights = ?, total_score = ?, rating = ?, scored_at = ?, status = 'AWAITING_RESPONSE' WHERE evaluation_key = ?",
        m.get(Part.BUSINESS), m.get(Part.SUPERVISION), m.get(Part.COORDINATION), m.get(Part.REPORTING),
        weightsText(result.weights()), result.total(), result.rating(), ts(Instant.now()), key);
  }

  public void recordDispute(String key, String reason, String secondEvaluatorId, Instant respondedAt) {
    jdbc.update("UPDATE cm_evaluation SET response = 'DISPUTE', response_reason = ?, second_evaluator_id = ?, "
        + "responded_at = ?, status = 'DISPUTED' WHERE evaluation_key = ?", reason, secondEvaluatorId, ts(respondedAt), key);
  }

  public void recordAcknowledgement(String key, String remark, Instant respondedAt) {
    jdbc.update("UPDATE cm_evaluation SET response = 'ACKNOWLEDGE', response_reason = ?, responded_at = ? "
        + "WHERE evaluation_key = ?", remark, ts(respondedAt), key);
  }

  /** The second evaluator's review; on a revision with the new scores (round 2). */
  public void recordSecondReview(String key, String decision, String comment, ScoreSheet revised, BigDecimal total,
                                 String rating, Instant reviewedAt) {
    if (revised != null) {
      replaceScores(key, 2, revised);
    }
    jdbc.update("UPDATE cm_evaluation SET second_decision = ?, second_comment = ?, second_total_score = ?, second_rating = ?, "
        + "second_reviewed_at = ? WHERE evaluation_key = ?", decision, comment, total, rating, ts(reviewedAt), key);
  }

  public void archive(String key, BigDecimal finalTotal, String finalRating, String archivedJson) {
    jdbc.update("UPDATE cm_evaluation SET final_total_score = ?, final_rating = ?, archived_at = ?, archived_json = ?, "
        + "status = 'ARCHIVED' WHERE evaluation_key = ?", finalTotal, finalRating, ts(Instant.now()), archivedJson, key);
  }

  public Optional<String> archivedJson(String key) {
    return jdbc.query("SELECT archived_json FROM cm_evaluation WHERE evaluation_key = ?", (rs, i) -> rs.getString(1), key)
        .stream().filter(java.util.Objects::nonNull).findFirst();
  }

  public List<Score> scores(String key) {
    return jdbc.query("SELECT round_no, criterion_code, part, criterion_no, score, comment_text FROM cm_evaluation_score "
            + "WHERE evaluation_key = ? ORDER BY round_no", (rs, i) -> new Score(rs.getInt(1), rs.getString(2),
            rs.getString(3), rs.getInt(4), Criterion.valueOf(rs.getString(2)).text(), rs.getInt(5), rs.getString(6)), key)
        .stream().sorted(java.util.Comparator.comparingInt(Score::round)
            .thenComparing(s -> Criterion.valueOf(s.criterionCode()).ordinal())).toList();
  }

  /** Removes an evaluation with its scores (tests clean up after themselves). */
  public void delete(String key) {
    jdbc.update("DELETE FROM cm_evaluation_score WHERE evaluation_key = ?", key);
    jdbc.update("DELETE FROM cm_evaluation WHERE evaluation_key = ?", key);
  }

  private void replaceScores(String key, int round, ScoreSheet sheet) {
    jdbc.update("DELETE FROM cm_evaluation_score WHERE evaluation_key = ? AND round_no = ?", key, round);
    List<Object[]> rows = new ArrayList<>();
    for (Criterion c : Criterion.values()) {
      rows.add(new Object[] {key, round, c.code(), c.part().name(), c.number(), sheet.scores().get(c), sheet.comments().get(c)});
    }
    jdbc.batchUpdate("INSERT INTO cm_evaluation_score (evaluation_key, round_no, criterion_code, part, criterion_no, score, "
        + "comment_text) VALUES (?, ?, ?, ?, ?, ?, ?)", rows);
  }

  static String weightsText(Map<Part, Integer> weights) {
    return weights.entrySet().stream().map(e -> e.getKey().name() + "=" + e.getValue()).collect(Collectors.joining(","));
  }
}

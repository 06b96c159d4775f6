package com.tobacco.cmw.evaluation;

import static com.tobacco.cmw.evaluation.PerformanceEvaluationProcess.RESPONSE_ACKNOWLEDGE;
import static com.tobacco.cmw.evaluation.PerformanceEvaluationProcess.SECOND_REVISE;
import static com.tobacco.cmw.evaluation.PerformanceEvaluationProcess.Var;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Archives an evaluation: records the evaluatee's acknowledgement or the second evaluator's
 * review (with revised scores), fixes the result that stands — the second evaluator's on a
 * revision, otherwise the first — and freezes the whole evaluation (criteria with their exact
 * text, every round's scores and comments, evidence, answer, review) as JSON nothing changes.
 */
@Component("archiveEvaluation")
public class ArchiveEvaluationDelegate implements JavaDelegate {

  private final EvaluationRepository evaluations;
  private final EvaluationRules rules;
  private final ObjectMapper json;

  public ArchiveEvaluationDelegate(EvaluationRepository evaluations, EvaluationRules rules, ObjectMapper json) {
    this.evaluations = evaluations;
    this.rules = rules;
    this.json = json;
  }

  @Override
  public void execute(DelegateExecution execution) {
    EvaluationRepository.Evaluation e = evaluations.ofProcessInstance(execution.getProcessInstanceId());
    String key = e.evaluationKey();
    BigDecimal finalTotal = e.totalScore();
    String finalRating = e.rating();
    if (RESPONSE_ACKNOWLEDGE.equals(execution.getVariable(Var.RESPONSE))) {
      String remark = (String) execution.getVariable(Var.RESPONSE_REASON);
      evaluations.recordAcknowledgement(key, remark == null || remark.isBlank() ? null : remark.strip(),
          ((Date) execution.getVariable(Var.RESPONDED_AT)).toInstant());
    } else {
      String decision = (String) execution.getVariable(Var.SECOND_DECISION);
      String comment = ((String) execution.getVariable(Var.SECOND_COMMENT)).strip();
      Date reviewedAt = (Date) execution.getVariable(Var.SECOND_REVIEWED_AT);
      if (SECOND_REVISE.equals(decision)) {
        ScoreSheet revised = ScoreSheet.read(execution, IllegalStateException::new);
        EvaluationRules.Result result = rules.score(revised.scores());
        evaluations.recordSecondReview(key, decision, comment, revised, result.total(), result.rating(), reviewedAt.toInstant());
        finalTotal = result.total();
        finalRating = result.rating();
      } else {
        evaluations.recordSecondReview(key, decision, comment, null, null, null, reviewedAt.toInstant());
      }
    }
    evaluations.archive(key, finalTotal, finalRating, "{}");
    EvaluationRepository.Evaluation archived = evaluations.find(key).orElseThrow();
    evaluations.archive(key, finalTotal, finalRating, frozen(archived));
  }

  private String frozen(EvaluationRepository.Evaluation e) {
    try {
      Map<String, Object> copy = new LinkedHashMap<>();
      copy.put("evaluation", e);
      copy.put("evidence", json.readTree(e.evidenceJson()));
      copy.put("scores", evaluations.scores(e.evaluationKey()));
      return json.writeValueAsString(copy);
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException(ex);
    }
  }

  /** The frozen copy read back (for the REST answer). */
  static JsonNode read(ObjectMapper json, String frozen) {
    try {
      return json.readTree(frozen);
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException(ex);
    }
  }
}

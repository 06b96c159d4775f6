package com.tobacco.cmw.evaluation;

import static com.tobacco.cmw.evaluation.PerformanceEvaluationProcess.DECISION_RATING;
import static com.tobacco.cmw.evaluation.PerformanceEvaluationProcess.DECISION_WEIGHTS;

import com.tobacco.cmw.evaluation.Criterion.Part;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * The weights and the rating as the deployed decisions say (process owners change them in
 * Camunda Modeler), and the result of one score sheet. The decisions are asked by the process,
 * not by the user: the user who completes a task needs no right on decision definitions.
 */
@Component
public class EvaluationRules {

  /** Part means (1–5), weights (percent), total (20–100) and rating of one score sheet. */
  public record Result(Map<Part, BigDecimal> partMeans, Map<Part, Integer> weights, BigDecimal total, String rating) {}

  private final DecisionService decisions;

  public EvaluationRules(DecisionService decisions) {
    this.decisions = decisions;
  }

  public Result score(Map<Criterion, Integer> scores) {
    Map<Part, Integer> weights = weights();
    BigDecimal total = EvaluationFormula.total(weights, scores);
    return new Result(EvaluationFormula.partMeans(scores), weights, total, rating(total));
  }

  public Map<Part, Integer> weights() {
    Map<Part, Integer> weights = new EnumMap<>(Part.class);
    for (Part part : Part.values()) {
      DmnDecisionTableResult result = evaluate(DECISION_WEIGHTS, Map.of("part", part.name()));
      if (result.size() != 1) {
        throw new IllegalStateException("權重決策表對「" + part.title() + "」應有且只有一條規則 / decision "
            + DECISION_WEIGHTS + " has " + result.size() + " rules for " + part);
      }
      weights.put(part, ((Number) result.getSingleResult().getEntry("weight")).intValue());
    }
    EvaluationFormula.checkWeights(weights);
    return weights;
  }

  public String rating(BigDecimal total) {
    DmnDecisionTableResult result = evaluate(DECISION_RATING, Map.of("total", total.doubleValue()));
    if (result.size() != 1) {
      throw new IllegalStateException("評級決策表對總分 " + total + " 應有且只有一條規則 / decision "
          + DECISION_RATING + " has " + result.size() + " rules for " + total);
    }
    return result.getSingleResult().getEntry("rating");
  }

  private DmnDecisionTableResult evaluate(String key, Map<String, Object> variables) {
    return withoutAuthorization(() -> decisions.evaluateDecisionTableByKey(key, variables));
  }

  private static <T> T withoutAuthorization(Supplier<T> call) {
    CommandContext context = Context.getCommandContext();
    return context == null ? call.get() : context.runWithoutAuthorization(call::get);
  }
}

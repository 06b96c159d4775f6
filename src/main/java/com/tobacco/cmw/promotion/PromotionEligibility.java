package com.tobacco.cmw.promotion;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Grade eligibility (三級以上, §4.2.1) by the DMN {@code promotionEligibility} that process owners
 * edit: inputs {@code grade} and {@code businessType}, output {@code eligible}; hit policy FIRST,
 * so an exception written above the general rules wins. No matching rule means not eligible.
 * The latest deployed version is asked, once per grade and business type of a run.
 */
@Component
public class PromotionEligibility {

  private final DecisionService decisions;

  public PromotionEligibility(DecisionService decisions) {
    this.decisions = decisions;
  }

  /** A fresh cache for one evaluation run: (grade, business type) → eligible. */
  public Map<String, Boolean> newCache() {
    return new HashMap<>();
  }

  public boolean eligible(int grade, String businessType, Map<String, Boolean> cache) {
    return cache.computeIfAbsent(grade + "|" + businessType, k -> {
      Map<String, Object> input = new HashMap<>();
      input.put("grade", grade);
      input.put("businessType", businessType);
      DmnDecisionTableResult result = withoutAuthorization(() ->
          decisions.evaluateDecisionTableByKey(PromotionSelectionProcess.DECISION_ELIGIBILITY, input));
      DmnDecisionRuleResult first = result.getFirstResult();
      return first != null && Boolean.TRUE.equals(first.getEntry("eligible"));
    });
  }

  private static <T> T withoutAuthorization(Supplier<T> call) {
    CommandContext context = Context.getCommandContext();
    return context == null ? call.get() : context.runWithoutAuthorization(call::get);
  }
}

package com.tobacco.cmw.evaluation;

import com.tobacco.cmw.process.Variables;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * One evaluator's score sheet as submitted: for every criterion of 篇2 a whole score 1–5 and an
 * optional comment. {@link #read} refuses a missing, fractional or out-of-range score, naming
 * the criterion, so the form stays open and nothing is written.
 */
public record ScoreSheet(Map<Criterion, Integer> scores, Map<Criterion, String> comments) {

  public static final int MIN_SCORE = 1;
  public static final int MAX_SCORE = 5;
  public static final int COMMENT_MAX = 500;

  public ScoreSheet {
    scores = Collections.unmodifiableMap(new EnumMap<>(scores));
    comments = Collections.unmodifiableMap(comments.isEmpty() ? new EnumMap<>(Criterion.class) : new EnumMap<>(comments));
  }

  public static ScoreSheet read(VariableScope scope, Function<String, RuntimeException> error) {
    Map<Criterion, Integer> scores = new EnumMap<>(Criterion.class);
    Map<Criterion, String> comments = new EnumMap<>(Criterion.class);
    List<String> missing = new ArrayList<>();
    for (Criterion c : Criterion.values()) {
      BigDecimal value = Variables.number(scope.getVariable(c.scoreVariable()), label(c), error);
      if (value == null) {
        missing.add(c.part().title() + " " + c.number());
        continue;
      }
      if (value.stripTrailingZeros().scale() > 0 || value.compareTo(BigDecimal.valueOf(MIN_SCORE)) < 0
          || value.compareTo(BigDecimal.valueOf(MAX_SCORE)) > 0) {
        throw error.apply("「" + label(c) + "」的評分應為 1 至 5 的整數,而不是 " + value.toPlainString()
            + " / the score of " + c.code() + " must be a whole number from 1 to 5, got " + value.toPlainString());
      }
      scores.put(c, value.intValue());
      String comment = Variables.optionalText(scope, c.commentVariable(), label(c) + " 說明", COMMENT_MAX, error);
      if (comment != null) {
        comments.put(c, comment);
      }
    }
    if (!missing.isEmpty()) {
      throw error.apply("請為每一項評分(1–5),缺少:" + String.join("、", missing) + " / every criterion needs a score; missing: "
          + missing.size());
    }
    return new ScoreSheet(scores, comments);
  }

  private static String label(Criterion c) {
    return c.part().title() + " " + c.number() + "." + c.text();
  }
}

package com.tobacco.cmw.evaluation;

import static com.tobacco.cmw.evaluation.PerformanceEvaluationProcess.Var;

import com.tobacco.cmw.calendar.WorkCalendar;
import com.tobacco.cmw.evaluation.Criterion.Part;
import com.tobacco.cmw.process.InvalidInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Checks the first evaluator's score sheet in the evaluator's transaction (every criterion a whole
 * score 1–5) and computes the part means, the total and the rating for the evaluatee to read.
 * Bad input keeps the task open with nothing written; the scores are written by
 * {@link SaveScoresDelegate} after the transaction boundary.
 */
@Component("checkEvaluationScores")
public class CheckScoresDelegate implements JavaDelegate {

  static final int RESPONSE_WORKING_DAYS = 3;

  private final EvaluationRules rules;
  private final WorkCalendar calendar;

  public CheckScoresDelegate(EvaluationRules rules, WorkCalendar calendar) {
    this.rules = rules;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ScoreSheet sheet = ScoreSheet.read(execution, m -> InvalidInput.inForm("score", m));
    EvaluationRules.Result result = rules.score(sheet.scores());
    setResult(execution, result, (String) execution.getVariable(Var.EVALUATOR_NAME));
    execution.setVariable(Var.RESPONSE_DUE, calendar.endOfWorkingDaysFromToday(RESPONSE_WORKING_DAYS));
  }

  /** Total, rating and the result as the forms show it. */
  static void setResult(DelegateExecution execution, EvaluationRules.Result result, String evaluatorName) {
    execution.setVariable(Var.TOTAL_SCORE, result.total().doubleValue());
    execution.setVariable(Var.RATING, result.rating());
    execution.setVariable(Var.RESULT_TEXT, resultText(result, evaluatorName));
  }

  static String resultText(EvaluationRules.Result result, String evaluatorName) {
    StringBuilder text = new StringBuilder("**測評結果 Result(測評人 " + evaluatorName + ")**\n\n"
        + "| 部分 Part | 項數 | 權重 Weight | 平均分 Mean (1–5) |\n|---|---|---|---|\n");
    for (Part part : Part.values()) {
      text.append("| ").append(part.title()).append(" | ").append(part.criteria().size()).append(" | ")
          .append(result.weights().get(part)).append(" % | ").append(result.partMeans().get(part).toPlainString())
          .append(" |\n");
    }
    text.append("\n總分 Total = Σ 權重 × 平均分 × 20 = **").append(result.total().toPlainString())
        .append("** / 100,評級 Rating:**").append(result.rating()).append("**");
    return text.toString();
  }
}

package com.tobacco.cmw.evaluation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Writes the first evaluator's checked scores, comments and result; the evaluatee's turn comes next. */
@Component("saveEvaluationScores")
public class SaveScoresDelegate implements JavaDelegate {

  private final EvaluationRepository evaluations;
  private final EvaluationRules rules;

  public SaveScoresDelegate(EvaluationRepository evaluations, EvaluationRules rules) {
    this.evaluations = evaluations;
    this.rules = rules;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ScoreSheet sheet = ScoreSheet.read(execution, IllegalStateException::new);
    EvaluationRepository.Evaluation evaluation = evaluations.ofProcessInstance(execution.getProcessInstanceId());
    evaluations.saveFirstScores(evaluation.evaluationKey(), sheet, rules.score(sheet.scores()));
  }
}

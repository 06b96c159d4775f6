package com.tobacco.cmw.evaluation;

import static com.tobacco.cmw.evaluation.PerformanceEvaluationProcess.Var;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Writes the evaluatee's dispute with its reason and the second evaluator it goes to. */
@Component("recordEvaluationDispute")
public class RecordDisputeDelegate implements JavaDelegate {

  private final EvaluationRepository evaluations;

  public RecordDisputeDelegate(EvaluationRepository evaluations) {
    this.evaluations = evaluations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    EvaluationRepository.Evaluation evaluation = evaluations.ofProcessInstance(execution.getProcessInstanceId());
    evaluations.recordDispute(evaluation.evaluationKey(), ((String) execution.getVariable(Var.RESPONSE_REASON)).strip(),
        (String) execution.getVariable(Var.SECOND_EVALUATOR_ID), ((Date) execution.getVariable(Var.RESPONDED_AT)).toInstant());
  }
}

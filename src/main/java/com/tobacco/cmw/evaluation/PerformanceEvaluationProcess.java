package com.tobacco.cmw.evaluation;

/** Ids and variable names of {@code processes/performanceEvaluation.bpmn}, for code and tests. */
public final class PerformanceEvaluationProcess {

  public static final String PROCESS_KEY = "performanceEvaluation";
  /** Decision (processes/performanceEvaluationWeights.dmn): part → weight in percent. */
  public static final String DECISION_WEIGHTS = "performanceEvaluationWeights";
  /** Decision (processes/performanceEvaluationRating.dmn): total 20–100 → rating. */
  public static final String DECISION_RATING = "performanceEvaluationRating";

  /** BPMN element ids. */
  public static final class Element {
    public static final String START = "StartEvent_EvaluationRequested";
    public static final String OPEN = "Task_OpenEvaluation";
    public static final String SCORE = "Task_ScoreEvaluation";
    public static final String CHECK_SCORES = "Task_CheckScores";
    public static final String SAVE_SCORES = "Task_SaveScores";
    public static final String RESPOND = "Task_RespondToResult";
    public static final String CHECK_RESPONSE = "Task_CheckResponse";
    public static final String RESPONSE_GATEWAY = "Gateway_Response";
    public static final String RECORD_DISPUTE = "Task_RecordDispute";
    public static final String SECOND_REVIEW = "Task_SecondReview";
    public static final String CHECK_SECOND_REVIEW = "Task_CheckSecondReview";
    public static final String ARCHIVE_MERGE = "Gateway_ToArchive";
    public static final String ARCHIVE = "Task_ArchiveEvaluation";
    public static final String END = "EndEvent_EvaluationArchived";

    private Element() {}
  }

  /** Process variable names. */
  public static final class Var {
    // given at the start
    public static final String EVALUATEE_ID = "evaluateeId";
    public static final String PERIOD_FROM = "periodFrom";
    public static final String PERIOD_TO = "periodTo";
    /** The starting user; given only when no user is logged in (system or test start). */
    public static final String EVALUATOR_ID = "evaluatorId";
    // set when the evaluation opens
    public static final String EVALUATION_KEY = "evaluationKey";
    public static final String EVALUATEE_NAME = "evaluateeName";
    public static final String EVALUATOR_NAME = "evaluatorName";
    public static final String EVIDENCE_TEXT = "evidenceText";
    public static final String SCORE_DUE = "scoreDue";
    public static final String SECOND_EVALUATOR_OPTIONS = "secondEvaluatorOptions";
    // set when the scores are checked (first and, if revised, second evaluation)
    public static final String TOTAL_SCORE = "totalScore";
    public static final String RATING = "rating";
    public static final String RESULT_TEXT = "resultText";
    public static final String RESPONSE_DUE = "responseDue";
    // the evaluatee's answer
    public static final String RESPONSE = "response";
    public static final String RESPONSE_REASON = "responseReason";
    public static final String SECOND_EVALUATOR_ID = "secondEvaluatorId";
    public static final String RESPONDED_AT = "respondedAt";
    public static final String SECOND_REVIEW_DUE = "secondReviewDue";
    // the second evaluator's review
    public static final String SECOND_DECISION = "secondDecision";
    public static final String SECOND_COMMENT = "secondComment";
    public static final String SECOND_REVIEWED_AT = "secondReviewedAt";

    private Var() {}
  }

  public static final String RESPONSE_ACKNOWLEDGE = "ACKNOWLEDGE";
  public static final String RESPONSE_DISPUTE = "DISPUTE";
  public static final String SECOND_UPHOLD = "UPHOLD";
  public static final String SECOND_REVISE = "REVISE";

  private PerformanceEvaluationProcess() {}
}

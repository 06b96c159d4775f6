package com.tobacco.cmw.satisfaction;

/** Ids and variable names of {@code processes/satisfactionImprovement.bpmn}, for code and tests. */
public final class SatisfactionImprovementProcess {

  public static final String PROCESS_KEY = "satisfactionImprovement";

  /** BPMN element ids. */
  public static final class Element {
    public static final String START = "StartEvent_EvaluationRequested";
    public static final String LOAD_SURVEY = "Task_LoadSurvey";
    public static final String IMPROVE = "SubProcess_ImproveSatisfaction";
    public static final String IMPROVEMENT_STARTED = "StartEvent_ImprovementStarted";
    public static final String READY_FOR_ANALYSIS = "Gateway_ReadyForAnalysis";
    public static final String ANALYSE = "Task_AnalyseAndCommit";
    public static final String RECORD_MEASURES = "Task_RecordMeasures";
    public static final String REVIEW = "Task_ReviewMeasures";
    public static final String RECORD_REVIEW = "Task_RecordMeasuresReview";
    public static final String MEASURES_ACCEPTED = "Gateway_MeasuresAccepted";
    public static final String END_ACCEPTED = "EndEvent_MeasuresAccepted";
    public static final String PLAN_FOLLOW_UP = "Task_PlanFollowUp";
    public static final String FOLLOW_UP_DUE = "Event_FollowUpDue";
    public static final String LOAD_FOLLOW_UP = "Task_LoadFollowUpSurvey";
    public static final String START_FOLLOW_UP = "Task_StartFollowUp";
    public static final String END_FOLLOW_UP_STARTED = "EndEvent_FollowUpStarted";

    private Element() {}
  }

  /** Process variable names. */
  public static final class Var {
    // given at start (start form or POST /api/satisfaction-evaluations)
    public static final String SCOPE_TYPE = "scopeType";
    public static final String SCOPE_ID = "scopeId";
    public static final String PERIOD_FROM = "periodFrom";
    public static final String PERIOD_TO = "periodTo";
    public static final String SURVEY_CSV = "surveyCsv";
    public static final String SURVEY_FILE_NAME = "surveyFileName";
    public static final String SURVEY_ENCODING = "surveyEncoding";
    // set when the survey is loaded (for forms and task names; never read back as the truth)
    public static final String EVALUATION_NO = "evaluationNo";
    public static final String SURVEY_ID = "surveyId";
    public static final String SCOPE_TEXT = "scopeText";
    public static final String INDEX_TEXT = "indexText";
    public static final String MANAGERS = "managers";
    public static final String PREVIOUS_EVALUATION = "previousEvaluation";
    public static final String NEXT_EVALUATION = "nextEvaluation";
    public static final String FOLLOW_UP_DUE = "followUpDue";
    // the multi-instance element variable: one improvement per customer manager
    public static final String MANAGER_ID = "managerId";
    // transient, set when an analysis or review task completes: the task's own manager
    public static final String TASK_MANAGER = "taskManagerId";
    // §4.8.1–§4.8.2 the customer manager's analysis and measures (local to one improvement)
    public static final String ANALYSIS = "analysis";
    public static final String MEASURES = "measures";
    public static final String TARGET_INDEX = "targetIndex";
    public static final String TARGET_DATE = "targetDate";
    // the requester's decision (local to one improvement)
    public static final String REVIEW_DECISION = "reviewDecision";
    public static final String REVIEW_COMMENT = "reviewComment";
    // the follow-up survey
    public static final String FOLLOW_UP_PERIOD_FROM = "followUpPeriodFrom";
    public static final String FOLLOW_UP_PERIOD_TO = "followUpPeriodTo";
    public static final String FOLLOW_UP_CSV = "followUpCsv";
    // task-local, read-only text for the forms, set when a task opens (never read back)
    public static final String CURRENT_INDEX = "currentIndex";
    public static final String MANAGER_INDEX_TEXT = "managerIndexText";
    public static final String PLAN_TEXT = "planText";
    public static final String LAST_REVIEW_TEXT = "lastReviewText";

    private Var() {}
  }

  public static final String ACCEPT = "ACCEPT";
  public static final String RETURN = "RETURN";
  public static final String SCOPE_MANAGER = "MANAGER";
  public static final String SCOPE_REGION = "REGION";

  private SatisfactionImprovementProcess() {}
}

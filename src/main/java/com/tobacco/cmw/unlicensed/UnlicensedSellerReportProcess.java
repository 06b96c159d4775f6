package com.tobacco.cmw.unlicensed;

/** Ids and variable names of {@code processes/unlicensedSellerReport.bpmn}, for code and tests. */
public final class UnlicensedSellerReportProcess {

  public static final String PROCESS_KEY = "unlicensedSellerReport";

  /** BPMN element ids. */
  public static final class Element {
    public static final String START = "StartEvent_UnlicensedSellerReported";
    public static final String OPEN_REPORT = "Task_OpenReport";
    public static final String REVIEW = "Task_ReviewReport";
    public static final String RECORD_REVIEW = "Task_RecordReview";
    public static final String FORWARDED = "Gateway_Forwarded";
    public static final String END_DUPLICATE = "EndEvent_ClosedAsDuplicate";
    /** The investigation with its overdue follow-up; recording the result terminates it. */
    public static final String INVESTIGATION = "SubProcess_Investigation";
    public static final String START_INVESTIGATION = "StartEvent_InvestigationStarted";
    public static final String INVESTIGATE = "Task_InvestigateReport";
    public static final String RECORD_RESULT = "Task_RecordResult";
    public static final String END_RESULT_RECORDED = "EndEvent_ResultRecorded";
    public static final String ACKNOWLEDGE = "Task_AcknowledgeResult";
    public static final String RECORD_ACKNOWLEDGEMENT = "Task_RecordAcknowledgement";
    public static final String END_ACKNOWLEDGED = "EndEvent_ResultAcknowledged";
    public static final String INVESTIGATION_OVERDUE = "BoundaryEvent_InvestigationOverdue";
    public static final String RECORD_OVERDUE = "Task_RecordInvestigationOverdue";
    public static final String FOLLOW_UP_OVERDUE = "Task_FollowUpOverdueInvestigation";
    public static final String RECORD_FOLLOW_UP = "Task_RecordOverdueFollowUp";
    public static final String END_FOLLOWED_UP = "EndEvent_OverdueFollowedUp";

    private Element() {}
  }

  /**
   * Process variable names. No variable is called {@code customerCode}: an approved exit of that
   * customer would end the report with the customer's own work (decision 67); the customer near the
   * place is {@code nearCustomerCode}.
   */
  public static final class Var {
    // given at start (start form or POST /api/unlicensed-reports)
    public static final String PLACE = "place";
    public static final String DESCRIPTION = "description";
    public static final String SEEN_AT = "seenAt";
    public static final String EVIDENCE_NOTE = "evidenceNote";
    public static final String NEAR_CUSTOMER_CODE = "nearCustomerCode";
    /** Only without a logged-in user (a job, a test): who reports. */
    public static final String REPORTER_ID = "reporterId";
    /** Only from a visit (customerVisit's step, no logged-in user): the sighting to report. */
    public static final String SIGHTING_ID = "sightingId";
    // set when the report opens (for forms and task names; never read back as the truth)
    public static final String CASE_NO = "caseNo";
    public static final String REGION_NAME = "regionName";
    public static final String REPORTER_NAME = "reporterName";
    public static final String SEEN_AT_TEXT = "seenAtText";
    public static final String NEAR_CUSTOMER_TEXT = "nearCustomerText";
    // the regional manager's review
    public static final String REVIEW_DECISION = "reviewDecision";
    public static final String DUPLICATE_OF = "duplicateOf";
    public static final String REVIEW_COMMENT = "reviewComment";
    /** Task-local on the review: the open reports of the region at a matching place (label, value). */
    public static final String DUPLICATE_CANDIDATES = "duplicateCandidates";
    public static final String DUPLICATE_HINT = "duplicateHint";
    public static final String INVESTIGATION_DUE = "investigationDue";
    public static final String DUE_TEXT = "dueText";
    // the monopoly department's result
    public static final String MONOPOLY_RESULT = "monopolyResult";
    public static final String RESULT_NOTE = "resultNote";
    public static final String RESULT_DATE = "resultDate";
    public static final String RESULT_TEXT = "resultText";
    // overdue follow-up and acknowledgement
    public static final String FOLLOW_UP_NOTE = "followUpNote";
    public static final String ACKNOWLEDGEMENT_NOTE = "acknowledgementNote";

    private Var() {}
  }

  public static final String FORWARD = "FORWARD";
  public static final String DUPLICATE = "DUPLICATE";

  private UnlicensedSellerReportProcess() {}
}

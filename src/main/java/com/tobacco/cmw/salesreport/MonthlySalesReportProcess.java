package com.tobacco.cmw.salesreport;

/** Ids and variable names of {@code processes/monthlySalesReport.bpmn}, for code and tests. */
public final class MonthlySalesReportProcess {

  public static final String PROCESS_KEY = "monthlySalesReport";
  /** Starts one manager's report; business key {@code YB-<yyyy>-<MM>-<managerId>}. */
  public static final String MESSAGE_REPORT_REQUESTED = "MonthlySalesReportRequested";

  /** BPMN element ids. */
  public static final class Element {
    public static final String START_FIRST_OF_MONTH = "StartEvent_FirstOfMonth";
    public static final String START_MANAGER_REPORTS = "Task_StartManagerReports";
    public static final String END_REPORTS_STARTED = "EndEvent_ManagerReportsStarted";
    public static final String START_REPORT_REQUESTED = "StartEvent_ReportRequested";
    public static final String DRAFT_REPORT = "Task_DraftReport";
    public static final String WRITE_OR_REVISE = "Gateway_WriteOrRevise";
    public static final String WRITE_REPORT = "Task_WriteReport";
    public static final String CHECK_REPORT = "Task_CheckReport";
    public static final String SUBMIT_REPORT = "Task_SubmitReport";
    public static final String REVIEW_REPORT = "Task_ReviewReport";
    public static final String RECORD_REVIEW = "Task_RecordReview";
    public static final String REVIEW_DECISION = "Gateway_ReviewDecision";
    public static final String ARCHIVE_REPORT = "Task_ArchiveReport";
    public static final String END_ARCHIVED = "EndEvent_ReportArchived";
    public static final String REPORT_OVERDUE = "BoundaryEvent_ReportOverdue";
    public static final String RECORD_ESCALATION = "Task_RecordReportEscalation";
    public static final String NOTICE_OVERDUE = "Task_NoticeOverdueReport";
    public static final String END_OVERDUE_NOTICED = "EndEvent_OverdueReportNoticed";

    private Element() {}
  }

  /** Process variable names. */
  public static final class Var {
    // given at the start of one manager's report
    public static final String MANAGER_ID = "managerId";
    public static final String REPORT_MONTH = "reportMonth";
    // set by the draft
    public static final String REPORT_KEY = "reportKey";
    public static final String MANAGER_NAME = "managerName";
    public static final String REPORT_DUE = "reportDue";
    public static final String REPORT_FIGURES = "reportFigures";
    // sections a–d (§4.4.2), pre-filled, then written by the manager
    public static final String OVERALL_ANALYSIS = "overallAnalysis";
    public static final String PROBLEMS_AND_MEASURES = "problemsAndMeasures";
    public static final String CUSTOMER_OPINIONS = "customerOpinions";
    public static final String FORECAST_ANALYSIS = "forecastAnalysis";
    // the regional manager's review (§4.5)
    public static final String REVIEW_DECISION = "reviewDecision";
    public static final String REVIEW_COMMENT = "reviewComment";
    public static final String LAST_REVIEW_COMMENT = "lastReviewComment";

    private Var() {}
  }

  public static final String DECISION_APPROVE = "APPROVE";
  public static final String DECISION_RETURN = "RETURN";

  private MonthlySalesReportProcess() {}
}

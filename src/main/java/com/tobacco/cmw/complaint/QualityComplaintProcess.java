package com.tobacco.cmw.complaint;

/** Ids and variable names of {@code processes/qualityComplaint.bpmn}, for code and tests. */
public final class QualityComplaintProcess {

  public static final String PROCESS_KEY = "qualityComplaint";
  public static final String ESCALATION_STEP_OVERDUE = "STEP_OVERDUE";

  /** BPMN element ids. */
  public static final class Element {
    public static final String START = "StartEvent_ComplaintReported";
    public static final String OPEN_CASE = "Task_OpenComplaintCase";
    public static final String HANDLE = "SubProcess_HandleComplaint";
    public static final String INSPECT = "Task_InspectDefectiveGoods";
    public static final String RECORD_INSPECTION = "Task_RecordInspection";
    public static final String SUSPECTED_COUNTERFEIT = "Gateway_SuspectedCounterfeit";
    public static final String REFER_TO_MONOPOLY = "Gateway_ReferToMonopoly";
    public static final String INVESTIGATE_COUNTERFEIT = "Task_InvestigateCounterfeit";
    public static final String RECORD_MONOPOLY_RESULT = "Task_RecordMonopolyResult";
    public static final String END_COUNTERFEIT_INVESTIGATED = "EndEvent_CounterfeitInvestigated";
    public static final String FILL_FEEDBACK_FORM = "Task_FillFeedbackForm";
    public static final String RECORD_FEEDBACK_FORM = "Task_RecordFeedbackForm";
    public static final String REVIEW = "Task_ReviewComplaint";
    public static final String RECORD_REVIEW = "Task_RecordReview";
    public static final String REPLACEMENT_APPROVED = "Gateway_ReplacementApproved";
    public static final String PROVIDE_MORE_INFO = "Task_ProvideMoreInformation";
    public static final String RECORD_MORE_INFO = "Task_RecordMoreInformation";
    public static final String REPLACE_GOODS = "Task_ReplaceGoods";
    public static final String RECORD_REPLACEMENT = "Task_RecordReplacement";
    public static final String FEED_BACK_RESULT = "Task_FeedBackResult";
    public static final String RECORD_FEEDBACK_TO_CUSTOMER = "Task_RecordFeedbackToCustomer";
    public static final String END_HANDLING_DONE = "EndEvent_HandlingDone";
    public static final String INSPECTION_OVERDUE = "BoundaryEvent_InspectionOverdue";
    public static final String REVIEW_OVERDUE = "BoundaryEvent_ReviewOverdue";
    public static final String REPLACEMENT_OVERDUE = "BoundaryEvent_ReplacementOverdue";
    public static final String RECORD_INSPECTION_ESCALATION = "Task_RecordInspectionEscalation";
    public static final String RECORD_REVIEW_ESCALATION = "Task_RecordReviewEscalation";
    public static final String RECORD_REPLACEMENT_ESCALATION = "Task_RecordReplacementEscalation";
    public static final String END_STEP_ESCALATED = "EndEvent_StepEscalated";
    public static final String CASE_OVERDUE = "BoundaryEvent_CaseOverdue";
    public static final String STEP_OVERDUE = "BoundaryEvent_StepOverdue";
    public static final String RECORD_CASE_ESCALATION = "Task_RecordCaseEscalation";
    public static final String NOTICE_ESCALATION = "Task_NoticeEscalation";
    public static final String RECORD_ESCALATION_NOTICE = "Task_RecordEscalationNotice";
    public static final String END_ESCALATION_NOTICED = "EndEvent_EscalationNoticed";
    public static final String CLOSE_CASE = "Task_CloseComplaintCase";
    public static final String END_CLOSED = "EndEvent_ComplaintClosed";

    private Element() {}
  }

  /** Process variable names. */
  public static final class Var {
    // given at start (start form or POST /api/complaints)
    public static final String CUSTOMER_CODE = "customerCode";
    public static final String BRAND_CODE = "brandCode";
    public static final String QUANTITY = "quantity";
    public static final String QUANTITY_UNIT = "quantityUnit";
    public static final String DEFECT_DESCRIPTION = "defectDescription";
    // set when the case opens (for forms and task names; never read back as the truth)
    public static final String CASE_NO = "caseNo";
    public static final String CUSTOMER_NAME = "customerName";
    public static final String BRAND_NAME = "brandName";
    public static final String MANAGER_ID = "managerId";
    public static final String QUANTITY_TEXT = "quantityText";
    public static final String CASE_DUE = "caseDue";
    public static final String INSPECTION_DUE = "inspectionDue";
    public static final String REVIEW_DUE = "reviewDue";
    public static final String REPLACEMENT_DUE = "replacementDue";
    // §4.6.1 inspection
    public static final String DEFECT_CONFIRMED = "defectConfirmed";
    public static final String CAUSE = "cause";
    public static final String INSPECTION_NOTES = "inspectionNotes";
    public static final String SUSPECTED_COUNTERFEIT = "suspectedCounterfeit";
    // §4.6.2 the feedback form signed by the customer
    public static final String SIGNER_NAME = "signerName";
    public static final String CUSTOMER_SIGNED = "customerSigned";
    // the regional manager's review
    public static final String REVIEW_DECISION = "reviewDecision";
    public static final String APPROVED_QUANTITY = "approvedQuantity";
    public static final String REVIEW_COMMENT = "reviewComment";
    public static final String MORE_INFORMATION = "moreInformation";
    // §4.6.3–§4.6.4 replacement and 客戶確認
    public static final String REPLACED_QUANTITY = "replacedQuantity";
    public static final String CUSTOMER_CONFIRMATION = "customerConfirmation";
    public static final String CUSTOMER_CONFIRMED = "customerConfirmed";
    // §4.6.5 feedback to the customer
    public static final String FEEDBACK_NOTE = "feedbackNote";
    // monopoly department and escalation notices
    public static final String MONOPOLY_RESULT = "monopolyResult";
    public static final String NOTICE_COMMENT = "noticeComment";
    public static final String ESCALATION_SUMMARY = "escalationSummary";
    // task-local, read-only text for the forms, set when a task opens (never read back)
    public static final String DUE_TEXT = "dueText";
    public static final String INSPECTION_TEXT = "inspectionText";
    public static final String REVIEW_TEXT = "reviewText";
    public static final String APPROVED_QUANTITY_TEXT = "approvedQuantityText";

    private Var() {}
  }

  public static final String APPROVED = "APPROVED";
  public static final String REJECTED = "REJECTED";
  public static final String MORE_INFO = "MORE_INFO";

  private QualityComplaintProcess() {}
}

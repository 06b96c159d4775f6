package com.tobacco.cmw.infochange;

/** Ids and variable names of {@code processes/customerInfoChange.bpmn}, for code and tests. */
public final class CustomerInfoChangeProcess {

  public static final String PROCESS_KEY = "customerInfoChange";

  /** BPMN element ids. */
  public static final class Element {
    public static final String START = "StartEvent_ChangeRequested";
    public static final String OPEN_REQUEST = "Task_OpenChangeRequest";
    public static final String NEEDS_APPROVAL = "Gateway_NeedsApproval";
    public static final String END_APPLIED_AT_ONCE = "EndEvent_ChangeApplied";
    public static final String APPROVE = "Task_ApproveChange";
    public static final String RECORD_DECISION = "Task_RecordChangeDecision";
    public static final String APPROVED = "Gateway_ChangeApproved";
    public static final String APPROVAL_GIVEN = "Gateway_ApprovalGiven";
    public static final String APPLY = "Task_ApplyApprovedChange";
    public static final String APPLIED = "Gateway_ChangeApplied";
    public static final String END_APPROVED = "EndEvent_ChangeApproved";
    public static final String ACKNOWLEDGE_REJECTION = "Task_AcknowledgeRejection";
    public static final String END_REJECTED = "EndEvent_ChangeRejected";
    public static final String ACKNOWLEDGE_REFUSAL = "Task_AcknowledgeRefusal";
    public static final String END_REFUSED = "EndEvent_ChangeRefused";

    private Element() {}
  }

  /** Process variable names. */
  public static final class Var {
    // given at start (start form or POST /api/customers/{code}/change-requests); empty = unchanged
    public static final String CUSTOMER_CODE = "customerCode";
    public static final String NEW_CONTACT_NAME = "newContactName";
    public static final String NEW_PHONE = "newPhone";
    public static final String NEW_ADDRESS = "newAddress";
    public static final String NEW_LICENCE_NO = "newLicenceNo";
    public static final String NEW_LICENCE_EXPIRY = "newLicenceExpiry";
    public static final String NEW_GRADE = "newGrade";
    public static final String NEW_REGION_CODE = "newRegionCode";
    public static final String NEW_MANAGER_ID = "newManagerId";
    public static final String CHANGE_REASON = "changeReason";
    // set when the request opens (for forms and routing; the request row is the truth)
    public static final String REQUEST_ID = "requestId";
    public static final String CUSTOMER_NAME = "customerName";
    public static final String REQUESTED_BY = "requestedBy";
    public static final String APPROVAL_ROUTE = "approvalRoute";
    public static final String CHANGE_SUMMARY = "changeSummary";
    // the regional manager's decision
    public static final String APPROVAL_DECISION = "approvalDecision";
    public static final String DECISION_COMMENT = "decisionComment";
    // set when the approved part is applied
    public static final String APPLY_OUTCOME = "applyOutcome";
    public static final String NOTICE_TEXT = "noticeText";

    private Var() {}
  }

  /** {@link Var#APPROVAL_ROUTE}: nothing to approve, a regional manager decides, or the requester is one. */
  public static final String ROUTE_NONE = "NONE";
  public static final String ROUTE_APPROVAL = "APPROVAL";
  public static final String ROUTE_REQUESTED_BY_APPROVER = "REQUESTED_BY_APPROVER";

  public static final String APPROVE = "APPROVE";
  public static final String REJECT = "REJECT";

  /** {@link Var#APPLY_OUTCOME}. */
  public static final String OUTCOME_APPLIED = "APPLIED";
  public static final String OUTCOME_REFUSED = "REFUSED";

  private CustomerInfoChangeProcess() {}
}

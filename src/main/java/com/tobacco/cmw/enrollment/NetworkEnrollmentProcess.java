package com.tobacco.cmw.enrollment;

import java.util.List;

/** Ids and variable names of {@code processes/networkEnrollment.bpmn}, for code and tests. */
public final class NetworkEnrollmentProcess {

  public static final String PROCESS_KEY = "networkEnrollment";
  /** The error thrown when the licence was taken by another customer between application and approval. */
  public static final String ERROR_LICENCE_TAKEN = "LICENCE_TAKEN";

  /** BPMN element ids. */
  public static final class Element {
    public static final String START = "StartEvent_ApplicationEntered";
    public static final String OPEN_APPLICATION = "Task_OpenApplication";
    public static final String VERIFY_STORE = "Task_VerifyStore";
    public static final String RECORD_VERIFICATION = "Task_RecordVerification";
    public static final String APPROVE = "Task_ApproveEnrollment";
    public static final String RECORD_DECISION = "Task_RecordDecision";
    public static final String DECISION = "Gateway_Decision";
    public static final String ENROLL_CUSTOMER = "Task_EnrollCustomer";
    public static final String LICENCE_TAKEN = "BoundaryEvent_LicenceTaken";
    public static final String PLAN_FIRST_VISIT = "Task_PlanFirstVisit";
    public static final String AMEND = "Task_AmendApplication";
    public static final String RECORD_AMENDMENT = "Task_RecordAmendment";
    public static final String WITHDRAWN = "Gateway_Withdrawn";
    public static final String NOTE_REJECTION = "Task_NoteRejection";
    public static final String END_ENROLLED = "EndEvent_CustomerEnrolled";
    public static final String END_REJECTED = "EndEvent_ApplicationRejected";
    public static final String END_WITHDRAWN = "EndEvent_ApplicationWithdrawn";

    private Element() {}
  }

  /** Process variable names. */
  public static final class Var {
    // the application (start form, amendment form)
    public static final String STORE_NAME = "storeName";
    public static final String ADDRESS = "address";
    public static final String LICENCE_NO = "licenceNo";
    public static final String LICENCE_EXPIRY = "licenceExpiry";
    public static final String HOLDER_NAME = "holderName";
    public static final String BUSINESS_TYPE = "businessType";
    public static final String REGION_CODE = "regionCode";
    public static final String CONTACT_NAME = "contactName";
    public static final String PHONE = "phone";
    // set when the application opens
    public static final String APPLICATION_NO = "applicationNo";
    public static final String APPLICANT_ID = "applicantId";
    public static final String HOLDER_TYPE_TEXT = "holderTypeText";
    public static final String VERIFICATION_DUE = "verificationDue";
    public static final String APPROVAL_DUE = "approvalDue";
    /** The deadline of the open task in words, company time ("2026-12-01 18:00 前"). */
    public static final String DUE_TEXT = "dueText";
    // on-site verification
    public static final String STORE_EXISTS = "storeExists";
    public static final String LICENCE_ORIGINAL_SEEN = "licenceOriginalSeen";
    public static final String RECOMMENDED_GRADE = "recommendedGrade";
    public static final String VERIFICATION_NOTES = "verificationNotes";
    public static final String VERIFIED = "verified";
    public static final String VERIFICATION_TEXT = "verificationText";
    // the regional manager's decision
    public static final String DECISION = "decision";
    public static final String GRANTED_GRADE = "grantedGrade";
    public static final String ASSIGNED_MANAGER = "assignedManagerId";
    public static final String MANAGER_CHOICES = "managerChoices";
    public static final String DECISION_REASON = "decisionReason";
    public static final String DECISION_TEXT = "decisionText";
    // the amendment
    public static final String WITHDRAW = "withdraw";
    // outcome
    public static final String CUSTOMER_CODE = "customerCode";
    public static final String FIRST_VISIT_DATE = "firstVisitDate";
    public static final String REJECTION_TEXT = "rejectionText";

    /** The fields of an application, as the start form and the REST start send them. */
    public static final List<String> APPLICATION_FIELDS = List.of(STORE_NAME, ADDRESS, LICENCE_NO, LICENCE_EXPIRY,
        HOLDER_NAME, BUSINESS_TYPE, REGION_CODE, CONTACT_NAME, PHONE);

    private Var() {}
  }

  public static final String APPROVE = "APPROVE";
  public static final String REJECT = "REJECT";
  public static final String RETURN = "RETURN";

  /** The business types of SPEC §2 and the demo data (經營業態). */
  public static final List<String> BUSINESS_TYPES = List.of("便利店", "食雜店", "超市", "煙酒店", "商場", "其他");

  private NetworkEnrollmentProcess() {}
}

package com.tobacco.cmw.visit;

/** Ids and variable names of {@code processes/customerVisit.bpmn}, for code and tests. */
public final class CustomerVisitProcess {

  public static final String PROCESS_KEY = "customerVisit";
  public static final String MESSAGE_SPECIAL_SITUATION = "SpecialSituationReported";
  public static final String DECISION_VISIT_FREQUENCY = "visitFrequency";

  /** BPMN element ids. */
  public static final class Element {
    public static final String START_REGULAR = "StartEvent_RegularVisitPlanned";
    public static final String START_SPECIAL = "StartEvent_SpecialSituationReported";
    public static final String OPEN_VISIT = "Task_OpenVisit";
    public static final String VISIT_CUSTOMER = "Task_VisitCustomer";
    public static final String CHECK_REPORT = "Task_CheckVisitReport";
    public static final String RECORD_VISIT = "Task_RecordVisit";
    public static final String UNLICENSED_SELLER_SEEN = "Gateway_UnlicensedSellerSeen";
    /** Forks the report off: the price check and downgrade decision do not wait for it. */
    public static final String REPORT_IN_PARALLEL = "Gateway_ReportInParallel";
    public static final String REPORT_UNLICENSED_SELLER = "Task_ReportUnlicensedSeller";
    public static final String END_SIGHTING_REPORTED = "EndEvent_SightingReported";
    public static final String SIGHTING_HANDLED = "Gateway_SightingHandled";
    public static final String PRICE_VIOLATION = "Gateway_PriceViolation";
    public static final String DECIDE_DOWNGRADE = "Task_DecideDowngrade";
    public static final String RECORD_DECISION = "Task_RecordDowngradeDecision";
    public static final String DOWNGRADE_CUSTOMER = "Task_DowngradeCustomer";
    public static final String VISIT_OVERDUE = "BoundaryEvent_VisitOverdue";
    public static final String RECORD_ESCALATION = "Task_RecordVisitEscalation";
    public static final String FOLLOW_UP_OVERDUE = "Task_FollowUpOverdueVisit";
    public static final String RECORD_FOLLOW_UP = "Task_RecordOverdueFollowUp";
    public static final String END_DONE = "EndEvent_VisitDone";
    public static final String END_DOWNGRADED = "EndEvent_CustomerDowngraded";
    public static final String END_DOWNGRADE_REJECTED = "EndEvent_DowngradeRejected";
    public static final String END_OVERDUE_FOLLOWED_UP = "EndEvent_OverdueVisitFollowedUp";

    private Element() {}
  }

  /** Process variable names. */
  public static final class Var {
    // given at start
    public static final String CUSTOMER_CODE = "customerCode";
    public static final String VISIT_TYPE = "visitType";
    public static final String PLANNED_DATE = "plannedDate";
    public static final String SITUATION = "situation";
    // set when the visit opens
    public static final String VISIT_ID = "visitId";
    public static final String CUSTOMER_NAME = "customerName";
    public static final String MANAGER_ID = "managerId";
    public static final String CUSTOMER_GRADE = "customerGrade";
    public static final String VISIT_DUE = "visitDue";
    public static final String BRAND_CHECKS = "brandChecks";
    // the visit form (§4.1.3 a–f, §4.1.4)
    public static final String INFO_PASSED_ON = "infoPassedOn";
    public static final String INFO_COLLECTED = "infoCollected";
    public static final String DISPLAY_WORK = "displayWork";
    public static final String LAWFUL_OBSERVATION = "lawfulObservation";
    public static final String SPECIAL_HANDLING = "specialHandling";
    public static final String UNLICENSED_SELLER_SEEN = "unlicensedSellerSeen";
    public static final String UNLICENSED_PLACE = "unlicensedPlace";
    public static final String UNLICENSED_DESCRIPTION = "unlicensedDescription";
    public static final String CUSTOMER_SIGNER_NAME = "customerSignerName";
    public static final String CUSTOMER_CONFIRMED = "customerConfirmed";
    // the record step's outcomes: a sighting to report (unlicensedSellerReport), a price violation
    public static final String UNLICENSED_SIGHTING_RECORDED = "unlicensedSightingRecorded";
    // the price check's outcome and the regional manager's decision
    public static final String PRICE_VIOLATION = "priceViolation";
    public static final String VIOLATION_EVIDENCE = "violationEvidence";
    public static final String DOWNGRADE_DECISION = "downgradeDecision";
    public static final String DECISION_COMMENT = "decisionComment";
    public static final String FOLLOW_UP_NOTE = "followUpNote";

    private Var() {}
  }

  public static final String DECISION_APPROVE = "APPROVE";
  public static final String DECISION_REJECT = "REJECT";

  private CustomerVisitProcess() {}
}

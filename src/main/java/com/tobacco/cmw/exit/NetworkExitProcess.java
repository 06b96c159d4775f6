package com.tobacco.cmw.exit;

/** Ids and variable names of {@code processes/networkExit.bpmn}, for code and tests. */
public final class NetworkExitProcess {

  public static final String PROCESS_KEY = "networkExit";
  /** The initiator recorded when the licence watch applies (no user). */
  public static final String SYSTEM = "system";

  /** BPMN element ids. */
  public static final class Element {
    public static final String START = "StartEvent_ExitRequested";
    public static final String OPEN = "Task_OpenNetworkExit";
    public static final String TO_VERIFY = "Gateway_ToVerification";
    public static final String VERIFY = "Task_VerifyOutstandingItems";
    public static final String RECORD_VERIFICATION = "Task_RecordVerification";
    public static final String APPROVE = "Task_ApproveExit";
    public static final String RECORD_DECISION = "Task_RecordExitDecision";
    public static final String DECISION = "Gateway_ExitDecision";
    public static final String COMPLETE_EXIT = "Task_CompleteNetworkExit";
    public static final String SCHEDULE_CHANGED = "Gateway_ConfirmedScheduleChanged";
    public static final String NOTE_SCHEDULE_CHANGE = "Task_NoteScheduleChange";
    public static final String END_SCHEDULE_CHANGE_NOTED = "EndEvent_ScheduleChangeNoted";
    public static final String END_EXITED = "EndEvent_CustomerExited";
    public static final String NOTE_REJECTION = "Task_NoteExitRejected";
    public static final String END_REJECTED = "EndEvent_ExitRejected";

    private Element() {}
  }

  /** Process variable names. */
  public static final class Var {
    // given at start (start form or POST /api/network-exits)
    public static final String CUSTOMER_CODE = "customerCode";
    public static final String REASON = "exitReason";
    public static final String EXPLANATION = "explanation";
    public static final String EFFECTIVE_DATE = "effectiveDate";
    // set when the application opens (forms and task names; never read back as the truth)
    public static final String EXIT_ID = "exitId";
    public static final String CUSTOMER_NAME = "customerName";
    public static final String MANAGER_ID = "managerId";
    public static final String REASON_TEXT = "exitReasonText";
    public static final String REQUESTED_BY = "requestedBy";
    // verification
    public static final String OUTSTANDING_TEXT = "outstandingText";
    public static final String OUTSTANDING_COUNT = "outstandingCount";
    public static final String ALL_SETTLED = "allSettled";
    public static final String VERIFICATION_NOTES = "verificationNotes";
    // approval
    public static final String DECISION = "exitDecision";
    public static final String DECISION_REASON = "decisionReason";
    // completion
    public static final String SCHEDULE_CHANGED = "confirmedScheduleChanged";
    public static final String SCHEDULE_CHANGE_TEXT = "scheduleChangeText";
    public static final String REGION_CODE = "regionCode";

    private Var() {}
  }

  public static final String APPROVED = "APPROVED";
  public static final String REJECTED = "REJECTED";
  public static final String RETURNED = "RETURNED";

  /** The engine's delete reason of every instance an exit ends. */
  public static String endReason(String businessKey) {
    return "客戶已退網 / customer exited (networkExit " + businessKey + ")";
  }

  private NetworkExitProcess() {}
}

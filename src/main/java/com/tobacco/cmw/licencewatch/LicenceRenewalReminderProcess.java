package com.tobacco.cmw.licencewatch;

/** Ids and variable names of {@code processes/licenceRenewalReminder.bpmn} and {@code licenceExpiryWatch.bpmn}. */
public final class LicenceRenewalReminderProcess {

  public static final String PROCESS_KEY = "licenceRenewalReminder";
  public static final String WATCH_PROCESS_KEY = "licenceExpiryWatch";
  public static final String MESSAGE_RENEWED = "LicenceRenewed";

  /** BPMN element ids. */
  public static final class Element {
    public static final String START = "StartEvent_RenewalReminderDue";
    public static final String REMIND = "Task_RemindLicenceRenewal";
    public static final String RENEWED = "BoundaryEvent_LicenceRenewed";
    public static final String END_RENEWED = "EndEvent_LicenceRenewed";
    public static final String RECORD = "Task_RecordRenewalReminder";
    public static final String END_RECORDED = "EndEvent_ReminderRecorded";
    public static final String WATCH_START = "StartEvent_EveryDay";
    public static final String WATCH_RUN = "Task_RunLicenceWatch";
    public static final String WATCH_END = "EndEvent_LicencesWatched";

    private Element() {}
  }

  /** Process variable names. */
  public static final class Var {
    public static final String CUSTOMER_CODE = "customerCode";
    public static final String CUSTOMER_NAME = "customerName";
    public static final String LICENCE_NO = "licenceNo";
    public static final String LICENCE_EXPIRY = "licenceExpiry";
    public static final String MANAGER_ID = "managerId";
    public static final String REMINDER_DUE = "reminderDue";
    // the manager's record
    public static final String INFORMED_ON = "informedOn";
    public static final String REMINDER_NOTES = "reminderNotes";

    private Var() {}
  }

  private LicenceRenewalReminderProcess() {}
}

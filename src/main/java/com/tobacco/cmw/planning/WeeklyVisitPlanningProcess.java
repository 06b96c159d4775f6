package com.tobacco.cmw.planning;

/** Ids and variable names of {@code processes/weeklyVisitPlanning.bpmn}, for code and tests. */
public final class WeeklyVisitPlanningProcess {

  public static final String PROCESS_KEY = "weeklyVisitPlanning";
  /** Starts a manager's instance with a schedule drafted beforehand (the demo, {@code WeeklyPlanner#draftAll}). */
  public static final String MESSAGE_SCHEDULE_DRAFTED = "VisitScheduleDrafted";
  /** Starts a manager's instance from the Friday run; the instance drafts the schedule in its first job. */
  public static final String MESSAGE_SCHEDULE_REQUESTED = "VisitScheduleRequested";
  /** Business key prefix: VS-2026-W49-zhangwei (訪問日程 Visit Schedule, ISO week, manager). */
  public static final String BUSINESS_KEY_PREFIX = "VS-";

  /** BPMN element ids. */
  public static final class Element {
    public static final String START_EVERY_FRIDAY = "StartEvent_EveryFriday";
    public static final String FIX_WEEK = "Task_FixPlanningWeek";
    public static final String REQUEST_SCHEDULES = "Task_RequestSchedules";
    public static final String END_REQUESTED = "EndEvent_SchedulesRequested";
    public static final String START_REQUESTED = "StartEvent_ScheduleRequested";
    public static final String DRAFT_SCHEDULE = "Task_DraftSchedule";
    public static final String START_DRAFTED = "StartEvent_ScheduleDrafted";
    public static final String ADJUST = "Task_AdjustSchedule";
    public static final String NOT_CONFIRMED = "BoundaryEvent_NotConfirmedInTime";
    public static final String CHECK_ADJUSTMENTS = "Task_CheckAdjustments";
    public static final String APPLY_ADJUSTMENTS = "Task_ApplyAdjustments";
    public static final String CONFIRM_AS_DRAFTED = "Task_ConfirmAsDrafted";
    public static final String CONFIRMED = "Gateway_ScheduleConfirmed";
    public static final String START_VISITS = "Task_StartPlannedVisits";
    public static final String HOW_CONFIRMED = "Gateway_ConfirmedAsDrafted";
    public static final String END_CONFIRMED = "EndEvent_ScheduleConfirmed";
    public static final String ACKNOWLEDGE = "Task_AcknowledgeAutoConfirmation";
    public static final String RECORD_ACKNOWLEDGEMENT = "Task_RecordAcknowledgement";
    public static final String END_AUTO_CONFIRMED = "EndEvent_AutoConfirmationAcknowledged";

    private Element() {}
  }

  /** Process variable names. */
  public static final class Var {
    public static final String WEEK_START = "weekStart";
    public static final String WEEK_LABEL = "weekLabel";
    public static final String MANAGER_ID = "managerId";
    public static final String MANAGER_NAME = "managerName";
    public static final String SCHEDULE_ID = "scheduleId";
    public static final String WEEK_DAYS = "weekDays";
    public static final String MAX_VISITS_PER_DAY = "maxVisitsPerDay";
    public static final String NOT_SCHEDULED = "notScheduledText";
    public static final String CONFIRM_BY = "confirmBy";
    /** The draft's planned visits, edited in the form: itemId, customerCode, customerName, visitDate, remove, removalReason. */
    public static final String SCHEDULE_ROWS = "scheduleRows";
    /** Customers added in the form: customerCode, visitDate. */
    public static final String ADDED_VISITS = "addedVisits";
    public static final String CONFIRMED_BY = "confirmedBy";

    private Var() {}
  }

  private WeeklyVisitPlanningProcess() {}
}

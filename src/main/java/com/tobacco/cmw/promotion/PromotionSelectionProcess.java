package com.tobacco.cmw.promotion;

/** Ids and variable names of {@code processes/promotionSelection.bpmn}, for code and tests. */
public final class PromotionSelectionProcess {

  public static final String PROCESS_KEY = "promotionSelection";
  public static final String DECISION_ELIGIBILITY = "promotionEligibility";
  /** Message that ends one customer's pending hand-out when the customer exits (decision 67). */
  public static final String MESSAGE_HAND_OUT_CANCELLED = "PromotionHandOutCancelled";

  /** BPMN element ids. */
  public static final class Element {
    public static final String START = "StartEvent_CampaignStarted";
    public static final String OPEN_CAMPAIGN = "Task_OpenCampaign";
    public static final String EVALUATE = "Task_EvaluateCustomers";
    public static final String ANY_ELIGIBLE = "Gateway_AnyEligible";
    public static final String RECOMMEND_ALL = "SubProcess_Recommend";
    public static final String RECOMMEND = "Task_RecommendCustomers";
    public static final String RECORD_RECOMMENDATION = "Task_RecordRecommendation";
    public static final String REVIEW_ALL = "SubProcess_ReviewRegion";
    public static final String REVIEW = "Task_ReviewRegion";
    public static final String RECORD_REVIEW = "Task_RecordRegionReview";
    public static final String ANY_FORWARDED = "Gateway_AnyForwarded";
    public static final String DECIDE = "Task_DecideCustomers";
    public static final String RECORD_DECISION = "Task_RecordDecision";
    public static final String ANY_CHOSEN = "Gateway_AnyChosen";
    public static final String HAND_OUT_ALL = "SubProcess_HandOut";
    public static final String HAND_OUT = "Task_HandOutItems";
    public static final String RECORD_HAND_OUT = "Task_RecordHandOut";
    public static final String HAND_OUT_CANCELLED = "BoundaryEvent_HandOutCancelled";
    public static final String END_HAND_OUT_CANCELLED = "EndEvent_HandOutCancelled";
    public static final String END_HANDED_OUT = "EndEvent_HandedOut";
    public static final String CLOSE_JOIN = "Gateway_CloseJoin";
    public static final String CLOSE = "Task_CloseCampaign";
    public static final String END_CLOSED = "EndEvent_CampaignClosed";

    private Element() {}
  }

  /** Process variable names. */
  public static final class Var {
    // given at start (start form or POST /api/promotions)
    public static final String BRAND_CODE = "brandCode";
    public static final String PERIOD_FROM = "periodFrom";
    public static final String PERIOD_TO = "periodTo";
    public static final String REGIONS = "regions";
    public static final String SLOTS = "slots";
    public static final String ITEMS = "items";
    public static final String NOTE = "note";
    // set by the process (display and flow; the tables hold the truth)
    public static final String CAMPAIGN_NO = "campaignNo";
    public static final String CAMPAIGN_TEXT = "campaignText";
    public static final String ELIGIBLE_COUNT = "eligibleCount";
    public static final String RECOMMENDERS = "recommenders";
    public static final String RECOMMENDER = "recommender";
    public static final String REVIEW_REGIONS = "reviewRegions";
    public static final String REVIEW_REGION = "reviewRegion";
    public static final String FORWARDED_COUNT = "forwardedCount";
    public static final String CHOSEN_COUNT = "chosenCount";
    public static final String OUTCOME = "outcome";
    public static final String HAND_OUT_CUSTOMERS = "handOutCustomers";
    public static final String HAND_OUT_CUSTOMER = "handOutCustomer";
    // recommendation task (local to each manager's instance)
    public static final String RANKING_TEXT = "rankingText";
    public static final String SHARE = "share";
    public static final String RECOMMENDED_CUSTOMERS = "recommendedCustomers";
    public static final String RECOMMEND_REASONS = "recommendReasons";
    // region review (local to each region's instance)
    public static final String REGION_LIST_TEXT = "regionListText";
    public static final String REMOVED_CUSTOMERS = "removedCustomers";
    public static final String REVIEW_COMMENT = "reviewComment";
    // brand manager's decision
    public static final String FORWARDED_TEXT = "forwardedText";
    public static final String CHOSEN_CUSTOMERS = "chosenCustomers";
    // hand-out (local to each customer's instance)
    public static final String HAND_OUT_TEXT = "handOutText";
    public static final String HANDED_ITEMS = "handedItems";
    public static final String SIGNER_NAME = "signerName";
    public static final String RECEIPT_CONFIRMED = "receiptConfirmed";
    public static final String SIGNED_ON = "signedOn";
    /** {@code HANDED_OUT} (default) or {@code NOT_HANDED_OUT} with {@link #NOT_HANDED_OUT_REASON}. */
    public static final String HAND_OUT_OUTCOME = "handOutOutcome";
    public static final String NOT_HANDED_OUT_REASON = "notHandedOutReason";

    private Var() {}
  }

  private PromotionSelectionProcess() {}
}

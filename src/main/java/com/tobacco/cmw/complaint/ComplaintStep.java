package com.tobacco.cmw.complaint;

/**
 * Where a complaint case stands ({@code cm_complaint_case.current_step}) and the steps recorded in
 * {@code cm_complaint_step}, with the names staff read in the register.
 */
public enum ComplaintStep {
  REPORTED("登記投訴"),
  INSPECTION("現場查看不合格品"),
  FEEDBACK_FORM("填寫質量信息反饋單並請客戶簽字"),
  REVIEW("區域市場經理審核"),
  MORE_INFO("補充資料"),
  REPLACEMENT("調換並由客戶確認"),
  FEEDBACK_TO_CUSTOMER("向客戶反饋處理結果"),
  COUNTERFEIT_REFERRAL("專賣部門查處疑似假冒"),
  CLOSED("結案"),
  /** Ended without a result because the customer left the network (networkExit); reason in ended_reason. */
  CUSTOMER_EXITED("客戶已退網,案件終止");

  private final String chineseName;

  ComplaintStep(String chineseName) {
    this.chineseName = chineseName;
  }

  public String chineseName() {
    return chineseName;
  }
}

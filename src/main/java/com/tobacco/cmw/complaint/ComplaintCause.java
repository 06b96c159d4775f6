package com.tobacco.cmw.complaint;

/** The cause of a defect found at the on-site inspection (§4.6.1 了解不合格卷煙產生原因). */
public enum ComplaintCause {
  MANUFACTURING("生產質量問題"),
  TRANSPORT("運輸配送造成"),
  RETAILER_STORAGE("零售戶保管不當"),
  SUSPECTED_COUNTERFEIT("疑似假冒卷煙"),
  OTHER("其他");

  private final String chineseName;

  ComplaintCause(String chineseName) {
    this.chineseName = chineseName;
  }

  public String chineseName() {
    return chineseName;
  }
}

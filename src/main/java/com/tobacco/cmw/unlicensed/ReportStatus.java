package com.tobacco.cmw.unlicensed;

/** Where a report stands. */
public enum ReportStatus {
  /** Waiting for the regional manager. */
  REPORTED("待區域市場經理處理"),
  /** With the monopoly department. */
  FORWARDED("已轉交專賣部門"),
  /** The monopoly department's result waits for sales operations. */
  RESULT_RECORDED("處理結果已報卷煙經營部"),
  /** Result acknowledged by sales operations. */
  CLOSED("已辦結"),
  /** Closed as a duplicate of an open report of the same place. */
  DUPLICATE("重複舉報,已併案");

  private final String label;

  ReportStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Open: a later report of the same place may be closed as its duplicate. */
  public boolean open() {
    return this == REPORTED || this == FORWARDED;
  }
}

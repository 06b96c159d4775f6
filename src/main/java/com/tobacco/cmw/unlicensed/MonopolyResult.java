package com.tobacco.cmw.unlicensed;

/** What the monopoly department found (§4.7: 處理結果). */
public enum MonopolyResult {
  CONFIRMED_DEALT("確認并已處理"),
  NOT_FOUND("未發現"),
  TRANSFERRED("已移交");

  private final String label;

  MonopolyResult(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}

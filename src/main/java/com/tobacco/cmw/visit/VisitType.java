package com.tobacco.cmw.visit;

/** 正常訪問 from the weekly schedule (§4.1.1) or 特殊訪問 on a special situation (§4.1.2). */
public enum VisitType {
  REGULAR("正常訪問"),
  SPECIAL("特殊訪問");

  private final String label;

  VisitType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}

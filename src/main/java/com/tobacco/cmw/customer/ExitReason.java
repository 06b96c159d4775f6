package com.tobacco.cmw.customer;

/** Why a customer left the retail network (§3.3 退網); stored in {@code cm_customer.exit_reason}. */
public enum ExitReason {
  LICENCE_CANCELLED("許可證註銷", "licence cancelled"),
  LICENCE_EXPIRED("許可證到期未延續", "licence expired"),
  LICENCE_REVOKED("許可證被吊銷", "licence revoked"),
  STORE_CLOSED("歇業", "store closed"),
  VOLUNTARY("自願退出", "voluntary"),
  OTHER("其他", "other");

  private final String chinese;
  private final String english;

  ExitReason(String chinese, String english) {
    this.chinese = chinese;
    this.english = english;
  }

  public String chinese() {
    return chinese;
  }

  /** 「許可證到期未延續 / licence expired」 for messages and records. */
  public String label() {
    return chinese + " / " + english;
  }
}

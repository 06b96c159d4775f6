package com.tobacco.cmw.exit;

import java.util.List;

/**
 * One kind of work a customer may still have open when it leaves the network (退網). Every bean
 * of this type adds its lines to the verification task of {@code networkExit}; a feature with
 * something to settle before an exit (e.g. undelivered promotion items, added with the promotion
 * process) contributes a bean and nothing else changes.
 */
public interface OutstandingWork {

  /** One line of the verification list: what kind of work, and what exactly. */
  record Item(String kind, String text) {}

  /** Display order among contributors (lower first). */
  default int order() {
    return 100;
  }

  /**
   * What is open for the customer, read now; {@code exitProcessInstanceId} is the exit asking, to
   * be left out of the list.
   */
  List<Item> outstanding(String customerCode, String exitProcessInstanceId);
}

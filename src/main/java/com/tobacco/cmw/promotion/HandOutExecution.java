package com.tobacco.cmw.promotion;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.pvm.runtime.PvmExecutionImpl;

/**
 * The engine execution that stands for one hand-out: the branch of the hand-out multi-instance
 * that holds its element variable {@code handOutCustomer}. The hand-out's task listener and its
 * recording step both find it by walking up from where they run, so they agree on one id while
 * the value of the variable (which the task's holder could overwrite) plays no part.
 */
final class HandOutExecution {

  private HandOutExecution() {}

  static String idOf(DelegateExecution execution) {
    PvmExecutionImpl e = (PvmExecutionImpl) execution;
    while (e != null && !e.hasVariableLocal(PromotionSelectionProcess.Var.HAND_OUT_CUSTOMER)) {
      e = e.getParent();
    }
    if (e == null) {
      throw new IllegalStateException("not inside a hand-out: " + execution.getId());
    }
    return e.getId();
  }
}

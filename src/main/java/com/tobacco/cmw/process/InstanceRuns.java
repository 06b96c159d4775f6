package com.tobacco.cmw.process;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Whether a process instance still runs, asked without the caller's authorizations. A business
 * record that says "in progress" while its instance is gone (deleted by an administrator in
 * Cockpit or over REST with custom listeners skipped) is closed as cancelled by whoever next
 * needs the record's hold, instead of blocking the customer or licence for good.
 */
@Component
public class InstanceRuns {

  /** The note a record closed this way carries. */
  public static final String ENDED_NOTE = "流程實例已被終止,申請作廢 / process instance ended (deleted), record cancelled";

  private final RuntimeService runtime;

  public InstanceRuns(RuntimeService runtime) {
    this.runtime = runtime;
  }

  public boolean runs(String processInstanceId) {
    if (processInstanceId == null) {
      return false;
    }
    CommandContext context = Context.getCommandContext();
    java.util.function.Supplier<Long> count = () -> runtime.createProcessInstanceQuery()
        .processInstanceId(processInstanceId).count();
    return (context == null ? count.get() : context.runWithoutAuthorization(count::get)) > 0;
  }
}

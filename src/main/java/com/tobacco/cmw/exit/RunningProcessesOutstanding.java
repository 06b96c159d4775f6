package com.tobacco.cmw.exit;

import com.tobacco.cmw.complaint.QualityComplaintProcess;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Running process instances of the customer (variable {@code customerCode}, decision 67) other
 * than the exit itself: open visits, information changes, licence reminders …, each with its
 * process name and business key. Complaints are listed by {@link OpenComplaintCasesOutstanding}
 * with their step instead. Read without the user's authorizations: the list is what the system
 * knows, not what the reader may open.
 */
@Component
class RunningProcessesOutstanding implements OutstandingWork {

  private final RuntimeService runtime;
  private final RepositoryService repository;

  RunningProcessesOutstanding(RuntimeService runtime, RepositoryService repository) {
    this.runtime = runtime;
    this.repository = repository;
  }

  @Override
  public int order() {
    return 20;
  }

  @Override
  public List<Item> outstanding(String customerCode, String exitProcessInstanceId) {
    return withoutAuthorization(() -> running(runtime, customerCode, exitProcessInstanceId).stream()
        .map(pi -> {
          ProcessDefinition d = repository.getProcessDefinition(pi.getProcessDefinitionId());
          return d.getKey().equals(QualityComplaintProcess.PROCESS_KEY) ? null
              : new Item("進行中的流程 running process", (d.getName() == null ? d.getKey() : d.getName())
                  + " " + pi.getBusinessKey());
        })
        .filter(java.util.Objects::nonNull).toList());
  }

  /** The customer's running instances except {@code exceptProcessInstanceId}. */
  static List<ProcessInstance> running(RuntimeService runtime, String customerCode, String exceptProcessInstanceId) {
    return runtime.createProcessInstanceQuery().variableValueEquals("customerCode", customerCode)
        .orderByProcessInstanceId().asc().list().stream()
        .filter(pi -> !pi.getId().equals(exceptProcessInstanceId)).toList();
  }

  static <T> T withoutAuthorization(java.util.function.Supplier<T> call) {
    CommandContext context = Context.getCommandContext();
    return context == null ? call.get() : context.runWithoutAuthorization(call::get);
  }
}

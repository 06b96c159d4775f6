package com.tobacco.cmw.infochange;

import com.tobacco.cmw.customer.CustomerChangeHistory;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The customer panel of a task form: the customer's latest changes (§3.5) as task-local text
 * {@code customerChangesText}, set when the task is created (BPMN:
 * {@code <camunda:taskListener delegateExpression="${customerChangePanel}" event="create" />}),
 * read from the instance's {@code customerCode}. Used by the visit task.
 */
@Component("customerChangePanel")
public class CustomerChangePanel implements TaskListener {

  public static final String VARIABLE = "customerChangesText";
  static final int RECENT = 10;

  private final CustomerChangeHistory history;

  public CustomerChangePanel(CustomerChangeHistory history) {
    this.history = history;
  }

  @Override
  public void notify(DelegateTask task) {
    Object code = task.getVariable("customerCode");
    if (code != null) {
      task.setVariableLocal(VARIABLE, history.recentAsMarkdown(code.toString(), RECENT));
    }
  }
}

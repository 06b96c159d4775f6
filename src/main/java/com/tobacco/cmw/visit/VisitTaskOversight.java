package com.tobacco.cmw.visit;

import static com.tobacco.cmw.visit.CustomerVisitProcess.Var;

import com.tobacco.cmw.security.ProcessAccess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The regional managers of the customer's region may see (not work on) the visit task. */
@Component("visitTaskOversight")
public class VisitTaskOversight implements TaskListener {

  private final ProcessAccess access;

  public VisitTaskOversight(ProcessAccess access) {
    this.access = access;
  }

  @Override
  public void notify(DelegateTask task) {
    access.grantTaskOversight(task.getId(), (String) task.getVariable(Var.REGION_CODE));
  }
}

package com.tobacco.cmw.visit;

import com.tobacco.cmw.security.ProcessAccess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The regional managers of the customer's region may see (not work on) the visit task. */
@Component("visitTaskOversight")
public class VisitTaskOversight implements TaskListener {

  private final ProcessAccess access;
  private final VisitParties parties;

  public VisitTaskOversight(ProcessAccess access, VisitParties parties) {
    this.access = access;
    this.parties = parties;
  }

  @Override
  public void notify(DelegateTask task) {
    access.grantTaskOversight(task.getId(), parties.regionOf(task));
  }
}

package com.tobacco.cmw.salesreport;

import com.tobacco.cmw.security.ProcessAccess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The regional managers of the report's region see (not work on) the manager's writing task. */
@Component("monthlyReportTaskOversight")
public class MonthlyReportTaskOversight implements TaskListener {

  private final ProcessAccess access;
  private final MonthlyReportRepository reports;

  public MonthlyReportTaskOversight(ProcessAccess access, MonthlyReportRepository reports) {
    this.access = access;
    this.reports = reports;
  }

  @Override
  public void notify(DelegateTask task) {
    access.grantTaskOversight(task.getId(), reports.ofProcessInstance(task.getProcessInstanceId()).regionCode());
  }
}

package com.tobacco.cmw.salesreport;

import com.tobacco.cmw.security.Roles;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Who reviews a report: the regional managers of the region stored on the report
 * ({@code camunda:candidateGroups="${monthlyReportParties.regionalManagers(execution)}"}), never
 * a process variable.
 */
@Component("monthlyReportParties")
public class MonthlyReportParties {

  private final MonthlyReportRepository reports;

  public MonthlyReportParties(MonthlyReportRepository reports) {
    this.reports = reports;
  }

  public String regionalManagers(DelegateExecution execution) {
    return Roles.regionalManagersOf(reports.ofProcessInstance(execution.getProcessInstanceId()).regionCode());
  }
}

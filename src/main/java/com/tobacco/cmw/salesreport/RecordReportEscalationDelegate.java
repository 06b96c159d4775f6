package com.tobacco.cmw.salesreport;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A report not submitted by its due date: the escalation is recorded on the report. */
@Component("recordReportEscalation")
public class RecordReportEscalationDelegate implements JavaDelegate {

  private final MonthlyReportRepository reports;

  public RecordReportEscalationDelegate(MonthlyReportRepository reports) {
    this.reports = reports;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reports.recordEscalation(reports.ofProcessInstance(execution.getProcessInstanceId()).reportKey(), Instant.now());
  }
}

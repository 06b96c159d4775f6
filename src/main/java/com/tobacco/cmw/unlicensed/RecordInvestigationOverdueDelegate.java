package com.tobacco.cmw.unlicensed;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The monopoly department's deadline passed without a result: the report records when; the
 * regional managers get a task to follow it up (the department's task stays open). The result
 * recorded in the meantime terminates the investigation subprocess and with it this step; should the
 * step still run for a report no longer FORWARDED, it writes nothing.
 */
@Component("recordInvestigationOverdue")
public class RecordInvestigationOverdueDelegate implements JavaDelegate {

  private final UnlicensedReportRepository reports;
  private final UnlicensedParties parties;

  public RecordInvestigationOverdueDelegate(UnlicensedReportRepository reports, UnlicensedParties parties) {
    this.reports = reports;
    this.parties = parties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reports.markOverdue(reports.ofProcessInstance(execution.getProcessInstanceId()).caseNo(), parties.now());
  }
}

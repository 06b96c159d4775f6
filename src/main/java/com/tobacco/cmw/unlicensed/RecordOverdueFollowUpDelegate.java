package com.tobacco.cmw.unlicensed;

import static com.tobacco.cmw.unlicensed.UnlicensedSellerReportProcess.Var;

import com.tobacco.cmw.process.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * What the regional manager agreed with the monopoly department about the overdue report; written
 * only while the report is still FORWARDED (a result recorded meanwhile ends the follow-up task).
 */
@Component("recordUnlicensedOverdueFollowUp")
public class RecordOverdueFollowUpDelegate implements JavaDelegate {

  private final UnlicensedReportRepository reports;
  private final UnlicensedParties parties;

  public RecordOverdueFollowUpDelegate(UnlicensedReportRepository reports, UnlicensedParties parties) {
    this.reports = reports;
    this.parties = parties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UnlicensedReportRepository.Report report = reports.ofProcessInstance(execution.getProcessInstanceId());
    String note = Variables.requiredText(execution, Var.FOLLOW_UP_NOTE, "督辦情況", 1000,
        UnlicensedParties.inForm(Var.FOLLOW_UP_NOTE));
    reports.recordOverdueFollowUp(report.caseNo(), parties.actor(), parties.now(), note);
  }
}

package com.tobacco.cmw.salesreport;

import static com.tobacco.cmw.salesreport.MonthlySalesReportProcess.Var;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stores the checked sections a–d on the report and hands it to the regional manager (§4.5). */
@Component("submitMonthlyReport")
public class SubmitMonthlyReportDelegate implements JavaDelegate {

  private final MonthlyReportSections sections;
  private final MonthlyReportRepository reports;

  public SubmitMonthlyReportDelegate(MonthlyReportSections sections, MonthlyReportRepository reports) {
    this.sections = sections;
    this.reports = reports;
  }

  @Override
  public void execute(DelegateExecution execution) {
    MonthlyReportRepository.Report report = reports.ofProcessInstance(execution.getProcessInstanceId());
    reports.saveSubmission(report.reportKey(), sections.read(execution));
    // the review form starts empty
    execution.removeVariable(Var.REVIEW_DECISION);
    execution.removeVariable(Var.REVIEW_COMMENT);
  }
}

package com.tobacco.cmw.salesreport;

import com.tobacco.cmw.process.InvalidInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Checks the submitted sections a–d in the manager's transaction: an empty, too short or
 * unfinished section is answered on the form, the task stays open and nothing is written.
 */
@Component("checkMonthlyReport")
public class CheckMonthlyReportDelegate implements JavaDelegate {

  private final MonthlyReportSections sections;
  private final MonthlyReportRepository reports;

  public CheckMonthlyReportDelegate(MonthlyReportSections sections, MonthlyReportRepository reports) {
    this.sections = sections;
    this.reports = reports;
  }

  @Override
  public void execute(DelegateExecution execution) {
    MonthlyReportRepository.Report report = reports.ofProcessInstance(execution.getProcessInstanceId());
    if ("APPROVED".equals(report.status())) {
      throw InvalidInput.inForm(null, "報告 " + report.reportKey() + " 已審批歸檔,不能再修改 / the report is archived");
    }
    sections.read(execution);
  }
}

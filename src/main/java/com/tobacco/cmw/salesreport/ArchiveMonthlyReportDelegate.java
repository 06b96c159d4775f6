package com.tobacco.cmw.salesreport;

import static com.tobacco.cmw.salesreport.MonthlySalesReportProcess.DECISION_APPROVE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Archives an approved report unchanged: the content as drafted with the sections as submitted,
 * frozen with the approver and the time of approval; later changes of sales data do not reach it.
 */
@Component("archiveMonthlyReport")
public class ArchiveMonthlyReportDelegate implements JavaDelegate {

  private final MonthlyReportRepository reports;

  public ArchiveMonthlyReportDelegate(MonthlyReportRepository reports) {
    this.reports = reports;
  }

  @Override
  public void execute(DelegateExecution execution) {
    MonthlyReportRepository.Report report = reports.ofProcessInstance(execution.getProcessInstanceId());
    MonthlyReportRepository.Review approval = reports.reviews(report.reportKey()).stream()
        .filter(r -> DECISION_APPROVE.equals(r.decision())).reduce((a, b) -> b)
        .orElseThrow(() -> new IllegalStateException("report " + report.reportKey() + " has no approval"));
    reports.archive(report.reportKey(), approval.reviewer(), approval.reviewedAt());
  }
}

package com.tobacco.cmw.salesreport;

import static com.tobacco.cmw.salesreport.MonthlySalesReportProcess.Var;

import com.tobacco.cmw.salesreport.MonthlyReportContent.Sections;
import com.tobacco.cmw.security.ProcessAccess;
import com.tobacco.cmw.security.Roles;
import com.tobacco.cmw.security.StaffDirectory;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Drafts one manager's report (§4.4, §4.4.1): computes the content from the monthly sales
 * summary and the month's records, stores it with the pre-filled sections a–d, keeps the
 * forecast for next month, fixes the due date (the 5th, 節假日順延), and gives the manager and the
 * region's regional managers access. Asynchronous: a failure retries and then becomes an incident
 * of this report only.
 */
@Component("draftMonthlyReport")
public class DraftMonthlyReportDelegate implements JavaDelegate {

  private final MonthlyReportBuilder builder;
  private final MonthlyReportRepository reports;
  private final MonthlyReportSchedule schedule;
  private final StaffDirectory staff;
  private final ProcessAccess access;

  public DraftMonthlyReportDelegate(MonthlyReportBuilder builder, MonthlyReportRepository reports,
                                    MonthlyReportSchedule schedule, StaffDirectory staff, ProcessAccess access) {
    this.builder = builder;
    this.reports = reports;
    this.schedule = schedule;
    this.staff = staff;
    this.access = access;
  }

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DraftMonthlyReportDelegate.class);

  @Override
  public void execute(DelegateExecution execution) {
    long started = System.currentTimeMillis();
    String managerId = (String) execution.getVariable(Var.MANAGER_ID);
    YearMonth month = month(execution.getVariable(Var.REPORT_MONTH));
    StaffDirectory.Staff manager = staff.find(managerId)
        .filter(s -> s.active() && Roles.CUSTOMER_MANAGERS.equals(s.role()) && s.regionCode() != null)
        .orElseThrow(() -> new IllegalStateException(managerId + " is not an active customer manager with a region"));
    MonthlyReportContent content = builder.build(managerId, month);
    Date due = schedule.dueAt(month);
    reports.insertDraft(execution.getProcessInstanceId(), content, due.toInstant());
    reports.storeForecast(managerId, content.forecast(), content.reportKey());
    access.grantInstance(execution.getProcessInstanceId(), managerId, manager.regionCode());

    execution.setProcessBusinessKey(content.reportKey());
    execution.setVariable(Var.REPORT_KEY, content.reportKey());
    execution.setVariable(Var.MANAGER_NAME, manager.name());
    execution.setVariable(Var.REPORT_DUE, due);
    execution.setVariable(Var.REPORT_FIGURES, SectionDrafts.figuresText(content));
    setSections(execution, content.sections());
    log.info("Monthly report {} drafted in {} ms", content.reportKey(), System.currentTimeMillis() - started);
  }

  static void setSections(DelegateExecution execution, Sections s) {
    execution.setVariable(Var.OVERALL_ANALYSIS, s.overallAnalysis());
    execution.setVariable(Var.PROBLEMS_AND_MEASURES, s.problemsAndMeasures());
    execution.setVariable(Var.CUSTOMER_OPINIONS, s.customerOpinions());
    execution.setVariable(Var.FORECAST_ANALYSIS, s.forecastAnalysis());
  }

  private static YearMonth month(Object value) {
    try {
      return YearMonth.parse(String.valueOf(value));
    } catch (DateTimeParseException e) {
      throw new IllegalStateException("reportMonth must be yyyy-MM, got " + value, e);
    }
  }
}

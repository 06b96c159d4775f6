package com.tobacco.cmw.salesreport;

import static org.camunda.bpm.engine.authorization.Permissions.READ;

import com.tobacco.cmw.config.SetupStep;
import com.tobacco.cmw.security.Grants;
import com.tobacco.cmw.security.Roles;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Standing access to the report process, in every profile and idempotent: customer and regional
 * managers may read its definition (Tasklist shows the process and its forms; completing a task
 * reads the definition). Nobody starts it by hand: the timer and the system start the reports.
 * Access to single reports is granted when they are drafted ({@link DraftMonthlyReportDelegate}).
 */
@Component
@Order(11)
public class MonthlyReportAccess implements SetupStep {

  private final Grants grants;

  public MonthlyReportAccess(Grants grants) {
    this.grants = grants;
  }

  @Override
  public void run() {
    grants.toGroup(Roles.CUSTOMER_MANAGERS, Resources.PROCESS_DEFINITION, MonthlySalesReportProcess.PROCESS_KEY, READ);
    grants.toGroup(Roles.REGIONAL_MANAGERS, Resources.PROCESS_DEFINITION, MonthlySalesReportProcess.PROCESS_KEY, READ);
  }
}

package com.tobacco.cmw.complaint;

import com.tobacco.cmw.salesreport.ComplaintRecords;
import com.tobacco.cmw.salesreport.MonthlyReportContent.ComplaintLine;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The complaints of a customer manager's month for the monthly report (§4.4.2 c): the cases of
 * {@code cm_complaint_case} with that manager reported in the month (company time zone), oldest
 * first, with where each stands now.
 */
@Component
public class ComplaintRecordsFromRegister implements ComplaintRecords {

  private final JdbcTemplate jdbc;
  private final ResolutionTime resolution;

  public ComplaintRecordsFromRegister(JdbcTemplate jdbc, ResolutionTime resolution) {
    this.jdbc = jdbc;
    this.resolution = resolution;
  }

  @Override
  public List<ComplaintLine> ofManager(String managerId, YearMonth month) {
    Timestamp start = Timestamp.from(month.atDay(1).atStartOfDay(resolution.zone()).toInstant());
    Timestamp end = Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(resolution.zone()).toInstant());
    return jdbc.query("SELECT c.case_no, c.reported_at, c.customer_code, cu.store_name, b.name AS brand_name, c.brand_code,"
        + " c.defect_description, c.cause, c.current_step, c.result"
        + " FROM cm_complaint_case c"
        + " LEFT JOIN cm_customer cu ON cu.customer_code = c.customer_code"
        + " LEFT JOIN cm_brand b ON b.brand_code = c.brand_code"
        + " WHERE c.manager_id = ? AND c.reported_at >= ? AND c.reported_at < ?"
        + " ORDER BY c.reported_at, c.case_no",
        (rs, i) -> {
          String cause = ComplaintRegister.causeName(rs.getString("cause"));
          String result = ComplaintWorkbook.result(rs.getString("result"));
          String status = ComplaintRegister.stepName(rs.getString("current_step")) + (result == null ? "" : "(" + result + ")");
          String brand = rs.getString("brand_name");
          return new ComplaintLine(rs.getString("case_no"), resolution.day(rs.getTimestamp("reported_at").toInstant()),
              rs.getString("customer_code"), rs.getString("store_name"), brand == null ? rs.getString("brand_code") : brand,
              rs.getString("defect_description") + (cause == null ? "" : "(原因:" + cause + ")"), status);
        }, managerId, start, end);
  }
}

package com.tobacco.cmw.exit;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Complaint cases of the customer not yet closed (§3.6), with the step they are at. */
@Component
class OpenComplaintCasesOutstanding implements OutstandingWork {

  private final JdbcTemplate jdbc;

  OpenComplaintCasesOutstanding(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public int order() {
    return 10;
  }

  @Override
  public List<Item> outstanding(String customerCode, String exitProcessInstanceId) {
    return jdbc.query("SELECT case_no, current_step, defect_description FROM cm_complaint_case "
            + "WHERE customer_code = ? AND closed_at IS NULL ORDER BY reported_at",
        (rs, i) -> new Item("未結質量投訴 open complaint", rs.getString(1) + "(當前步驟 "
            + com.tobacco.cmw.complaint.ComplaintStep.valueOf(rs.getString(2)).chineseName() + "):" + rs.getString(3)),
        customerCode);
  }
}

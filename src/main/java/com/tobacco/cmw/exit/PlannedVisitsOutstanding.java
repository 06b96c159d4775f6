package com.tobacco.cmw.exit;

import com.tobacco.cmw.calendar.WorkCalendar;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Visits planned for the customer in weekly schedules (§4.1.1) and not yet started, from today
 * on ({@link WorkCalendar#today()}, the calendar's zone) or not yet given a day, in a draft or a
 * confirmed schedule. A planned visit of a day already past is not outstanding: the exit leaves
 * weeks that are over as they are (decision 88).
 */
@Component
class PlannedVisitsOutstanding implements OutstandingWork {

  private final JdbcTemplate jdbc;
  private final WorkCalendar calendar;

  PlannedVisitsOutstanding(JdbcTemplate jdbc, WorkCalendar calendar) {
    this.jdbc = jdbc;
    this.calendar = calendar;
  }

  @Override
  public int order() {
    return 30;
  }

  @Override
  public List<Item> outstanding(String customerCode, String exitProcessInstanceId) {
    return jdbc.query("SELECT s.business_key, s.status, i.visit_date FROM cm_visit_schedule_item i "
            + "JOIN cm_visit_schedule s ON s.id = i.schedule_id WHERE i.customer_code = ? AND i.status = 'PLANNED' "
            + "AND (i.visit_date IS NULL OR i.visit_date >= ?) ORDER BY s.week_start, i.visit_date",
        (rs, i) -> new Item("日程表中的計劃訪問 planned visit", rs.getString(1)
            + ("DRAFT".equals(rs.getString(2)) ? "(草稿)" : "(已確認)") + " 訪問日 "
            + (rs.getObject(3) == null ? "未排" : rs.getObject(3).toString())),
        customerCode, calendar.today());
  }
}

package com.tobacco.cmw.exit;

import com.tobacco.cmw.customer.Customer;
import com.tobacco.cmw.customer.CustomerRepository;
import com.tobacco.cmw.customer.CustomerStatus;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Customers of the exit and licence-watch tests, made for each test and removed with every row
 * and running instance that refers to them, so no other test sees them. Codes CX9xxx, licences
 * 33010219xxxx (not used by the demo data).
 */
public class ExitFixture {

  private final JdbcTemplate jdbc;
  private final CustomerRepository customers;
  private final RuntimeService runtime;
  private final List<String> codes = new ArrayList<>();
  private final List<Long> schedules = new ArrayList<>();
  private static int next = 9000;

  public ExitFixture(JdbcTemplate jdbc, CustomerRepository customers, RuntimeService runtime) {
    this.jdbc = jdbc;
    this.customers = customers;
    this.runtime = runtime;
  }

  /** A new ACTIVE customer of the manager in the region, its licence expiring on {@code expiry}. */
  public String customer(String managerId, String region, LocalDate expiry) {
    return customer(managerId, region, expiry, CustomerStatus.ACTIVE);
  }

  public synchronized String customer(String managerId, String region, LocalDate expiry, CustomerStatus status) {
    return customer("CX" + next, managerId, region, expiry, status);
  }

  /** A customer with the given code (e.g. a numeric one, as an import may bring). */
  public synchronized String customer(String code, String managerId, String region, LocalDate expiry,
                                      CustomerStatus status) {
    int n = next++;
    customers.insert(new Customer(code, "測試便利店" + n, (region.equals("EAST") ? "330102" : "330106") + "1" + String.format("%05d", 90000 + n % 10000),
        expiry, "測試路" + n + "號", region, managerId, 3, "便利店", "測試", "13800000000", status, LocalDate.of(2020, 1, 1),
        status == CustomerStatus.EXITED ? LocalDate.of(2024, 1, 1) : null));
    codes.add(code);
    return code;
  }

  /** A weekly schedule of the manager with one PLANNED visit of the customer on {@code day}. */
  public long schedule(String managerId, String region, LocalDate weekStart, String status, String customerCode, LocalDate day) {
    String key = "RC-TEST-" + weekStart + "-" + managerId;
    jdbc.update("INSERT INTO cm_visit_schedule (manager_id, region_code, week_start, week_label, business_key, status, "
        + "max_visits_per_day, drafted_at) VALUES (?,?,?,?,?,?,?,?)", managerId, region, weekStart, "W-TEST", key, status, 4,
        Timestamp.from(Instant.now()));
    long id = jdbc.queryForObject("SELECT id FROM cm_visit_schedule WHERE business_key = ?", Long.class, key);
    schedules.add(id);
    jdbc.update("INSERT INTO cm_visit_schedule_item (schedule_id, customer_code, visit_date, drafted_date, origin, status, "
        + "priority) VALUES (?,?,?,?,'DRAFTED','PLANNED',1)", id, customerCode, day, day);
    return id;
  }

  public String itemStatus(long scheduleId, String customerCode) {
    return jdbc.queryForObject("SELECT status FROM cm_visit_schedule_item WHERE schedule_id = ? AND customer_code = ?",
        String.class, scheduleId, customerCode);
  }

  public List<String> codes() {
    return codes;
  }

  /** Removes every running instance and every row of the fixture's customers. */
  public void cleanUp() {
    for (String code : codes) {
      runtime.createProcessInstanceQuery().variableValueEquals("customerCode", code).list()
          .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test clean-up", true, true));
      runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).list()
          .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test clean-up", true, true));
      jdbc.update("DELETE FROM cm_network_exit_schedule_change WHERE exit_id IN (SELECT id FROM cm_network_exit WHERE customer_code = ?)", code);
      jdbc.update("DELETE FROM cm_network_exit_ended WHERE exit_id IN (SELECT id FROM cm_network_exit WHERE customer_code = ?)", code);
      jdbc.update("DELETE FROM cm_network_exit WHERE customer_code = ?", code);
      jdbc.update("DELETE FROM cm_licence_watch WHERE customer_code = ?", code);
      jdbc.update("DELETE FROM cm_visit_schedule_item WHERE customer_code = ?", code);
      jdbc.update("DELETE FROM cm_complaint_step WHERE case_no IN (SELECT case_no FROM cm_complaint_case WHERE customer_code = ?)", code);
      jdbc.update("DELETE FROM cm_complaint_escalation WHERE case_no IN (SELECT case_no FROM cm_complaint_case WHERE customer_code = ?)", code);
      jdbc.update("DELETE FROM cm_complaint_case WHERE customer_code = ?", code);
      for (String table : List.of("cm_visit_brand_check", "cm_sign_in_record", "cm_special_visit_record", "cm_downgrade_request",
          "cm_unlicensed_sighting")) {
        jdbc.update("DELETE FROM " + table + " WHERE visit_id IN (SELECT id FROM cm_visit WHERE customer_code = ?)", code);
      }
      jdbc.update("DELETE FROM cm_visit WHERE customer_code = ?", code);
      jdbc.update("DELETE FROM cm_grade_change WHERE customer_code = ?", code);
      jdbc.update("DELETE FROM cm_customer_change WHERE customer_code = ?", code);
      jdbc.update("DELETE FROM cm_customer WHERE customer_code = ?", code);
    }
    for (long id : schedules) {
      jdbc.update("DELETE FROM cm_visit_schedule_item WHERE schedule_id = ?", id);
      jdbc.update("DELETE FROM cm_visit_schedule WHERE id = ?", id);
    }
    codes.clear();
    schedules.clear();
  }
}

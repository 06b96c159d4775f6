package com.tobacco.cmw.enrollment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Test data of the enrollment tests and their clean-up: licence numbers no demo customer holds,
 * an application's fields, and the removal of every application, customer, visit and counter
 * value a test created (other tests count the demo data).
 */
final class EnrollmentFixture {

  private final JdbcTemplate jdbc;
  private final RuntimeService runtime;
  private final Map<String, Integer> countersBefore = new HashMap<>();
  private final int year;

  EnrollmentFixture(JdbcTemplate jdbc, RuntimeService runtime, int year) {
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.year = year;
    for (String counter : List.of(YearCounters.APPLICATION, YearCounters.CUSTOMER)) {
      jdbc.queryForList("SELECT last_number FROM cm_enrollment_counter WHERE counter_name = ? AND counter_year = ?",
          Integer.class, counter, year).stream().findFirst().ifPresent(n -> countersBefore.put(counter, n));
    }
  }

  /** An EAST licence (area 330102, individual business) with a serial of 9xxxx no demo customer uses. */
  static String eastLicence(int n) {
    return String.format("3301021%05d", 90_000 + n);
  }

  static Map<String, Object> application(String licenceNo) {
    Map<String, Object> v = new HashMap<>();
    v.put("storeName", "新開便民店");
    v.put("address", "東區解放路 88 號");
    v.put("licenceNo", licenceNo);
    v.put("licenceExpiry", "2030-12-31");
    v.put("holderName", "錢多多");
    v.put("businessType", "便利店");
    v.put("regionCode", "EAST");
    v.put("contactName", "錢多多");
    v.put("phone", "13800138000");
    return v;
  }

  long applications() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM cm_network_application", Long.class);
  }

  /** The last application number given this year (0 before the first). */
  int lastApplicationNumber() {
    return jdbc.queryForList("SELECT last_number FROM cm_enrollment_counter WHERE counter_name = ? AND counter_year = ?",
        Integer.class, YearCounters.APPLICATION, year).stream().findFirst().orElse(0);
  }

  long instances() {
    return runtime.createProcessInstanceQuery().processDefinitionKey(NetworkEnrollmentProcess.PROCESS_KEY).count();
  }

  /** Removes everything the enrollment tests created, demo customers reactivated included (restored by the caller). */
  void cleanUp() {
    List<String> applicationInstances = jdbc.queryForList("SELECT process_instance_id FROM cm_network_application",
        String.class);
    List<String> codes = new ArrayList<>(jdbc.queryForList(
        "SELECT DISTINCT customer_code FROM cm_customer_change WHERE process_key = ?", String.class,
        NetworkEnrollmentProcess.PROCESS_KEY));
    codes.addAll(jdbc.queryForList("SELECT customer_code FROM cm_customer WHERE licence_no LIKE '33010219%' "
        + "OR licence_no LIKE '33010619%'", String.class));
    for (String pi : applicationInstances) {
      if (runtime.createProcessInstanceQuery().processInstanceId(pi).count() > 0) {
        runtime.deleteProcessInstance(pi, "test clean-up");
      }
    }
    for (String code : codes) {
      for (String visitPi : jdbc.queryForList("SELECT process_instance_id FROM cm_visit WHERE customer_code = ?",
          String.class, code)) {
        if (runtime.createProcessInstanceQuery().processInstanceId(visitPi).count() > 0) {
          runtime.deleteProcessInstance(visitPi, "test clean-up");
        }
      }
      jdbc.update("DELETE FROM cm_visit_brand_check WHERE visit_id IN (SELECT id FROM cm_visit WHERE customer_code = ?)", code);
      jdbc.update("DELETE FROM cm_visit WHERE customer_code = ?", code);
      jdbc.update("DELETE FROM cm_customer_change WHERE customer_code = ? AND process_key = ?", code,
          NetworkEnrollmentProcess.PROCESS_KEY);
    }
    jdbc.update("DELETE FROM cm_customer WHERE licence_no LIKE '33010219%' OR licence_no LIKE '33010619%'");
    jdbc.update("DELETE FROM cm_network_application_lock");
    jdbc.update("DELETE FROM cm_network_application");
    for (String counter : List.of(YearCounters.APPLICATION, YearCounters.CUSTOMER)) {
      Integer before = countersBefore.get(counter);
      if (before == null) {
        jdbc.update("DELETE FROM cm_enrollment_counter WHERE counter_name = ? AND counter_year = ?", counter, year);
      } else {
        jdbc.update("UPDATE cm_enrollment_counter SET last_number = ? WHERE counter_name = ? AND counter_year = ?",
            before, counter, year);
      }
    }
  }
}

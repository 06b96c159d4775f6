package com.tobacco.cmw.planning;

import com.tobacco.cmw.customer.Customer;
import com.tobacco.cmw.customer.CustomerRepository;
import com.tobacco.cmw.customer.CustomerStatus;
import com.tobacco.cmw.security.Roles;
import com.tobacco.cmw.security.StaffDirectory;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A customer manager of their own for a test, with customers whose grades and last visits the
 * test decides, so the draft's outcome is known exactly and other tests' data do not matter.
 */
final class PlanningFixture {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final AtomicInteger SERIAL = new AtomicInteger(RANDOM.nextInt(50000));
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private final StaffDirectory staff;
  private final CustomerRepository customers;
  private final JdbcTemplate jdbc;
  final String managerId;
  final String region;

  PlanningFixture(StaffDirectory staff, CustomerRepository customers, JdbcTemplate jdbc, String region) {
    this.staff = staff;
    this.customers = customers;
    this.jdbc = jdbc;
    this.region = region;
    this.managerId = "tp" + Integer.toString(100000 + RANDOM.nextInt(800000), 36);
    staff.save(new StaffDirectory.Staff(managerId, "測試經理" + managerId, Roles.CUSTOMER_MANAGERS, region, true));
  }

  /** An ACTIVE customer of this manager; lastVisit null means never visited. */
  String customer(int grade, LocalDate lastVisit) {
    return customer(managerId, grade, lastVisit);
  }

  String customer(String manager, int grade, LocalDate lastVisit) {
    int n = SERIAL.incrementAndGet();
    String code = "T" + managerId.substring(2) + String.format("%05d", n);
    String licence = "330199" + "2" + String.format("%05d", n % 100000);
    customers.insert(new Customer(code, "測試商店" + code, licence, LocalDate.now().plusYears(3), "測試路 1 號", region,
        manager, grade, "便利店", "店主", "0571-0000000", CustomerStatus.ACTIVE, LocalDate.now().minusYears(1), null));
    if (lastVisit != null) {
      doneVisit(code, manager, lastVisit);
    }
    return code;
  }

  void doneVisit(String code, String manager, LocalDate completedOn) {
    Timestamp at = Timestamp.from(completedOn.atTime(LocalTime.of(15, 0)).atZone(ZONE).toInstant());
    jdbc.update("INSERT INTO cm_visit (process_instance_id, customer_code, manager_id, visit_type, planned_date, due_at, "
        + "status, checked_brands, created_at, completed_at) VALUES (?,?,?,'REGULAR',?,?,'DONE','',?,?)",
        "test-" + UUID.randomUUID(), code, manager, completedOn, at, at, at);
  }

  /**
   * Removes what this fixture left behind (its manager's running instances, schedules, visits,
   * customers and the manager), so tests that count master data find the demo data alone.
   */
  void cleanUp(RuntimeService runtime) {
    List<String> instances = new ArrayList<>(jdbc.queryForList("SELECT process_instance_id FROM cm_visit_schedule "
        + "WHERE manager_id = ? AND process_instance_id IS NOT NULL", String.class, managerId));
    instances.addAll(jdbc.queryForList("SELECT process_instance_id FROM cm_visit WHERE manager_id = ?", String.class,
        managerId));
    for (String id : instances) {
      if (runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
        runtime.deleteProcessInstance(id, "test clean-up", true, true);
      }
    }
    String mine = "SELECT customer_code FROM cm_customer WHERE manager_id = ?";
    jdbc.update("DELETE FROM cm_visit_schedule_item WHERE schedule_id IN (SELECT id FROM cm_visit_schedule WHERE manager_id = ?) "
        + "OR customer_code IN (" + mine + ")", managerId, managerId);
    jdbc.update("DELETE FROM cm_visit_schedule WHERE manager_id = ?", managerId);
    jdbc.update("DELETE FROM cm_visit WHERE customer_code IN (" + mine + ")", managerId);
    jdbc.update("DELETE FROM cm_customer WHERE manager_id = ?", managerId);
    jdbc.update("DELETE FROM cm_staff WHERE user_id = ?", managerId);
  }

  void exit(String code) {
    jdbc.update("UPDATE cm_customer SET status = 'EXITED', exit_date = CURRENT_DATE WHERE customer_code = ?", code);
  }
}

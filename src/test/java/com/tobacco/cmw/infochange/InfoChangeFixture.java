package com.tobacco.cmw.infochange;

import com.tobacco.cmw.customer.Customer;
import com.tobacco.cmw.customer.CustomerRepository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Test data of the information change: picks demo customers, remembers them before a test
 * changes them, and afterwards puts them back and deletes every row and instance the test made.
 */
final class InfoChangeFixture {

  private final JdbcTemplate jdbc;
  private final CustomerRepository customers;
  private final RuntimeService runtimeService;
  private final Map<String, Customer> saved = new LinkedHashMap<>();
  final List<String> started = new ArrayList<>();

  InfoChangeFixture(JdbcTemplate jdbc, CustomerRepository customers, RuntimeService runtimeService) {
    this.jdbc = jdbc;
    this.customers = customers;
    this.runtimeService = runtimeService;
  }

  /** The n-th active customer of a manager, remembered for restoring. */
  Customer active(String managerId, int n) {
    String code = jdbc.queryForList("SELECT customer_code FROM cm_customer WHERE manager_id = ? AND status = 'ACTIVE' "
        + "ORDER BY customer_code", String.class, managerId).get(n);
    return remember(code);
  }

  /** An active customer of zhangwei whose licence runs at least {@code days} more days. */
  Customer activeWithLicenceBeyond(int days, int n) {
    String code = jdbc.queryForList("SELECT customer_code FROM cm_customer WHERE manager_id = 'zhangwei' AND status = 'ACTIVE' "
        + "AND licence_expiry > ? ORDER BY customer_code", String.class,
        java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(days)).get(n);
    return remember(code);
  }

  Customer exited(String managerId) {
    String code = jdbc.queryForList("SELECT customer_code FROM cm_customer WHERE manager_id = ? AND status = 'EXITED' "
        + "ORDER BY customer_code", String.class, managerId).get(0);
    return customers.find(code).orElseThrow();
  }

  Customer remember(String code) {
    Customer c = customers.find(code).orElseThrow();
    saved.putIfAbsent(code, c);
    return c;
  }

  Customer now(String code) {
    return customers.find(code).orElseThrow();
  }

  /** A licence number of the area that no customer holds. */
  String freeLicence(String areaCode) {
    for (int serial = 99_999; serial > 0; serial--) {
      String number = areaCode + "1" + String.format("%05d", serial);
      if (customers.findByLicence(number).isEmpty()) {
        return number;
      }
    }
    throw new IllegalStateException("no free licence number in " + areaCode);
  }

  int requestCount(String code) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM cm_customer_change_request WHERE customer_code = ?", Integer.class, code);
  }

  int changeLines(String code) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM cm_customer_change WHERE customer_code = ? AND process_key = ?",
        Integer.class, code, CustomerInfoChangeProcess.PROCESS_KEY);
  }

  void cleanUp() {
    for (String code : saved.keySet()) {
      jdbc.queryForList("SELECT process_instance_id FROM cm_customer_change_request WHERE customer_code = ?", String.class,
          code).stream().filter(pid -> !started.contains(pid)).forEach(started::add);
    }
    for (String pid : started) {
      if (runtimeService.createProcessInstanceQuery().processInstanceId(pid).count() > 0) {
        runtimeService.deleteProcessInstance(pid, "test clean-up");
      }
      jdbc.update("DELETE FROM cm_grade_change WHERE process_instance_id = ?", pid);
    }
    started.clear();
    for (Customer c : saved.values()) {
      jdbc.update("DELETE FROM cm_customer_change_item WHERE request_id IN (SELECT id FROM cm_customer_change_request "
          + "WHERE customer_code = ?)", c.customerCode());
      jdbc.update("DELETE FROM cm_customer_change_request WHERE customer_code = ?", c.customerCode());
      jdbc.update("DELETE FROM cm_customer_change WHERE customer_code = ? AND process_key = ?", c.customerCode(),
          CustomerInfoChangeProcess.PROCESS_KEY);
      jdbc.update("UPDATE cm_customer SET licence_no = ?, licence_expiry = ?, address = ?, region_code = ?, manager_id = ?, "
              + "grade = ?, contact_name = ?, phone = ? WHERE customer_code = ?", c.licenceNo(), c.licenceExpiry(),
          c.address(), c.regionCode(), c.managerId(), c.grade(), c.contactName(), c.phone(), c.customerCode());
    }
    saved.clear();
  }
}

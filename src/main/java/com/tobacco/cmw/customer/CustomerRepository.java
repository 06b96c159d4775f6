package com.tobacco.cmw.customer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Customers, their change log and grade-change log (tables cm_customer, cm_customer_change, cm_grade_change). */
@Repository
public class CustomerRepository {

  private static final String COLUMNS = "customer_code, store_name, licence_no, licence_expiry, address, region_code, "
      + "manager_id, grade, business_type, contact_name, phone, status, entry_date, exit_date, exit_reason";

  private static final RowMapper<Customer> MAPPER = CustomerRepository::map;

  private final JdbcTemplate jdbc;
  private final LicenceNumbers licences;

  public CustomerRepository(JdbcTemplate jdbc, LicenceNumbers licences) {
    this.jdbc = jdbc;
    this.licences = licences;
  }

  public Optional<Customer> find(String customerCode) {
    return jdbc.query("SELECT " + COLUMNS + " FROM cm_customer WHERE customer_code = ?", MAPPER, customerCode)
        .stream().findFirst();
  }

  /**
   * The customer of a code someone typed or a process was started with; an unknown code is the
   * caller's error (a 400 at a start, a refused task), with the same message everywhere.
   */
  public Customer require(String customerCode, java.util.function.Function<String, ? extends RuntimeException> error) {
    return find(customerCode).orElseThrow(() -> error.apply("客戶代碼「" + customerCode + "」不存在 / unknown customer "
        + customerCode));
  }

  /** The region's name (東區), or its code when the region has no row in {@code cm_region}. */
  public String regionName(String regionCode) {
    return jdbc.query("SELECT name FROM cm_region WHERE region_code = ?", (rs, i) -> rs.getString(1), regionCode)
        .stream().findFirst().orElse(regionCode);
  }

  /** A page of customers; managerId and regionCode narrow it when not null. */
  public List<Customer> list(String managerId, String regionCode, String status, int limit, int offset) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM cm_customer WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (managerId != null) {
      sql.append(" AND manager_id = ?");
      args.add(managerId);
    }
    if (regionCode != null) {
      sql.append(" AND region_code = ?");
      args.add(regionCode);
    }
    if (status != null) {
      sql.append(" AND status = ?");
      args.add(status);
    }
    sql.append(" ORDER BY customer_code LIMIT ? OFFSET ?");
    args.add(limit);
    args.add(offset);
    return jdbc.query(sql.toString(), MAPPER, args.toArray());
  }

  public void insert(Customer c) {
    licences.problem(c.licenceNo()).ifPresent(message -> {
      throw new IllegalArgumentException(c.customerCode() + ": " + message);
    });
    jdbc.update("INSERT INTO cm_customer (" + COLUMNS + ", updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        c.customerCode(), c.storeName(), c.licenceNo(), c.licenceExpiry(), c.address(), c.regionCode(),
        c.managerId(), c.grade(), c.businessType(), c.contactName(), c.phone(), c.status().name(),
        c.entryDate(), c.exitDate(), c.exitReason() == null ? null : c.exitReason().name(), Timestamp.from(Instant.now()));
  }

  /**
   * Changes the grade and writes both logs in the caller's transaction. The update is
   * conditional on the old grade, so two decisions on one customer cannot both apply.
   */
  public void changeGrade(Customer customer, int newGrade, String reason, Long visitId, String approvedBy,
                          String processInstanceId) {
    changeGrade(customer, newGrade, reason, visitId, approvedBy, "customerVisit", processInstanceId);
  }

  /** {@link #changeGrade(Customer, int, String, Long, String, String)} from any process, named by its key. */
  public void changeGrade(Customer customer, int newGrade, String reason, Long visitId, String approvedBy,
                          String processKey, String processInstanceId) {
    Instant now = Instant.now();
    int updated = jdbc.update("UPDATE cm_customer SET grade = ?, updated_at = ? WHERE customer_code = ? AND grade = ?",
        newGrade, Timestamp.from(now), customer.customerCode(), customer.grade());
    if (updated != 1) {
      throw new IllegalStateException("客戶 " + customer.customerCode() + " 的等級已被他人修改 / grade changed concurrently");
    }
    jdbc.update("INSERT INTO cm_grade_change (customer_code, old_grade, new_grade, reason, visit_id, approved_by, changed_at, process_instance_id) "
            + "VALUES (?,?,?,?,?,?,?,?)",
        customer.customerCode(), customer.grade(), newGrade, reason, visitId, approvedBy, Timestamp.from(now), processInstanceId);
    recordChange(new Change(customer.customerCode(), "grade", String.valueOf(customer.grade()), String.valueOf(newGrade),
        reason, approvedBy, now, processKey, processInstanceId));
  }

  /**
   * One line of a customer's change history (§3.5): which field, old and new value, why, who,
   * when and through which process (key and instance; both null for a change outside a process,
   * e.g. an import, whose reason says so). Field names are the column names of {@code cm_customer}
   * ({@code phone}, {@code licence_expiry}, {@code manager_id}, {@code status} …).
   */
  public record Change(String customerCode, String fieldName, String oldValue, String newValue, String reason,
                       String changedBy, Instant changedAt, String processKey, String processInstanceId) {}

  /** Appends a line to the change history in the caller's transaction. */
  public void recordChange(Change c) {
    jdbc.update("INSERT INTO cm_customer_change (customer_code, field_name, old_value, new_value, reason, changed_by, "
            + "changed_at, process_key, process_instance_id) VALUES (?,?,?,?,?,?,?,?,?)",
        c.customerCode(), c.fieldName(), truncate(c.oldValue(), 200), truncate(c.newValue(), 200),
        truncate(c.reason(), 500), c.changedBy(), Timestamp.from(c.changedAt()), c.processKey(), c.processInstanceId());
  }

  /** The whole change history of a customer, oldest first. */
  public List<Change> changeHistory(String customerCode) {
    return jdbc.query("SELECT customer_code, field_name, old_value, new_value, reason, changed_by, changed_at, "
            + "process_key, process_instance_id FROM cm_customer_change WHERE customer_code = ? ORDER BY changed_at, id",
        (rs, i) -> new Change(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8), rs.getString(9)),
        customerCode);
  }

  /**
   * The customer holding this licence number, in any status: the number is unique in
   * {@code cm_customer}, so a licence that left the network and enrolls again comes back under
   * its old customer code (decision in docs/decisions.md).
   */
  public Optional<Customer> findByLicence(String licenceNo) {
    return jdbc.query("SELECT " + COLUMNS + " FROM cm_customer WHERE licence_no = ?", MAPPER, licenceNo)
        .stream().findFirst();
  }

  private static String truncate(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
  }

  public record GradeChange(int oldGrade, int newGrade, String reason, Long visitId, String approvedBy, Instant changedAt,
                            String processInstanceId) {}

  public List<GradeChange> gradeChanges(String customerCode) {
    return jdbc.query("SELECT old_grade, new_grade, reason, visit_id, approved_by, changed_at, process_instance_id "
            + "FROM cm_grade_change WHERE customer_code = ? ORDER BY changed_at, id",
        (rs, i) -> new GradeChange(rs.getInt(1), rs.getInt(2), rs.getString(3), (Long) rs.getObject(4, Long.class),
            rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7)),
        customerCode);
  }

  private static Customer map(ResultSet rs, int row) throws SQLException {
    return new Customer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
        rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getString(9), rs.getString(10),
        rs.getString(11), CustomerStatus.valueOf(rs.getString(12)), rs.getObject(13, LocalDate.class),
        rs.getObject(14, LocalDate.class), rs.getString(15) == null ? null : ExitReason.valueOf(rs.getString(15)));
  }
}

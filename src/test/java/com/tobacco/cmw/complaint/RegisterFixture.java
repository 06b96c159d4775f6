package com.tobacco.cmw.complaint;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Ten complaint cases with known timestamps around the 2026 春節, 清明 and 勞動節 holidays, on
 * two brands of their own ({@link #BRAND_1}, {@link #BRAND_2}) and demo customers of zhangwei
 * (EAST) and lina (WEST). Case numbers ZL-2026-9xxxx stay clear of numbers the process gives out.
 * Every test deletes them again ({@link #delete}): other tests count the demo data.
 *
 * <p>Hand-computed (working days after the day of report up to the day of closing, 2026 calendar):
 * <pre>
 * case   mgr  reported          closed            days  due (7 wd)        on time  replaced
 * A1     zw   Thu 12 Feb 10:00  Tue 24 Feb 15:00  3     Sat 28 Feb 18:00  yes      20 packs = 2.0
 *        (13 Fri, 14 Sat 調休, 24 Tue; 15–23 春節)
 * A2     zw   Fri 13 Feb 09:00  Mon 09 Mar 11:00  12    Mon 02 Mar 18:00  no       3 cartons
 *        (14, 24–27, 28 調休, 2–6 Mar, 9 Mar)
 * A3     zw   Mon 02 Feb 09:00  Mon 02 Feb 16:00  0     Wed 11 Feb 18:00  yes      – (rejected)
 * B1     zw   Wed 25 Feb 10:00  open, REVIEW due Fri 27 Feb (overdue), case due Thu 05 Mar
 * C1     lina Fri 27 Feb 14:00  Mon 02 Mar 10:00  2     Mon 09 Mar 18:00  yes      15 packs = 1.5
 *        (28 Sat 調休, 2 Mar)
 * D1     zw   Wed 29 Apr 10:00  Fri 08 May 10:00  4     Tue 12 May 18:00  yes      12 packs = 1.2
 *        (30 Apr, 6–8 May; 1–5 May 勞動節)
 * D2     zw   Thu 30 Apr 09:00  Wed 13 May 09:00  7     Wed 13 May 18:00  yes      2 cartons
 *        (6, 7, 8, 9 Sat 調休, 11, 12, 13)
 * D3     zw   Tue 28 Apr 10:00  Thu 14 May 10:00  10    Mon 11 May 18:00  no       – (rejected)
 * D4     zw   Mon 27 Apr 10:00  Tue 28 Apr 10:00  1     Sat 09 May 18:00  yes      5 packs = 0.5
 * E1     zw   Thu 30 Apr 11:00  open, INSPECTION, not inspected (cause unknown), dues in 2099
 * </pre>
 * A*, D*, C1 are on brand 1; B1 and E1 on brand 2. Causes: A, B MANUFACTURING; C TRANSPORT;
 * D RETAILER_STORAGE. Escalations: B1 REVIEW on 27 Feb 18:00, A2 CASE on 03 Mar 09:00, D3 CASE
 * on 12 May 09:00.
 */
final class RegisterFixture {

  static final String BRAND_1 = "ZTB1";
  static final String BRAND_2 = "ZTB2";
  static final String PREFIX = "ZL-2026-9";
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  final String eastCustomer;
  final String westCustomer;
  private final JdbcTemplate jdbc;

  RegisterFixture(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.eastCustomer = jdbc.queryForObject(
        "SELECT MIN(customer_code) FROM cm_customer WHERE manager_id = 'zhangwei' AND region_code = 'EAST'", String.class);
    this.westCustomer = jdbc.queryForObject(
        "SELECT MIN(customer_code) FROM cm_customer WHERE manager_id = 'lina' AND region_code = 'WEST'", String.class);
  }

  static String no(String name) {
    return switch (name) {
      case "A1" -> PREFIX + "0001";
      case "A2" -> PREFIX + "0002";
      case "A3" -> PREFIX + "0003";
      case "B1" -> PREFIX + "0004";
      case "C1" -> PREFIX + "0005";
      case "D1" -> PREFIX + "0006";
      case "D2" -> PREFIX + "0007";
      case "D3" -> PREFIX + "0008";
      case "D4" -> PREFIX + "0009";
      case "E1" -> PREFIX + "0010";
      default -> throw new IllegalArgumentException(name);
    };
  }

  static Instant at(String localDateTime) {
    return LocalDateTime.parse(localDateTime.replace(' ', 'T')).atZone(SHANGHAI).toInstant();
  }

  void insert() {
    delete();
    jdbc.update("INSERT INTO cm_brand (brand_code, name, price_class, wholesale_price_carton, min_retail_price_pack,"
        + " min_retail_price_carton) VALUES (?, '測試品牌甲', 2, 150, 20, 200), (?, '測試品牌乙', 3, 100, 12, 120)", BRAND_1, BRAND_2);
    closed("A1", "zhangwei", eastCustomer, "EAST", BRAND_1, "MANUFACTURING", "2026-02-12 10:00", "2026-02-24 15:00",
        "2026-02-28 18:00", 40, "PACK", 20, "REPLACED");
    closed("A2", "zhangwei", eastCustomer, "EAST", BRAND_1, "MANUFACTURING", "2026-02-13 09:00", "2026-03-09 11:00",
        "2026-03-02 18:00", 3, "CARTON", 3, "REPLACED");
    closed("A3", "zhangwei", eastCustomer, "EAST", BRAND_1, "MANUFACTURING", "2026-02-02 09:00", "2026-02-02 16:00",
        "2026-02-11 18:00", 2, "CARTON", null, "REJECTED");
    open("B1", "zhangwei", eastCustomer, "EAST", BRAND_2, "MANUFACTURING", "2026-02-25 10:00", "REVIEW",
        "2026-02-27 18:00", "2026-03-05 18:00");
    closed("C1", "lina", westCustomer, "WEST", BRAND_1, "TRANSPORT", "2026-02-27 14:00", "2026-03-02 10:00",
        "2026-03-09 18:00", 15, "PACK", 15, "REPLACED");
    closed("D1", "zhangwei", eastCustomer, "EAST", BRAND_1, "RETAILER_STORAGE", "2026-04-29 10:00", "2026-05-08 10:00",
        "2026-05-12 18:00", 12, "PACK", 12, "REPLACED");
    closed("D2", "zhangwei", eastCustomer, "EAST", BRAND_1, "RETAILER_STORAGE", "2026-04-30 09:00", "2026-05-13 09:00",
        "2026-05-13 18:00", 2, "CARTON", 2, "REPLACED");
    closed("D3", "zhangwei", eastCustomer, "EAST", BRAND_1, "RETAILER_STORAGE", "2026-04-28 10:00", "2026-05-14 10:00",
        "2026-05-11 18:00", 1, "CARTON", null, "REJECTED");
    closed("D4", "zhangwei", eastCustomer, "EAST", BRAND_1, "RETAILER_STORAGE", "2026-04-27 10:00", "2026-04-28 10:00",
        "2026-05-09 18:00", 5, "PACK", 5, "REPLACED");
    open("E1", "zhangwei", eastCustomer, "EAST", BRAND_2, null, "2026-04-30 11:00", "INSPECTION",
        "2099-01-01 18:00", "2099-01-09 18:00");
    escalation("B1", "REVIEW", "2026-02-27 18:00", "2026-02-27 18:05");
    escalation("A2", "CASE", "2026-03-02 18:00", "2026-03-03 09:00");
    escalation("D3", "CASE", "2026-05-11 18:00", "2026-05-12 09:00");
    jdbc.update("INSERT INTO cm_complaint_step (case_no, step, done_at, done_by, outcome) VALUES (?, 'REPORTED', ?, 'zhangwei', NULL),"
        + " (?, 'INSPECTION', ?, 'zhangwei', 'MANUFACTURING')",
        no("A1"), ts("2026-02-12 10:00"), no("A1"), ts("2026-02-13 10:00"));
  }

  void delete() {
    jdbc.update("DELETE FROM cm_complaint_escalation WHERE case_no LIKE ?", PREFIX + "%");
    jdbc.update("DELETE FROM cm_complaint_step WHERE case_no LIKE ?", PREFIX + "%");
    jdbc.update("DELETE FROM cm_complaint_case WHERE case_no LIKE ?", PREFIX + "%");
    jdbc.update("DELETE FROM cm_brand WHERE brand_code IN (?, ?)", BRAND_1, BRAND_2);
  }

  private void closed(String name, String manager, String customer, String region, String brand, String cause,
                      String reported, String closed, String caseDue, int quantity, String unit, Integer replaced,
                      String result) {
    insertCase(name, manager, customer, region, brand, cause, reported, "CLOSED", null, caseDue);
    jdbc.update("UPDATE cm_complaint_case SET inspected_at = ?, inspected_by = ?, defect_confirmed = TRUE,"
        + " form_signed_at = ?, form_by = ?, signer_name = '店主', reviewed_at = ?, reviewed_by = ?, review_decision = ?,"
        + " approved_quantity = ?, replaced_at = ?, replaced_by = ?, replaced_quantity = ?, customer_confirmation = ?,"
        + " fed_back_at = ?, fed_back_by = ?, closed_at = ?, result = ?, quantity = ?, quantity_unit = ? WHERE case_no = ?",
        ts(reported), manager, ts(reported), manager, ts(closed), "wangfang", "REPLACED".equals(result) ? "APPROVED" : "REJECTED",
        replaced, replaced == null ? null : ts(closed), replaced == null ? null : manager, replaced,
        replaced == null ? null : "店主", ts(closed), manager, ts(closed), result, quantity, unit, no(name));
  }

  private void open(String name, String manager, String customer, String region, String brand, String cause,
                    String reported, String step, String stepDue, String caseDue) {
    insertCase(name, manager, customer, region, brand, cause, reported, step, stepDue, caseDue);
    if (cause != null) {
      jdbc.update("UPDATE cm_complaint_case SET inspected_at = ?, inspected_by = ? WHERE case_no = ?", ts(reported), manager, no(name));
    }
  }

  private void insertCase(String name, String manager, String customer, String region, String brand, String cause,
                          String reported, String step, String stepDue, String caseDue) {
    String caseNo = no(name);
    jdbc.update("INSERT INTO cm_complaint_case (case_no, case_year, case_seq, customer_code, region_code, manager_id,"
        + " brand_code, quantity, quantity_unit, defect_description, reported_at, reported_by, current_step, step_due_at,"
        + " case_due_at, cause) VALUES (?, 2026, ?, ?, ?, ?, ?, 1, 'CARTON', ?, ?, ?, ?, ?, ?, ?)",
        caseNo, Integer.parseInt(caseNo.substring(8)), customer, region, manager, brand, "案件" + name + " 煙支受潮發黴",
        ts(reported), manager, step, stepDue == null ? null : ts(stepDue), ts(caseDue), cause);
  }

  private void escalation(String name, String step, String due, String escalated) {
    jdbc.update("INSERT INTO cm_complaint_escalation (case_no, step, due_at, escalated_at, notified_group)"
        + " VALUES (?, ?, ?, ?, 'customer-service-managers')", no(name), step, ts(due), ts(escalated));
  }

  private static Timestamp ts(String localDateTime) {
    return Timestamp.from(at(localDateTime));
  }
}

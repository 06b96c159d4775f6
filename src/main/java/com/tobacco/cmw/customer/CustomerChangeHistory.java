package com.tobacco.cmw.customer;

import com.tobacco.cmw.security.StaffDirectory;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A customer's change history (§3.5) for people: every line of {@code cm_customer_change} with
 * the field's Chinese label, the person's name from the staff directory, and the process that
 * made the change. Shown by {@code GET /api/customers/{code}} and {@code …/changes}, and as the
 * recent-changes panel of the visit form.
 */
@Component
public class CustomerChangeHistory {

  /** Chinese labels of the columns of {@code cm_customer} that appear in the history. */
  static final Map<String, String> FIELD_LABELS = Map.ofEntries(
      Map.entry("store_name", "店名"),
      Map.entry("licence_no", "許可證號"),
      Map.entry("licence_expiry", "許可證有效期至"),
      Map.entry("address", "經營地址"),
      Map.entry("region_code", "所屬區域"),
      Map.entry("manager_id", "客戶經理"),
      Map.entry("grade", "客戶等級"),
      Map.entry("business_type", "業態"),
      Map.entry("contact_name", "聯繫人"),
      Map.entry("phone", "聯繫電話"),
      Map.entry("status", "狀態"),
      Map.entry("entry_date", "入網日期"),
      Map.entry("exit_date", "退網日期"),
      Map.entry("exit_reason", "退網原因"));

  /** Chinese names of the processes that change customers. */
  static final Map<String, String> PROCESS_LABELS = Map.of(
      "customerInfoChange", "客戶信息維護",
      "customerVisit", "客戶訪問",
      "networkEnrollment", "客戶入網",
      "networkExit", "客戶退網",
      "licenceRenewalReminder", "許可證續期提醒");

  /**
   * One change: field (column name) and its label, old and new value, why, who (user id and
   * name when the staff directory knows it), when, and through which process (key, its Chinese
   * name, instance id; all null for a change outside a process such as an import).
   */
  public record Line(String field, String fieldLabel, String oldValue, String newValue, String reason,
                     String changedBy, String changedByName, Instant changedAt, String processKey,
                     String processName, String processInstanceId) {}

  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final CustomerRepository customers;
  private final StaffDirectory staff;
  private final ZoneId zone;
  private final JdbcTemplate jdbc;

  public CustomerChangeHistory(CustomerRepository customers, StaffDirectory staff, JdbcTemplate jdbc,
                               @Value("${cmw.timezone:Asia/Shanghai}") String zone) {
    this.jdbc = jdbc;
    this.customers = customers;
    this.staff = staff;
    this.zone = ZoneId.of(zone);
  }

  /** The whole history, oldest first. */
  public List<Line> of(String customerCode) {
    Map<String, String> names = new HashMap<>();
    List<Line> lines = new ArrayList<>();
    for (CustomerRepository.Change c : customers.changeHistory(customerCode)) {
      lines.add(new Line(c.fieldName(), FIELD_LABELS.getOrDefault(c.fieldName(), c.fieldName()),
          c.oldValue(), c.newValue(), c.reason(), c.changedBy(), name(c.changedBy(), names), c.changedAt(),
          c.processKey(), c.processKey() == null ? null : PROCESS_LABELS.getOrDefault(c.processKey(), c.processKey()),
          c.processInstanceId()));
    }
    return lines;
  }

  /**
   * The newest {@code limit} changes as a Markdown list for a form (newest first), or a sentence
   * saying there are none. Reads only those lines (it runs whenever a visit task is created).
   */
  public String recentAsMarkdown(String customerCode, int limit) {
    int total = jdbc.queryForObject("SELECT COUNT(*) FROM cm_customer_change WHERE customer_code = ?", Integer.class,
        customerCode);
    if (total == 0) {
      return "暫無資料變更記錄。";
    }
    List<CustomerRepository.Change> recent = jdbc.query("SELECT customer_code, field_name, old_value, new_value, reason, "
            + "changed_by, changed_at, process_key, process_instance_id FROM cm_customer_change WHERE customer_code = ? "
            + "ORDER BY changed_at DESC, id DESC LIMIT ?",
        (rs, i) -> new CustomerRepository.Change(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8), rs.getString(9)),
        customerCode, limit);
    Map<String, String> names = new HashMap<>();
    StringBuilder text = new StringBuilder();
    for (CustomerRepository.Change c : recent) {
      String who = name(c.changedBy(), names);
      text.append("- ").append(MINUTES.format(c.changedAt().atZone(zone))).append(" **")
          .append(FIELD_LABELS.getOrDefault(c.fieldName(), c.fieldName())).append("**:").append(shown(c.oldValue()))
          .append(" → ").append(shown(c.newValue())).append("(").append(who == null ? c.changedBy() : who);
      if (c.processKey() != null) {
        text.append(",").append(PROCESS_LABELS.getOrDefault(c.processKey(), c.processKey()));
      }
      if (c.reason() != null && !c.reason().isBlank()) {
        text.append(",原因:").append(c.reason().replace('\n', ' '));
      }
      text.append(")\n");
    }
    if (total > limit) {
      text.append("\n共 ").append(total).append(" 條,僅顯示最近 ").append(limit).append(" 條。");
    }
    return text.toString().strip();
  }

  private String name(String userId, Map<String, String> cache) {
    if (userId == null) {
      return null;
    }
    return cache.computeIfAbsent(userId, id -> staff.find(id).map(StaffDirectory.Staff::name).orElse(null));
  }

  private static String shown(String value) {
    return value == null || value.isBlank() ? "(空)" : value.replace('\n', ' ').replace("*", "\\*");
  }
}

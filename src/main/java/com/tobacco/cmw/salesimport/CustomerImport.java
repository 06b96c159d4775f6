package com.tobacco.cmw.salesimport;

import com.tobacco.cmw.customer.CustomerStatus;
import com.tobacco.cmw.customer.LicenceNumbers;
import com.tobacco.cmw.security.Roles;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Retail customers into {@code cm_customer}, keyed by customer code: a known code is updated and
 * every changed field is written to {@code cm_customer_change} with the import as reason.
 */
final class CustomerImport extends StagedTarget {

  static final Column CODE = Column.required("客戶編碼", "customer code", 20, "客户编码", "customer_code");
  static final Column STORE = Column.required("店名", "store name", 120, "店鋪名稱", "店铺名称", "store_name");
  static final Column LICENCE = Column.required("許可證號", "licence number", 40, "许可证号", "專賣零售許可證號", "专卖零售许可证号", "licence_no");
  static final Column EXPIRY = Column.required("許可證有效期", "licence expiry", 20, "许可证有效期", "licence_expiry");
  static final Column ADDRESS = Column.required("地址", "address", 200, "address");
  static final Column REGION = Column.required("區域", "region", 20, "区域", "region", "region_code");
  static final Column MANAGER = Column.required("客戶經理", "customer manager", 64, "客户经理", "manager", "manager_id");
  static final Column GRADE = Column.required("等級", "grade", 10, "等级", "grade");
  static final Column TYPE = Column.required("業態", "business type", 20, "业态", "business_type");
  static final Column CONTACT = Column.optional("聯繫人", "contact", 60, "联系人", "contact", "contact_name");
  static final Column PHONE = Column.optional("電話", "phone", 30, "电话", "phone");
  static final Column STATUS = Column.optional("狀態", "status", 10, "状态", "status");
  static final Column ENTRY = Column.optional("入網日期", "entry date", 20, "入网日期", "entry_date");
  static final Column EXIT = Column.optional("退出日期", "exit date", 20, "exit_date");
  static final List<Column> COLUMNS = List.of(CODE, STORE, LICENCE, EXPIRY, ADDRESS, REGION, MANAGER, GRADE, TYPE, CONTACT,
      PHONE, STATUS, ENTRY, EXIT);

  /** Status in the file: the code or its Chinese name. */
  static final Map<String, CustomerStatus> STATUS_NAMES = Map.of(
      "APPLIED", CustomerStatus.APPLIED, "申請", CustomerStatus.APPLIED, "申请", CustomerStatus.APPLIED,
      "ACTIVE", CustomerStatus.ACTIVE, "正常", CustomerStatus.ACTIVE,
      "SUSPENDED", CustomerStatus.SUSPENDED, "暫停", CustomerStatus.SUSPENDED, "暂停", CustomerStatus.SUSPENDED,
      "EXITED", CustomerStatus.EXITED, "退出", CustomerStatus.EXITED);

  /** Fields whose changes are logged, as columns of both the stage and cm_customer. */
  private static final List<String> LOGGED = List.of("store_name", "licence_no", "licence_expiry", "address", "region_code",
      "manager_id", "grade", "business_type", "contact_name", "phone", "status", "entry_date", "exit_date");

  private final LicenceNumbers licences;
  private final Set<String> regions = new HashSet<>();
  /** Active customer managers and their region. */
  private final Map<String, String> managers = new HashMap<>();

  CustomerImport(JdbcTemplate jdbc, long importId, LicenceNumbers licences) {
    super(jdbc, importId);
    this.licences = licences;
    jdbc.query("SELECT region_code FROM cm_region", rs -> {
      regions.add(rs.getString(1));
    });
    jdbc.query("SELECT user_id, region_code FROM cm_staff WHERE role = ? AND active = TRUE", rs -> {
      managers.put(rs.getString(1), rs.getString(2));
    }, Roles.CUSTOMER_MANAGERS);
  }

  @Override
  List<Column> columns() {
    return COLUMNS;
  }

  @Override
  String stageTable() {
    return "cm_import_customer_stage";
  }

  @Override
  String stageInsertSql() {
    return "INSERT INTO cm_import_customer_stage (import_id, row_no, customer_code, store_name, licence_no, licence_expiry, address, "
        + "region_code, manager_id, grade, business_type, contact_name, phone, status, entry_date, exit_date) "
        + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
  }

  @Override
  Object[] validate(long row, Values v) {
    int before = v.reasons.size();
    String code = v.text(CODE);
    String store = v.text(STORE);
    String licence = v.text(LICENCE);
    if (!licence.isEmpty()) {
      licences.problem(licence).ifPresent(v.reasons::add);
    }
    LocalDate expiry = v.date(EXPIRY);
    String address = v.text(ADDRESS);
    String region = v.text(REGION);
    if (!region.isEmpty() && !regions.contains(region)) {
      v.reasons.add("區域「" + region + "」不存在 / unknown region " + region);
    }
    String manager = v.text(MANAGER);
    if (!manager.isEmpty()) {
      if (!managers.containsKey(manager)) {
        v.reasons.add("客戶經理「" + manager + "」不存在或不是在職的客戶經理 / " + manager + " is not an active customer manager");
      } else if (regions.contains(region) && managers.get(manager) != null && !managers.get(manager).equals(region)) {
        v.reasons.add("客戶經理「" + manager + "」屬於區域 " + managers.get(manager) + ",與「區域」" + region + " 不符 / "
            + manager + " works in region " + managers.get(manager) + ", not " + region);
      }
    }
    Integer grade = v.integer(GRADE, 1, 5);
    String type = v.text(TYPE);
    String contact = v.optionalText(CONTACT);
    String phone = v.optionalText(PHONE);
    String statusText = v.optionalText(STATUS);
    CustomerStatus status = CustomerStatus.ACTIVE;
    if (statusText != null) {
      status = STATUS_NAMES.get(statusText.toUpperCase(Locale.ROOT));
      if (status == null) {
        v.reasons.add("「狀態」的值「" + statusText + "」無效,應為 APPLIED/ACTIVE/SUSPENDED/EXITED 或 申請/正常/暫停/退出 / status '"
            + statusText + "' must be APPLIED, ACTIVE, SUSPENDED or EXITED");
      }
    }
    LocalDate entry = v.date(ENTRY);
    LocalDate exit = v.date(EXIT);
    if (status == CustomerStatus.EXITED && exit == null && v.reasons.size() == before) {
      v.reasons.add("狀態為退出時「退出日期」不能為空 / an exited customer needs an exit date");
    }
    if (v.reasons.size() > before) {
      return null;
    }
    return new Object[] {importId, row, code, store, licence, expiry, address, region, manager, grade, type, contact, phone,
        status.name(), entry, exit};
  }

  @Override
  void checkWritten(RejectSink sink) {
    duplicates("customer_code", "同一客戶編碼", "same customer code", sink);
    duplicates("licence_no", "同一許可證號", "same licence number", sink);
    jdbc.query("SELECT s.row_no, s.licence_no, c.customer_code FROM cm_import_customer_stage s "
            + "JOIN cm_customer c ON c.licence_no = s.licence_no AND c.customer_code <> s.customer_code WHERE s.import_id = ?",
        rs -> {
          sink.reject(rs.getLong(1), "許可證號「" + rs.getString(2) + "」已屬於客戶 " + rs.getString(3) + " / licence number "
              + rs.getString(2) + " belongs to customer " + rs.getString(3));
        }, importId);
  }

  @Override
  Merged mergeStaged(String user) {
    Timestamp now = Timestamp.from(Instant.now());
    String reason = "數據導入 #" + importId + " / import #" + importId;
    for (String field : LOGGED) {
      jdbc.update("INSERT INTO cm_customer_change (customer_code, field_name, old_value, new_value, reason, changed_by, changed_at) "
              + "SELECT c.customer_code, ?, CAST(c." + field + " AS VARCHAR(200)), CAST(s." + field + " AS VARCHAR(200)), ?, ?, ? "
              + "FROM cm_import_customer_stage s JOIN cm_customer c ON c.customer_code = s.customer_code "
              + "WHERE s.import_id = ? AND c." + field + " IS DISTINCT FROM s." + field,
          field, reason, user, now, importId);
    }
    Long replaced = jdbc.queryForObject("SELECT COUNT(*) FROM cm_import_customer_stage s JOIN cm_customer c "
        + "ON c.customer_code = s.customer_code WHERE s.import_id = ?", Long.class, importId);
    long imported = jdbc.update("MERGE INTO cm_customer c USING (SELECT * FROM cm_import_customer_stage WHERE import_id = ?) s "
        + "ON (c.customer_code = s.customer_code) "
        + "WHEN MATCHED THEN UPDATE SET store_name = s.store_name, licence_no = s.licence_no, licence_expiry = s.licence_expiry, "
        + "address = s.address, region_code = s.region_code, manager_id = s.manager_id, grade = s.grade, "
        + "business_type = s.business_type, contact_name = s.contact_name, phone = s.phone, status = s.status, "
        + "entry_date = s.entry_date, exit_date = s.exit_date, updated_at = ? "
        + "WHEN NOT MATCHED THEN INSERT (customer_code, store_name, licence_no, licence_expiry, address, region_code, manager_id, "
        + "grade, business_type, contact_name, phone, status, entry_date, exit_date, updated_at) VALUES (s.customer_code, "
        + "s.store_name, s.licence_no, s.licence_expiry, s.address, s.region_code, s.manager_id, s.grade, s.business_type, "
        + "s.contact_name, s.phone, s.status, s.entry_date, s.exit_date, ?)", importId, now, now);
    return new Merged(imported, replaced == null ? 0 : replaced);
  }
}

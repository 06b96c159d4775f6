package com.tobacco.cmw.infochange;

import com.tobacco.cmw.customer.Customer;
import com.tobacco.cmw.customer.CustomerRepository;
import com.tobacco.cmw.customer.CustomerStatus;
import com.tobacco.cmw.customer.LicenceChecks;
import com.tobacco.cmw.security.Roles;
import com.tobacco.cmw.security.StaffDirectory;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The rules of a customer information change (§3.5), used when the request opens and again when
 * an approved change is applied (the world may have moved meanwhile): each new value's shape,
 * and the values together — a region needs a customer manager of that region, a licence an area
 * code of the customer's region, a validity after today and no other holder.
 */
@Component
public class ChangeRules {

  static final int MAX_CONTACT_NAME = 60;
  static final int MAX_ADDRESS = 200;
  static final int MAX_PHONE = 30;

  private final Pattern phonePattern;
  private final LicenceChecks licences;
  private final CustomerRepository customers;
  private final StaffDirectory staff;
  private final JdbcTemplate jdbc;

  public ChangeRules(@Value("${cmw.customer.phone-pattern:^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$}") String phonePattern,
                     LicenceChecks licences, CustomerRepository customers, StaffDirectory staff, JdbcTemplate jdbc) {
    this.phonePattern = Pattern.compile(phonePattern);
    this.licences = licences;
    this.customers = customers;
    this.staff = staff;
    this.jdbc = jdbc;
  }

  /**
   * Reads the requested new values (text as submitted; null or blank = unchanged), normalises
   * them and drops those equal to the customer's current value. The first bad value is thrown
   * as a {@link Refusal}.
   */
  public Map<ChangeField, String> read(Customer customer, Map<ChangeField, Object> raw) {
    Map<ChangeField, String> changes = new EnumMap<>(ChangeField.class);
    for (ChangeField field : ChangeField.values()) {
      Object value = raw.get(field);
      if (value == null || value.toString().isBlank()) {
        continue;
      }
      String normalised = normalise(field, value);
      if (!normalised.equals(field.valueOf(customer))) {
        changes.put(field, normalised);
      }
    }
    return changes;
  }

  /**
   * Problems of applying {@code changes} to {@code customer} as of {@code today}; empty when
   * they may be applied.
   */
  public List<String> problems(Customer customer, Map<ChangeField, String> changes, LocalDate today) {
    List<String> problems = new ArrayList<>();
    if (customer.status() == CustomerStatus.EXITED || customer.status() == CustomerStatus.APPLIED) {
      problems.add("客戶 " + customer.customerCode() + " 不是在網客戶(" + (customer.status() == CustomerStatus.EXITED
          ? "已退網" : "入網審批中") + "),不能維護客戶信息 / customer " + customer.customerCode() + " is " + customer.status());
      return problems;
    }
    String region = changes.getOrDefault(ChangeField.REGION_CODE, customer.regionCode());
    if (changes.containsKey(ChangeField.REGION_CODE)) {
      if (!regionExists(region)) {
        problems.add("區域「" + region + "」不存在 / unknown region " + region);
        return problems;
      }
      if (!changes.containsKey(ChangeField.MANAGER_ID)) {
        problems.add("變更所屬區域時須同時指定新區域的客戶經理 / a region change needs a customer manager of the new region");
      }
    }
    if (changes.containsKey(ChangeField.MANAGER_ID) || changes.containsKey(ChangeField.REGION_CODE)) {
      String manager = changes.getOrDefault(ChangeField.MANAGER_ID, customer.managerId());
      Optional<StaffDirectory.Staff> s = staff.find(manager);
      if (s.isEmpty() || !s.get().active() || !Roles.CUSTOMER_MANAGERS.equals(s.get().role())
          || !region.equals(s.get().regionCode())) {
        problems.add("「" + manager + "」不是區域 " + region + " 在職的客戶經理 / " + manager
            + " is not an active customer manager of region " + region);
      }
    }
    if (changes.containsKey(ChangeField.LICENCE_NO) || changes.containsKey(ChangeField.LICENCE_EXPIRY)
        || changes.containsKey(ChangeField.REGION_CODE)) {
      String number = changes.getOrDefault(ChangeField.LICENCE_NO, customer.licenceNo());
      LocalDate expiry = changes.containsKey(ChangeField.LICENCE_EXPIRY)
          ? LocalDate.parse(changes.get(ChangeField.LICENCE_EXPIRY)) : customer.licenceExpiry();
      List<String> licenceProblems = licences.problems(number, region, expiry, today, customer.customerCode());
      problems.addAll(licenceProblems);
      if (changes.containsKey(ChangeField.LICENCE_EXPIRY) && expiry.equals(today)) {
        problems.add("新的許可證有效期須晚於今天(" + today + ")/ the new licence expiry must be after today");
      }
      if (changes.containsKey(ChangeField.LICENCE_NO)) {
        customers.findByLicence(number.strip())
            .filter(c -> c.status() == CustomerStatus.EXITED && !c.customerCode().equals(customer.customerCode()))
            .ifPresent(c -> problems.add("許可證號 " + number + " 屬於已退網客戶 " + c.customerCode()
                + ",許可證號終身屬於一個客戶代碼 / licence belongs to exited customer " + c.customerCode()));
      }
    }
    return problems;
  }

  private String normalise(ChangeField field, Object value) {
    String text = value.toString().strip();
    switch (field) {
      case CONTACT_NAME -> checkLength(field, text, MAX_CONTACT_NAME);
      case ADDRESS -> checkLength(field, text, MAX_ADDRESS);
      case PHONE -> {
        text = text.replace(" ", "");
        checkLength(field, text, MAX_PHONE);
        if (!phonePattern.matcher(text).matches()) {
          throw new Refusal(field, "「聯繫電話」格式不正確:「" + text + "」(手機 11 位,或固定電話 區號-號碼)/ invalid phone number");
        }
      }
      case LICENCE_NO -> checkLength(field, text, 12);
      case LICENCE_EXPIRY -> {
        try {
          text = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text).toString();
        } catch (DateTimeParseException e) {
          throw new Refusal(field, "「許可證有效期至」不是日期 yyyy-MM-dd:「" + text + "」/ licence expiry is not a date");
        }
      }
      case GRADE -> {
        int grade;
        try {
          grade = new java.math.BigDecimal(text).intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
          throw new Refusal(field, "「客戶等級」應為 1–5 的整數:「" + text + "」/ grade must be a whole number 1–5");
        }
        if (grade < 1 || grade > Customer.LOWEST_GRADE) {
          throw new Refusal(field, "「客戶等級」應在 1–5 之間:「" + text + "」/ grade must be 1–5");
        }
        text = String.valueOf(grade);
      }
      case REGION_CODE -> text = text.toUpperCase(java.util.Locale.ROOT);
      case MANAGER_ID -> checkLength(field, text, 64);
      default -> throw new IllegalStateException(field.name());
    }
    return text;
  }

  private static void checkLength(ChangeField field, String text, int max) {
    if (text.length() > max) {
      throw new Refusal(field, "「" + field.label() + "」最多 " + max + " 字 / " + field.column() + " is longer than " + max);
    }
  }

  private boolean regionExists(String region) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM cm_region WHERE region_code = ?", Integer.class, region);
    return n != null && n > 0;
  }

  /** A bad value, with the field at fault. */
  public static class Refusal extends RuntimeException {
    private final transient ChangeField field;

    Refusal(ChangeField field, String message) {
      super(message);
      this.field = field;
    }

    public ChangeField field() {
      return field;
    }
  }
}

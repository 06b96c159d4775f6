package com.tobacco.cmw.infochange;

import static com.tobacco.cmw.infochange.CustomerInfoChangeProcess.Var;

import com.tobacco.cmw.customer.Customer;
import java.util.Arrays;
import java.util.Optional;

/**
 * The customer fields a change request may change (§3.5), named by their column in
 * {@code cm_customer}, with the start variable that carries the new value and whether the change
 * applies at once or after the regional manager's approval (SPEC §3 item 5).
 */
public enum ChangeField {
  CONTACT_NAME("contact_name", "聯繫人", Var.NEW_CONTACT_NAME, false),
  PHONE("phone", "聯繫電話", Var.NEW_PHONE, false),
  ADDRESS("address", "經營地址", Var.NEW_ADDRESS, false),
  LICENCE_NO("licence_no", "許可證號", Var.NEW_LICENCE_NO, true),
  LICENCE_EXPIRY("licence_expiry", "許可證有效期至", Var.NEW_LICENCE_EXPIRY, true),
  GRADE("grade", "客戶等級", Var.NEW_GRADE, true),
  REGION_CODE("region_code", "所屬區域", Var.NEW_REGION_CODE, true),
  MANAGER_ID("manager_id", "客戶經理", Var.NEW_MANAGER_ID, true);

  private final String column;
  private final String label;
  private final String variable;
  private final boolean needsApproval;

  ChangeField(String column, String label, String variable, boolean needsApproval) {
    this.column = column;
    this.label = label;
    this.variable = variable;
    this.needsApproval = needsApproval;
  }

  public String column() {
    return column;
  }

  public String label() {
    return label;
  }

  public String variable() {
    return variable;
  }

  public boolean needsApproval() {
    return needsApproval;
  }

  /** IMMEDIATE or APPROVAL, as stored in {@code cm_customer_change_item.category}. */
  public String category() {
    return needsApproval ? "APPROVAL" : "IMMEDIATE";
  }

  /** The customer's current value as text (dates yyyy-MM-dd, grade as digit); null when empty. */
  public String valueOf(Customer c) {
    Object value = switch (this) {
      case CONTACT_NAME -> c.contactName();
      case PHONE -> c.phone();
      case ADDRESS -> c.address();
      case LICENCE_NO -> c.licenceNo();
      case LICENCE_EXPIRY -> c.licenceExpiry();
      case GRADE -> c.grade();
      case REGION_CODE -> c.regionCode();
      case MANAGER_ID -> c.managerId();
    };
    return value == null ? null : value.toString();
  }

  public static Optional<ChangeField> ofColumn(String column) {
    return Arrays.stream(values()).filter(f -> f.column.equals(column)).findFirst();
  }
}

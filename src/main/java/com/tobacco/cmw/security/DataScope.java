package com.tobacco.cmw.security;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What part of the master data the current user may read: a customer manager their own
 * customers, a regional manager their region, head-office roles and auditors everything.
 */
@Component
public class DataScope {

  /** managerId or regionCode set narrows the data; both null means all. */
  public record Scope(String managerId, String regionCode) {
    public static final Scope ALL = new Scope(null, null);

    public boolean includes(String customerManagerId, String customerRegion) {
      return (managerId == null || managerId.equals(customerManagerId))
          && (regionCode == null || regionCode.equals(customerRegion));
    }
  }

  private static final List<String> HEAD_OFFICE = List.of(Roles.ADMIN, Roles.AUDITORS, Roles.BRAND_MANAGERS,
      Roles.MONOPOLY_DEPARTMENT, Roles.SALES_OPERATIONS, Roles.CUSTOMER_SERVICE_CENTER, Roles.CUSTOMER_SERVICE_MANAGERS);

  private final CurrentUser currentUser;
  private final StaffDirectory staff;

  public DataScope(CurrentUser currentUser, StaffDirectory staff) {
    this.currentUser = currentUser;
    this.staff = staff;
  }

  public Scope current() {
    return current(HEAD_OFFICE, "無權查看客戶資料 / not allowed to read customer data");
  }

  /**
   * The scope for data that the groups {@code seeingAll} read whole: those see all, a regional
   * manager their region, a customer manager their own customers; anyone else is refused with
   * {@code refusal} (after the user id).
   */
  public Scope current(List<String> seeingAll, String refusal) {
    String userId = currentUser.requireUserId();
    List<String> groups = currentUser.groups();
    if (groups.stream().anyMatch(seeingAll::contains)) {
      return Scope.ALL;
    }
    if (groups.contains(Roles.REGIONAL_MANAGERS)) {
      String region = staff.find(userId).map(StaffDirectory.Staff::regionCode)
          .orElseThrow(() -> new AccessDeniedException("區域市場經理 " + userId + " 未設定所屬區域 / no region assigned"));
      return new Scope(null, region);
    }
    if (groups.contains(Roles.CUSTOMER_MANAGERS)) {
      return new Scope(userId, null);
    }
    throw new AccessDeniedException("用戶 " + userId + " " + refusal);
  }
}

package com.tobacco.cmw.complaint;

import com.tobacco.cmw.security.AccessDeniedException;
import com.tobacco.cmw.security.CurrentUser;
import com.tobacco.cmw.security.DataScope.Scope;
import com.tobacco.cmw.security.Roles;
import com.tobacco.cmw.security.StaffDirectory;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Who reads the complaint register and statistics (篇2): the customer-service managers, the
 * auditors and the administrators all cases; a regional manager the cases of their region; a
 * customer manager their own cases. Every other role is refused: complaint cases name customers
 * and defects, which brand managers or the monopoly department have no need to browse here.
 */
@Component
public class ComplaintRegisterAccess {

  private static final List<String> ALL_CASES = List.of(Roles.CUSTOMER_SERVICE_MANAGERS, Roles.AUDITORS, Roles.ADMIN);

  private final CurrentUser currentUser;
  private final StaffDirectory staff;

  public ComplaintRegisterAccess(CurrentUser currentUser, StaffDirectory staff) {
    this.currentUser = currentUser;
    this.staff = staff;
  }

  public Scope current() {
    String userId = currentUser.requireUserId();
    List<String> groups = currentUser.groups();
    if (groups.stream().anyMatch(ALL_CASES::contains)) {
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
    throw new AccessDeniedException("用戶 " + userId + " 無權查看客戶投訴案件登記追蹤表及統計表:僅限客戶服務部經理、"
        + "區域市場經理、客戶經理及審計 / not allowed to read the complaint register and statistics");
  }
}

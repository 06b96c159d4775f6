package com.tobacco.cmw.complaint;

import com.tobacco.cmw.security.DataScope;
import com.tobacco.cmw.security.DataScope.Scope;
import com.tobacco.cmw.security.Roles;
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

  private final DataScope dataScope;

  public ComplaintRegisterAccess(DataScope dataScope) {
    this.dataScope = dataScope;
  }

  public Scope current() {
    return dataScope.current(ALL_CASES, "無權查看客戶投訴案件登記追蹤表及統計表:僅限客戶服務部經理、"
        + "區域市場經理、客戶經理及審計 / not allowed to read the complaint register and statistics");
  }
}

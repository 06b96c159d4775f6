package com.tobacco.cmw.complaint;

import com.tobacco.cmw.security.AccessDeniedException;
import com.tobacco.cmw.security.CurrentUser;
import com.tobacco.cmw.security.Roles;
import com.tobacco.cmw.security.StaffDirectory;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.stereotype.Service;

/**
 * Complaint cases as the current user may see them: the customer manager their own cases, a
 * regional manager those of their region, the monopoly department the cases referred to it, the
 * customer-service managers, auditors and administrators all; nobody else (403). A case outside
 * the caller's scope is "not found" (404), as with the monthly reports.
 */
@Service
public class ComplaintCases {

  /** A case with its steps and escalations, as {@code GET /api/complaints/{caseNo}} shows it. */
  public record CaseView(ComplaintCaseRepository.ComplaintCase complaint, List<ComplaintCaseRepository.Step> steps,
                         List<ComplaintCaseRepository.Escalation> escalations) {}

  private static final List<String> SEE_ALL = List.of(Roles.ADMIN, Roles.AUDITORS, Roles.CUSTOMER_SERVICE_MANAGERS);

  private final ComplaintCaseRepository cases;
  private final CurrentUser currentUser;
  private final StaffDirectory staff;

  public ComplaintCases(ComplaintCaseRepository cases, CurrentUser currentUser, StaffDirectory staff) {
    this.cases = cases;
    this.currentUser = currentUser;
    this.staff = staff;
  }

  public CaseView visible(String caseNo) {
    ComplaintCaseRepository.ComplaintCase c = visibleCase(caseNo);
    return new CaseView(c, cases.steps(caseNo), cases.escalations(caseNo));
  }

  public ComplaintCaseRepository.ComplaintCase visibleCase(String caseNo) {
    String userId = currentUser.requireUserId();
    List<String> groups = currentUser.groups();
    boolean mayRead = groups.stream().anyMatch(g -> SEE_ALL.contains(g) || g.equals(Roles.REGIONAL_MANAGERS)
        || g.equals(Roles.CUSTOMER_MANAGERS) || g.equals(Roles.MONOPOLY_DEPARTMENT));
    if (!mayRead) {
      throw new AccessDeniedException("用戶 " + userId + " 無權查看質量投訴案件 / not allowed to read complaint cases");
    }
    ComplaintCaseRepository.ComplaintCase c = cases.find(caseNo).orElse(null);
    if (c == null || !sees(userId, groups, c)) {
      throw new NoSuchElementException("投訴案件 " + caseNo + " 不存在或不在您的權限範圍內 / complaint " + caseNo + " not found");
    }
    return c;
  }

  private boolean sees(String userId, List<String> groups, ComplaintCaseRepository.ComplaintCase c) {
    if (groups.stream().anyMatch(SEE_ALL::contains)) {
      return true;
    }
    if (groups.contains(Roles.MONOPOLY_DEPARTMENT) && c.referredAt() != null) {
      return true;
    }
    if (groups.contains(Roles.REGIONAL_MANAGERS) && staff.find(userId).map(StaffDirectory.Staff::regionCode)
        .filter(r -> r.equals(c.regionCode())).isPresent()) {
      return true;
    }
    return groups.contains(Roles.CUSTOMER_MANAGERS) && userId.equals(c.managerId());
  }
}

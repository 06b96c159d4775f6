package com.tobacco.cmw.satisfaction;

import static com.tobacco.cmw.satisfaction.SatisfactionImprovementProcess.SCOPE_MANAGER;
import static com.tobacco.cmw.satisfaction.SatisfactionImprovementProcess.SCOPE_REGION;

import com.tobacco.cmw.security.AccessDeniedException;
import com.tobacco.cmw.security.CurrentUser;
import com.tobacco.cmw.security.Roles;
import com.tobacco.cmw.security.StaffDirectory;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Who reads what of the satisfaction evaluations: the customer service center, auditors and
 * administrators everything; a regional manager the evaluations and index history of their region
 * and its customer managers; a customer manager the evaluations they analyse and their own index
 * history; nobody else.
 */
@Component
public class SatisfactionAccess {

  private static final List<String> SEEING_ALL = List.of(Roles.ADMIN, Roles.AUDITORS, Roles.CUSTOMER_SERVICE_CENTER);

  private final CurrentUser currentUser;
  private final StaffDirectory staff;
  private final SatisfactionRepository repository;

  public SatisfactionAccess(CurrentUser currentUser, StaffDirectory staff, SatisfactionRepository repository) {
    this.currentUser = currentUser;
    this.staff = staff;
    this.repository = repository;
  }

  /** Whether the current user sees everything (no filtering of answers). */
  boolean seesAll() {
    return currentUser.groups().stream().anyMatch(SEEING_ALL::contains);
  }

  /** Whether the current user may read this evaluation. */
  public boolean mayRead(SatisfactionRepository.Survey survey) {
    String userId = currentUser.requireUserId();
    List<String> groups = currentUser.groups();
    if (seesAll() || userId.equals(survey.uploadedBy())) {
      return true;
    }
    if (groups.contains(Roles.REGIONAL_MANAGERS)) {
      // the region the scope belonged to when the survey was loaded: a manager moving to another
      // region later does not move their past evaluations with them
      String own = ownRegion(userId);
      String region = survey.regionCode() != null ? survey.regionCode() : regionOf(survey.scopeType(), survey.scopeId());
      return own != null && own.equals(region);
    }
    if (groups.contains(Roles.CUSTOMER_MANAGERS)) {
      // their own plan, or their own customers answered (a closed, history-only survey has no plans)
      return repository.plan(survey.id(), userId).isPresent()
          || repository.index(survey.id(), SCOPE_MANAGER, userId).isPresent();
    }
    return false;
  }

  /**
   * Whether the current user reads only their own part of this evaluation: a customer manager
   * (neither the requester nor one who sees everything) sees their own plan, their own index row
   * with the scope's, and their own customers' answers — not the other managers'.
   */
  public boolean ownPartOnly(SatisfactionRepository.Survey survey) {
    String userId = currentUser.requireUserId();
    List<String> groups = currentUser.groups();
    return !seesAll() && !userId.equals(survey.uploadedBy()) && !groups.contains(Roles.REGIONAL_MANAGERS);
  }

  /** Refuses (403) an index history the current user may not read. */
  public void requireHistory(String scopeType, String scopeId) {
    String userId = currentUser.requireUserId();
    List<String> groups = currentUser.groups();
    if (seesAll()) {
      return;
    }
    if (groups.contains(Roles.REGIONAL_MANAGERS)) {
      String own = ownRegion(userId);
      if (own != null && own.equals(regionOf(scopeType, scopeId))) {
        return;
      }
    } else if (groups.contains(Roles.CUSTOMER_MANAGERS) && !SCOPE_REGION.equals(scopeType) && userId.equals(scopeId)) {
      return;
    }
    throw new AccessDeniedException("無權查看 " + scopeId + " 的滿意度指數 / not allowed to read the satisfaction index of "
        + scopeId + " (" + userId + ")");
  }

  private String ownRegion(String userId) {
    return staff.find(userId).map(StaffDirectory.Staff::regionCode).orElse(null);
  }

  private String regionOf(String scopeType, String scopeId) {
    return SCOPE_REGION.equals(scopeType) ? scopeId
        : staff.find(scopeId).map(StaffDirectory.Staff::regionCode).filter(Objects::nonNull).orElse(null);
  }
}

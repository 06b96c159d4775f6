package com.tobacco.cmw.promotion;

import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.security.CurrentUser;
import com.tobacco.cmw.security.Roles;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who completes a promotion task, checked again after the form is submitted: the variables that
 * name the manager, region or customer of a task could be changed by its assignee through the
 * REST API, so the caller must match them (administrators may act for anyone; the system, with
 * nobody logged in, too).
 */
@Component
class Callers {

  private final CurrentUser currentUser;

  Callers(CurrentUser currentUser) {
    this.currentUser = currentUser;
  }

  /** The caller, or {@code fallback} when nobody is logged in (engine-internal calls, tests of the model). */
  String caller(String fallback) {
    return currentUser.userId().orElse(fallback);
  }

  void requireUser(String userId, String field, String what) {
    Optional<String> caller = currentUser.userId();
    if (caller.isPresent() && !caller.get().equals(userId) && !currentUser.groups().contains(Roles.ADMIN)) {
      throw InvalidInput.inForm(field, "只有 " + userId + " 可以" + what + " / only " + userId + " may do this");
    }
  }

  void requireGroup(String group, String field, String what) {
    Optional<String> caller = currentUser.userId();
    if (caller.isPresent() && !currentUser.groups().contains(group) && !currentUser.groups().contains(Roles.ADMIN)) {
      throw InvalidInput.inForm(field, "只有 " + group + " 可以" + what + " / only " + group + " may do this");
    }
  }
}

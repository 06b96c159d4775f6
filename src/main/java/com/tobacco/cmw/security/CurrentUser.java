package com.tobacco.cmw.security;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** The user the engine knows for the current request or command (null for the job executor). */
@Component
public class CurrentUser {

  private final IdentityService identityService;

  public CurrentUser(IdentityService identityService) {
    this.identityService = identityService;
  }

  public Optional<Authentication> authentication() {
    return Optional.ofNullable(identityService.getCurrentAuthentication());
  }

  public Optional<String> userId() {
    return authentication().map(Authentication::getUserId);
  }

  public List<String> groups() {
    return authentication().map(Authentication::getGroupIds).map(g -> g == null ? List.<String>of() : g).orElse(List.of());
  }

  public String requireUserId() {
    return userId().orElseThrow(() -> new AccessDeniedException("請先登錄 / authentication required"));
  }
}

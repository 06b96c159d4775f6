package com.tobacco.cmw.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Grants permissions, merging into an existing grant of the same user or group and resource.
 * Inside a running command (a delegate or listener) it writes without checking the current
 * user's right to manage authorizations: the process, not the user, hands out access.
 */
@Component
public class Grants {

  private final AuthorizationService authorizationService;

  public Grants(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  public void toGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
    grant(null, groupId, resource, resourceId, permissions);
  }

  public void toUser(String userId, Resource resource, String resourceId, Permission... permissions) {
    if (Authorization.ANY.equals(userId)) {
      throw new IllegalArgumentException("use toEveryone: a grant to user '*' is not honoured for a single resource");
    }
    grant(userId, null, resource, resourceId, permissions);
  }

  /**
   * A global authorization (type GLOBAL, user "*"): every user. A GRANT to user "*" would be
   * honoured by queries but not by the engine's check of one resource (reading a filter's tasks).
   */
  public void toEveryone(Resource resource, String resourceId, Permission... permissions) {
    grant(Authorization.ANY, null, resource, resourceId, permissions);
  }

  /**
   * For a resource created in the same transaction (a new process instance or task): nobody
   * can have a grant on it yet, so the grant is written without first looking for one.
   */
  public void toUserOnNewResource(String userId, Resource resource, String resourceId, Permission... permissions) {
    run(() -> save(userId, null, resource, resourceId, false, permissions));
  }

  /** Like {@link #toUserOnNewResource}, for a group. */
  public void toGroupOnNewResource(String groupId, Resource resource, String resourceId, Permission... permissions) {
    run(() -> save(null, groupId, resource, resourceId, false, permissions));
  }

  /**
   * Deletes every authorization of exactly one of the user or the group on the resource instance,
   * e.g. the TASK authorizations Camunda created for a former assignee or candidate group.
   */
  public void revokeAll(String userId, String groupId, Resource resource, String resourceId) {
    run(() -> {
      var query = authorizationService.createAuthorizationQuery().resourceType(resource).resourceId(resourceId);
      var found = userId != null ? query.userIdIn(userId).list() : query.groupIdIn(groupId).list();
      found.forEach(a -> authorizationService.deleteAuthorization(a.getId()));
    });
  }

  private void grant(String userId, String groupId, Resource resource, String resourceId, Permission... permissions) {
    run(() -> save(userId, groupId, resource, resourceId, true, permissions));
  }

  private void run(Runnable write) {
    CommandContext context = Context.getCommandContext();
    if (context != null) {
      context.runWithoutAuthorization(() -> {
        write.run();
        return null;
      });
    } else {
      write.run();
    }
  }

  private void save(String userId, String groupId, Resource resource, String resourceId, boolean merge,
                    Permission... permissions) {
    int type = Authorization.ANY.equals(userId) ? AUTH_TYPE_GLOBAL : AUTH_TYPE_GRANT;
    Authorization existing = null;
    if (merge) {
      var query = authorizationService.createAuthorizationQuery()
          .authorizationType(type)
          .resourceType(resource)
          .resourceId(resourceId);
      existing = (userId != null ? query.userIdIn(userId) : query.groupIdIn(groupId)).singleResult();
    }
    Authorization authorization = existing != null ? existing : authorizationService.createNewAuthorization(type);
    if (existing == null) {
      if (type == AUTH_TYPE_GRANT) {
        authorization.setUserId(userId);
        authorization.setGroupId(groupId);
      }
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    boolean changed = existing == null;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizationService.saveAuthorization(authorization);
    }
  }
}

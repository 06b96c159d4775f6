package com.tobacco.cmw.security;

import static org.camunda.bpm.engine.authorization.Permissions.READ;

import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * Access to one process instance for the people it belongs to: the customer's manager and the
 * regional managers of the customer's region read it; nobody else (auditors read everything).
 * Tasks are worked by their assignee or candidate group (the engine grants those itself).
 */
@Component
public class ProcessAccess {

  private final Grants grants;

  public ProcessAccess(Grants grants) {
    this.grants = grants;
  }

  public void grantInstance(String processInstanceId, String managerId, String regionCode) {
    String regionGroup = Roles.regionalManagersOf(regionCode);
    grants.toUser(managerId, Resources.PROCESS_INSTANCE, processInstanceId, READ);
    grants.toGroup(regionGroup, Resources.PROCESS_INSTANCE, processInstanceId, READ);
    grants.toUser(managerId, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId, HistoricProcessInstancePermissions.READ);
    grants.toGroup(regionGroup, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId, HistoricProcessInstancePermissions.READ);
  }

  /** The regional managers of a region see (not work on) a task of their region. */
  public void grantTaskOversight(String taskId, String regionCode) {
    grants.toGroup(Roles.regionalManagersOf(regionCode), Resources.TASK, taskId, READ);
  }
}

package com.tobacco.cmw.infochange;

import com.tobacco.cmw.security.Grants;
import com.tobacco.cmw.security.Roles;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The customer's open work follows the customer (decision in docs/decisions.md): when its
 * manager or region changes, every running instance carrying variable {@code customerCode}
 * (decision 67) is handed over in the same transaction — open tasks assigned to the old manager
 * go to the new one, the variable {@code managerId} (later tasks' assignee) follows, candidate
 * groups of the old region's regional managers become the new region's, and the new manager and
 * region get the same read access the old ones had. The old manager and region keep their read
 * access to instances they worked on (their own past work), but lose every authorization on the
 * tasks handed over (decision 81): Camunda does not revoke the TASK authorizations it created
 * for an assignee or candidate group when these are replaced.
 */
@Component
public class OpenWorkTransfer {

  static final String CUSTOMER_CODE = "customerCode";
  static final String MANAGER_ID = "managerId";

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;
  private final Grants grants;

  public OpenWorkTransfer(RuntimeService runtimeService, TaskService taskService,
                          AuthorizationService authorizationService, Grants grants) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
    this.grants = grants;
  }

  /** Moves the open work of the customer; answers the number of tasks handed over. */
  public int move(String customerCode, String oldManager, String newManager, String oldRegion, String newRegion,
                  String ownProcessInstanceId) {
    boolean managerChanged = !oldManager.equals(newManager);
    boolean regionChanged = !oldRegion.equals(newRegion);
    String oldGroup = Roles.regionalManagersOf(oldRegion);
    String newGroup = Roles.regionalManagersOf(newRegion);
    int moved = 0;
    List<ProcessInstance> instances = runtimeService.createProcessInstanceQuery()
        .variableValueEquals(CUSTOMER_CODE, customerCode).list();
    for (ProcessInstance instance : instances) {
      String pid = instance.getId();
      if (pid.equals(ownProcessInstanceId)) {
        continue;
      }
      if (managerChanged) {
        grants.toUser(newManager, Resources.PROCESS_INSTANCE, pid, Permissions.READ);
        if (oldManager.equals(runtimeService.getVariable(pid, MANAGER_ID))) {
          runtimeService.setVariable(pid, MANAGER_ID, newManager);
        }
      }
      if (regionChanged) {
        grants.toGroup(newGroup, Resources.PROCESS_INSTANCE, pid, Permissions.READ);
      }
      for (Task task : taskService.createTaskQuery().processInstanceId(pid).list()) {
        boolean handedOver = false;
        if (managerChanged && oldManager.equals(task.getAssignee())) {
          taskService.setAssignee(task.getId(), newManager);
          // Camunda grants the assignee TASK_WORK/READ/UPDATE on assignment and never takes it back
          revoke(task.getId(), oldManager, null);
          handedOver = true;
        }
        if (regionChanged) {
          boolean candidateMoved = false;
          for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && oldGroup.equals(link.getGroupId())) {
              taskService.deleteCandidateGroup(task.getId(), oldGroup);
              taskService.addCandidateGroup(task.getId(), newGroup);
              candidateMoved = true;
              handedOver = true;
            }
          }
          // a new candidate group already got its task authorization from the engine (not yet flushed, so a
          // second grant would be a duplicate row); only an overseeing region needs the read grant
          boolean oldRegionOversees = !candidateMoved && authorizationService.createAuthorizationQuery()
              .resourceType(Resources.TASK).resourceId(task.getId()).groupIdIn(oldGroup).count() > 0;
          if (oldRegionOversees) {
            grants.toGroup(newGroup, Resources.TASK, task.getId(), Permissions.READ);
          }
          // nor is the candidate group's authorization removed with its identity link: the old region's
          // regional managers could still claim and complete the task through the engine REST
          revoke(task.getId(), null, oldGroup);
        }
        if (handedOver) {
          moved++;
        }
      }
    }
    return moved;
  }

  /** Deletes every task authorization of the user or group on the task (read included: the task is no longer theirs). */
  private void revoke(String taskId, String userId, String groupId) {
    grants.revokeAll(userId, groupId, Resources.TASK, taskId);
  }
}

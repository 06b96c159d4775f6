package com.tobacco.cmw.security;

import static org.camunda.bpm.engine.authorization.Permissions.READ;

import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * Access to one process instance for the people it belongs to: the customer's manager and the
 * regional managers of the customer's region read it; nobody else (auditors read everything).
 * History is read by auditors only (READ_HISTORY on the definitions); historic instance
 * permissions are not enabled, so no per-instance history grants are written.
 * Tasks are worked by their assignee or candidate group (the engine grants those itself).
 */
@Component
public class ProcessAccess {

  private final Grants grants;

  public ProcessAccess(Grants grants) {
    this.grants = grants;
  }

  public void grantInstance(String processInstanceId, String managerId, String regionCode) {
    // a new instance has no grants yet: create them without looking for one to merge into
    grants.toUserOnNewResource(managerId, Resources.PROCESS_INSTANCE, processInstanceId, READ);
    grants.toGroupOnNewResource(Roles.regionalManagersOf(regionCode), Resources.PROCESS_INSTANCE, processInstanceId, READ);
  }

  /**
   * A performance evaluation (篇2) is read by the evaluatee and by the performance evaluators
   * (the first evaluator and any second evaluator a dispute may go to); auditors read everything.
   */
  public void grantEvaluation(String processInstanceId, String evaluateeId) {
    grants.toUserOnNewResource(evaluateeId, Resources.PROCESS_INSTANCE, processInstanceId, READ);
    grants.toGroupOnNewResource(Roles.PERFORMANCE_EVALUATORS, Resources.PROCESS_INSTANCE, processInstanceId, READ);
  }

  /** The regional managers of a region see (not work on) a task of their region; called when the task is created. */
  public void grantTaskOversight(String taskId, String regionCode) {
    grants.toGroupOnNewResource(Roles.regionalManagersOf(regionCode), Resources.TASK, taskId, READ);
  }
}

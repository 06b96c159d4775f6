package com.tobacco.cmw.satisfaction;

import static com.tobacco.cmw.satisfaction.SatisfactionImprovementProcess.SCOPE_MANAGER;
import static com.tobacco.cmw.satisfaction.SatisfactionImprovementProcess.Var;

import com.tobacco.cmw.security.Grants;
import com.tobacco.cmw.security.Roles;
import com.tobacco.cmw.security.StaffDirectory;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * When an analysis or review task opens: read-only text for its form (the manager's index and its
 * comparison, the plan under review, the last review), as task-local variables that are never
 * read back; the manager as a task-local copy, so a completion carrying {@code managerId} cannot
 * move the decision to another manager's plan (refused by the step after the task); and the regional
 * managers of the manager's region see (not work on) the task.
 */
@Component("satisfactionTaskInfo")
public class SatisfactionTaskInfo implements TaskListener {

  private final SatisfactionRepository repository;
  private final StaffDirectory staff;
  private final Grants grants;

  public SatisfactionTaskInfo(SatisfactionRepository repository, StaffDirectory staff, Grants grants) {
    this.repository = repository;
    this.staff = staff;
    this.grants = grants;
  }

  @Override
  public void notify(DelegateTask task) {
    if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
      keepManager(task);
      return;
    }
    SatisfactionRepository.Survey survey = repository.ofProcessInstance(task.getProcessInstanceId());
    Object managerId = task.getExecution().getVariable(Var.MANAGER_ID);
    if (managerId == null) {
      return;
    }
    String manager = managerId.toString();
    // the task keeps its manager as a task-local copy: a completion carrying managerId changes only
    // this copy (never the improvement's element variable) and is refused on complete
    task.setVariableLocal(Var.MANAGER_ID, manager);
    repository.index(survey.id(), SCOPE_MANAGER, manager).ifPresent(row -> {
      task.setVariableLocal(Var.CURRENT_INDEX, row.index().doubleValue());
      task.setVariableLocal(Var.MANAGER_INDEX_TEXT, row.index().toPlainString() + "(" + row.respondents() + " 戶答卷;"
          + SatisfactionParties.comparison(row) + ")");
    });
    repository.plan(survey.id(), manager).ifPresent(plan -> {
      if (plan.submittedAt() != null) {
        task.setVariableLocal(Var.PLAN_TEXT, "分析 Analysis:" + plan.analysis() + "\n\n改進措施 Measures:\n"
            + plan.measures().stream().map(m -> "- " + m).collect(Collectors.joining("\n"))
            + "\n\n目標指數 Target:" + plan.targetIndex().toPlainString() + ",目標日期 by " + plan.targetDate());
      }
      if (plan.reviewComment() != null && "RETURNED".equals(plan.status())) {
        task.setVariableLocal(Var.LAST_REVIEW_TEXT, "退回意見 Returned by " + plan.reviewedBy() + ":" + plan.reviewComment());
      }
    });
    staff.find(manager).map(StaffDirectory.Staff::regionCode).ifPresent(region ->
        grants.toGroupOnNewResource(Roles.regionalManagersOf(region), Resources.TASK, task.getId(), Permissions.READ));
  }

  /**
   * Hands the task's own manager to the step after it, as a transient variable of the task's
   * execution set after the submitted variables: a completion carrying another {@code managerId}
   * has changed the improvement's element variable and is refused there (400, nothing written).
   */
  private static void keepManager(DelegateTask task) {
    Object own = task.getVariableLocal(Var.MANAGER_ID);
    if (own != null) {
      task.getExecution().setVariableLocal(Var.TASK_MANAGER,
          org.camunda.bpm.engine.variable.Variables.stringValue(own.toString(), true));
    }
  }
}

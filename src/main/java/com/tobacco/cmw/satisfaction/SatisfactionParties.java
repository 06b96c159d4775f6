package com.tobacco.cmw.satisfaction;

import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.security.CurrentUser;
import com.tobacco.cmw.security.Roles;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Who works on an evaluation, read from the survey and its plans at the moment it is needed
 * (BPMN: {@code ${satisfactionParties.requester(execution)}},
 * {@code ${satisfactionParties.managers(execution)}}), never from process variables an assignee
 * could change; and who did a step.
 */
@Component("satisfactionParties")
public class SatisfactionParties {

  private final SatisfactionRepository repository;
  private final CurrentUser currentUser;

  public SatisfactionParties(SatisfactionRepository repository, CurrentUser currentUser) {
    this.repository = repository;
    this.currentUser = currentUser;
  }

  /** The user who requested the evaluation: reviews the measures and loads the follow-up survey. */
  public String requester(DelegateExecution execution) {
    return repository.ofProcessInstance(execution.getProcessInstanceId()).uploadedBy();
  }

  /**
   * Who may act for the requester besides them: the customer service center when the requester
   * asked as one of it (candidate group of the review and follow-up tasks), so a colleague carries
   * on when the requester is away or has left; nobody else (administrators may act for anyone).
   */
  public List<String> standIns(DelegateExecution execution) {
    String group = repository.ofProcessInstance(execution.getProcessInstanceId()).requesterGroup();
    return Roles.CUSTOMER_SERVICE_CENTER.equals(group) ? List.of(group) : List.of();
  }

  /** The customer managers who analyse the survey (one improvement each), as the plans were opened. */
  public List<String> managers(DelegateExecution execution) {
    long surveyId = repository.ofProcessInstance(execution.getProcessInstanceId()).id();
    return repository.plans(surveyId).stream().map(SatisfactionRepository.Plan::managerId).toList();
  }

  /** The user completing the task in this transaction, empty when none (a job or the engine itself). */
  String actor() {
    return currentUser.userId().orElse(null);
  }

  /**
   * Refuses a step done by someone other than {@code expected}; administrators may act for anyone,
   * and a step without a user (a job, the engine's own tests) is not checked.
   */
  void requireActor(String expected, String field, String what) {
    String actor = actor();
    if (actor != null && !actor.equals(expected) && !currentUser.groups().contains(Roles.ADMIN)) {
      throw InvalidInput.inForm(field, "只有 " + expected + " 可以" + what + " / only " + expected + " may do this (" + actor
          + ")");
    }
  }

  /**
   * Refuses a step of the requester done by someone who may not act for them: the requester, an
   * administrator, or — when the customer service center requested it — any member of it.
   */
  void requireRequester(SatisfactionRepository.Survey survey, String field, String what) {
    String actor = actor();
    if (actor != null && Roles.CUSTOMER_SERVICE_CENTER.equals(survey.requesterGroup())
        && currentUser.groups().contains(Roles.CUSTOMER_SERVICE_CENTER)) {
      return;
    }
    requireActor(survey.uploadedBy(), field, what);
  }

  /**
   * The customer manager of the improvement, refusing a completion that changed it: the task keeps
   * its manager and hands it over on complete ({@link SatisfactionTaskInfo}); a {@code managerId}
   * sent with the completion would otherwise put the decision on another manager's plan.
   */
  static String manager(DelegateExecution execution) {
    String managerId = String.valueOf(execution.getVariable(SatisfactionImprovementProcess.Var.MANAGER_ID));
    Object own = execution.getVariable(SatisfactionImprovementProcess.Var.TASK_MANAGER);
    if (own != null && !own.toString().equals(managerId)) {
      throw InvalidInput.inForm(SatisfactionImprovementProcess.Var.MANAGER_ID, "本任務的客戶經理是 " + own
          + ",不能改為「" + managerId + "」/ the customer manager of this task is " + own + "; managerId cannot be changed");
    }
    return managerId;
  }

  static Function<String, RuntimeException> inForm(String field) {
    return message -> InvalidInput.inForm(field, message);
  }

  /** An index for people: 78.52, or 「—」. */
  static String text(BigDecimal index) {
    return index == null ? "—" : index.toPlainString();
  }

  /** The comparison with the previous period in words. */
  static String comparison(SatisfactionRepository.IndexRow row) {
    if (row.previousIndex() == null) {
      return "無上期測評 / no previous period";
    }
    String sign = row.delta().signum() > 0 ? "+" : "";
    return "上期 " + row.previousIndex().toPlainString() + ",變化 " + sign + row.delta().toPlainString() + " / previous "
        + row.previousIndex().toPlainString() + ", change " + sign + row.delta().toPlainString();
  }
}

package com.tobacco.cmw.evaluation;

import com.tobacco.cmw.security.Roles;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Who takes part in an evaluation, from the engine's users and groups: evaluatees are the
 * members of {@code customer-service-managers}, evaluators those of {@code performance-evaluators}.
 * Read by the process, so the current user needs no right to read users.
 */
@Component("evaluationParties")
public class EvaluationParties {

  private final IdentityService identityService;

  public EvaluationParties(IdentityService identityService) {
    this.identityService = identityService;
  }

  public boolean isCustomerServiceManager(String userId) {
    return isMember(userId, Roles.CUSTOMER_SERVICE_MANAGERS);
  }

  public boolean isEvaluator(String userId) {
    return isMember(userId, Roles.PERFORMANCE_EVALUATORS);
  }

  public boolean isMember(String userId, String groupId) {
    return userId != null && withoutAuthorization(
        () -> identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 1);
  }

  /** The user's name as shown in Tasklist (first name holds the Chinese name), or the id. */
  public String name(String userId) {
    User user = withoutAuthorization(() -> identityService.createUserQuery().userId(userId).singleResult());
    return user == null || user.getFirstName() == null ? userId : user.getFirstName().strip();
  }

  /** The evaluators other than {@code exceptUserId}, as options of a form's select ({@code label}, {@code value}). */
  public List<Map<String, String>> evaluatorOptions(String exceptUserId) {
    List<User> users = withoutAuthorization(() -> identityService.createUserQuery()
        .memberOfGroup(Roles.PERFORMANCE_EVALUATORS).orderByUserId().asc().list());
    return users.stream().filter(u -> !u.getId().equals(exceptUserId))
        .map(u -> Map.of("label", u.getFirstName().strip() + " " + u.getId(), "value", u.getId())).toList();
  }

  private static <T> T withoutAuthorization(Supplier<T> call) {
    CommandContext context = Context.getCommandContext();
    return context == null ? call.get() : context.runWithoutAuthorization(call::get);
  }
}

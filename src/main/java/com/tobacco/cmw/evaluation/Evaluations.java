package com.tobacco.cmw.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.security.AccessDeniedException;
import com.tobacco.cmw.security.CurrentUser;
import com.tobacco.cmw.security.Roles;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/**
 * Evaluations as the caller may see them: an evaluatee their own, performance evaluators,
 * auditors and administrators all; anybody else is refused (403). Starting one is for
 * performance evaluators.
 */
@Service
public class Evaluations {

  /** An evaluation with its scores (both rounds), the evidence, and the frozen copy once archived. */
  public record View(EvaluationRepository.Evaluation evaluation, JsonNode evidence,
                     List<EvaluationRepository.Score> scores, JsonNode archived) {}

  /** The answer to a start. */
  public record Started(String evaluationKey, String processInstanceId) {}

  private final EvaluationRepository evaluations;
  private final RuntimeService runtimeService;
  private final CurrentUser currentUser;
  private final ObjectMapper json;

  public Evaluations(EvaluationRepository evaluations, RuntimeService runtimeService, CurrentUser currentUser,
                     ObjectMapper json) {
    this.evaluations = evaluations;
    this.runtimeService = runtimeService;
    this.currentUser = currentUser;
    this.json = json;
  }

  public Started start(String evaluateeId, String periodFrom, String periodTo) {
    currentUser.requireUserId();
    if (!currentUser.groups().contains(Roles.PERFORMANCE_EVALUATORS)) {
      throw new AccessDeniedException("只有績效測評人可以發起測評 / only performance evaluators start evaluations");
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(PerformanceEvaluationProcess.Var.EVALUATEE_ID, evaluateeId);
    variables.put(PerformanceEvaluationProcess.Var.PERIOD_FROM, periodFrom);
    variables.put(PerformanceEvaluationProcess.Var.PERIOD_TO, periodTo);
    try {
      ProcessInstance pi = runtimeService.startProcessInstanceByKey(PerformanceEvaluationProcess.PROCESS_KEY, variables);
      return new Started(pi.getBusinessKey(), pi.getId());
    } catch (InvalidInput e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  public List<EvaluationRepository.Evaluation> list(String evaluateeId) {
    String user = currentUser.requireUserId();
    if (seesAll()) {
      return evaluations.list(evaluateeId);
    }
    if (currentUser.groups().contains(Roles.CUSTOMER_SERVICE_MANAGERS)) {
      if (evaluateeId != null && !evaluateeId.equals(user)) {
        throw new AccessDeniedException("只能查看自己的測評 / you may only see your own evaluations");
      }
      return evaluations.list(user);
    }
    throw new AccessDeniedException("無權查看績效測評 / you may not see performance evaluations");
  }

  public View visible(String key) {
    String user = currentUser.requireUserId();
    boolean all = seesAll();
    if (!all && !currentUser.groups().contains(Roles.CUSTOMER_SERVICE_MANAGERS)) {
      throw new AccessDeniedException("無權查看績效測評 / you may not see performance evaluations");
    }
    EvaluationRepository.Evaluation e = evaluations.find(key)
        .orElseThrow(() -> new NoSuchElementException("測評 " + key + " 不存在 / no evaluation " + key));
    if (!all && !e.evaluateeId().equals(user)) {
      throw new AccessDeniedException("只能查看自己的測評 / you may only see your own evaluations");
    }
    JsonNode archived = evaluations.archivedJson(key).map(a -> ArchiveEvaluationDelegate.read(json, a)).orElse(null);
    return new View(e, ArchiveEvaluationDelegate.read(json, e.evidenceJson()), evaluations.scores(key), archived);
  }

  private boolean seesAll() {
    List<String> groups = currentUser.groups();
    return groups.contains(Roles.PERFORMANCE_EVALUATORS) || groups.contains(Roles.AUDITORS) || groups.contains(Roles.ADMIN);
  }
}

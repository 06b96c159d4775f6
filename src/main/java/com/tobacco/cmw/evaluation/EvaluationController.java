package com.tobacco.cmw.evaluation;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/performance-evaluations}: start an evaluation (performance evaluators), the
 * evaluations in the caller's scope, one evaluation with its scores, evidence and archive.
 */
@RestController
@RequestMapping("/api/performance-evaluations")
public class EvaluationController {

  /** The start request: who is evaluated over which period (dates yyyy-MM-dd, both days included). */
  public record StartRequest(String evaluateeId, String periodFrom, String periodTo) {}

  private final Evaluations evaluations;

  public EvaluationController(Evaluations evaluations) {
    this.evaluations = evaluations;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public Evaluations.Started start(@RequestBody StartRequest request) {
    return evaluations.start(request.evaluateeId(), request.periodFrom(), request.periodTo());
  }

  @GetMapping
  public List<EvaluationRepository.Evaluation> list(@RequestParam(required = false) String evaluatee) {
    return evaluations.list(evaluatee == null || evaluatee.isBlank() ? null : evaluatee.strip());
  }

  @GetMapping("/{key}")
  public Evaluations.View get(@PathVariable String key) {
    return evaluations.visible(key);
  }
}

package com.tobacco.cmw.satisfaction;

import static com.tobacco.cmw.satisfaction.SatisfactionImprovementProcess.Var;

import com.tobacco.cmw.process.EngineClock;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Every customer manager's measures are accepted: the follow-up survey is due after
 * {@code cmw.satisfaction.follow-up-period} (engine clock), recorded on the survey and bound to the
 * timer ({@code ${followUpDue}}).
 */
@Component("planSatisfactionFollowUp")
public class PlanFollowUpDelegate implements JavaDelegate {

  private final SatisfactionRepository repository;
  private final SatisfactionSettings settings;
  private final EngineClock clock;

  public PlanFollowUpDelegate(SatisfactionRepository repository, SatisfactionSettings settings,
                              EngineClock clock) {
    this.repository = repository;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SatisfactionRepository.Survey survey = repository.ofProcessInstance(execution.getProcessInstanceId());
    Instant due = settings.followUpDue(clock.now());
    repository.followUpDue(survey.id(), due);
    execution.setVariable(Var.FOLLOW_UP_DUE, Date.from(due));
  }
}

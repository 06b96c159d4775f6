package com.tobacco.cmw.satisfaction;

import static com.tobacco.cmw.satisfaction.SatisfactionImprovementProcess.Var;

import com.tobacco.cmw.process.EngineClock;
import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.process.Variables;
import com.tobacco.cmw.security.AccessDeniedException;
import com.tobacco.cmw.security.CurrentUser;
import com.tobacco.cmw.security.Grants;
import com.tobacco.cmw.security.Roles;
import java.util.function.Function;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The first step of an evaluation (§4.8.1): checks the requester, the scope, the period and every
 * row of the survey ({@link SurveyIntake}), takes the evaluation number MY-yyyy-nnnnn as business
 * key, writes the survey, its answers, the index per scope and one plan per customer manager
 * ({@link SurveyLoading}), and gives the people concerned read access. Runs in the starter's
 * transaction: a bad survey is answered at once (400, every problem with its row) and nothing is
 * written, no instance is left.
 */
@Component("loadSatisfactionSurvey")
public class LoadSurveyDelegate implements JavaDelegate {

  static final int MAX_CSV_CHARS = 5_000_000;
  /**
   * The most a text kept as an ordinary process variable may have: the engine's variable and
   * history tables hold 4,000 characters. A survey uploaded as a file is passed as a transient
   * variable (never stored); a survey pasted into a Tasklist form is stored and so limited.
   */
  static final int MAX_STORED_TEXT = 4000;

  private final SurveyIntake intake;
  private final SurveyLoading loading;
  private final EvaluationNumbers numbers;
  private final FollowUps followUps;
  private final SatisfactionRepository repository;
  private final EngineClock clock;
  private final CurrentUser currentUser;
  private final Grants grants;

  public LoadSurveyDelegate(SurveyIntake intake, SurveyLoading loading, EvaluationNumbers numbers, FollowUps followUps,
                            SatisfactionRepository repository, EngineClock clock, CurrentUser currentUser,
                            Grants grants) {
    this.intake = intake;
    this.loading = loading;
    this.numbers = numbers;
    this.followUps = followUps;
    this.repository = repository;
    this.clock = clock;
    this.currentUser = currentUser;
    this.grants = grants;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Function<String, RuntimeException> error = InvalidInput::atStart;
    String actor = currentUser.userId().orElseThrow(() ->
        error.apply("滿意度測評須由登錄的用戶要求 / a satisfaction evaluation is requested by a signed-in user"));
    // a follow-up carries the cycle's requester and scope on: whoever loaded it acted for them
    // (checked by the follow-up step), so a colleague or an administrator standing in does not
    // become the next cycle's requester
    SatisfactionRepository.Survey previous = followUps.current().flatMap(repository::survey).orElse(null);
    String requester = previous == null ? actor : previous.uploadedBy();
    String requesterGroup = previous != null ? previous.requesterGroup()
        : currentUser.groups().contains(Roles.CUSTOMER_SERVICE_CENTER) ? Roles.CUSTOMER_SERVICE_CENTER : null;
    String scopeType = previous != null ? previous.scopeType()
        : Variables.requiredText(execution, Var.SCOPE_TYPE, "測評對象類型", 10, error);
    String scopeId = previous != null ? previous.scopeId()
        : Variables.requiredText(execution, Var.SCOPE_ID, "測評對象", 64, error);
    var from = Variables.requiredDate(execution, Var.PERIOD_FROM, "調查期間開始日", clock.zone(), error);
    var to = Variables.requiredDate(execution, Var.PERIOD_TO, "調查期間結束日", clock.zone(), error);
    boolean pasted = StoredText.isStored(execution, Var.SURVEY_CSV);
    if (pasted) {
      StoredText.requireFits(execution, Var.SURVEY_CSV, "調查結果", "請改用文件上傳 POST /api/satisfaction-evaluations / "
          + "upload larger surveys as a file through POST /api/satisfaction-evaluations", error);
    }
    String csv = Variables.optionalText(execution, Var.SURVEY_CSV, "調查結果", MAX_CSV_CHARS, error);
    String fileName = Variables.optionalText(execution, Var.SURVEY_FILE_NAME, "文件名", 200, error);
    String encoding = Variables.optionalText(execution, Var.SURVEY_ENCODING, "編碼", 20, error);
    if (previous == null) {
      try {
        intake.authorize(actor, currentUser.groups(), scopeType.toUpperCase(java.util.Locale.ROOT),
            scopeType.equalsIgnoreCase("REGION") ? scopeId.toUpperCase(java.util.Locale.ROOT) : scopeId);
      } catch (AccessDeniedException e) {
        throw error.apply(e.getMessage());
      }
    }
    // the number first: it locks the year's counter row until this transaction ends, so two
    // surveys of one scope loaded at the same time are checked for overlap one after the other
    String key = numbers.next(clock.today().getYear()).text();
    SurveyIntake.Checked checked;
    try {
      checked = intake.check(new SurveyIntake.Request(scopeType, scopeId, from, to, csv));
    } catch (SurveyIntake.Rejected e) {
      throw error.apply("調查結果未登記,請改正後重新提交 / the survey was not loaded:\n" + e.getMessage());
    }

    SurveyLoading.Loaded loaded = loading.load(checked, key, fileName == null ? "Tasklist" : fileName,
        encoding == null ? "UTF-8" : encoding, requester, requesterGroup, clock.now(), execution.getProcessInstanceId());
    execution.setProcessBusinessKey(key);
    if (previous != null) {
      loading.followUp(loaded.surveyId(), previous.id());
      execution.setVariable(Var.PREVIOUS_EVALUATION, previous.businessKey());
    }
    grant(execution.getProcessInstanceId(), requester, checked, loaded);

    SatisfactionRepository.IndexRow scopeRow = loaded.index().get(0);
    execution.setVariable(Var.EVALUATION_NO, key);
    execution.setVariable(Var.SURVEY_ID, loaded.surveyId());
    execution.setVariable(Var.SCOPE_TYPE, checked.scopeType());
    execution.setVariable(Var.SCOPE_ID, checked.scopeId());
    execution.setVariable(Var.SCOPE_TEXT, checked.scopeName() + ",調查期間 " + from + " 至 " + to);
    execution.setVariable(Var.INDEX_TEXT, scopeRow.index().toPlainString() + "(" + scopeRow.respondents() + " 戶答卷;"
        + SatisfactionParties.comparison(scopeRow) + ")");
    execution.setVariable(Var.MANAGERS, String.join(",", loaded.managers()));
    // the survey lives in its tables now; a pasted text stays in the history only, an uploaded one
    // was transient and is gone with this transaction
    if (pasted) {
      execution.removeVariable(Var.SURVEY_CSV);
    }
  }

  /**
   * Read access to the instance: the requester, the customer service center and the regional
   * managers of the region; auditors read everything anyway. The customer managers get none: an
   * instance READ would show every manager's analysis (/engine-rest/variable-instance). They work on
   * their own task (the engine gives its assignee READ and UPDATE on the task; the process
   * definition is readable for them) and read their own part of the evaluation through
   * {@code /api/satisfaction-evaluations}.
   */
  private void grant(String processInstanceId, String requester, SurveyIntake.Checked checked,
                     SurveyLoading.Loaded loaded) {
    grants.toUserOnNewResource(requester, Resources.PROCESS_INSTANCE, processInstanceId, Permissions.READ);
    grants.toGroupOnNewResource(Roles.CUSTOMER_SERVICE_CENTER, Resources.PROCESS_INSTANCE, processInstanceId,
        Permissions.READ);
    if (checked.regionCode() != null) {
      grants.toGroupOnNewResource(Roles.regionalManagersOf(checked.regionCode()), Resources.PROCESS_INSTANCE,
          processInstanceId, Permissions.READ);
    }
  }
}

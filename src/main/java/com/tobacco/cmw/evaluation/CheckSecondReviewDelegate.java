package com.tobacco.cmw.evaluation;

import static com.tobacco.cmw.evaluation.PerformanceEvaluationProcess.SECOND_REVISE;
import static com.tobacco.cmw.evaluation.PerformanceEvaluationProcess.SECOND_UPHOLD;
import static com.tobacco.cmw.evaluation.PerformanceEvaluationProcess.Var;

import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.process.Variables;
import com.tobacco.cmw.security.CurrentUser;
import java.util.Date;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Checks the second evaluator's review in their transaction: uphold or revise with a comment; a
 * revision is a full score sheet, checked like the first and giving the result that stands. The
 * first evaluator may not complete it (the task is assigned to the second, an administrator
 * could otherwise hand it back).
 */
@Component("checkEvaluationSecondReview")
public class CheckSecondReviewDelegate implements JavaDelegate {

  static final int COMMENT_MIN = 10;

  private final EvaluationRules rules;
  private final EvaluationParties parties;
  private final CurrentUser currentUser;

  public CheckSecondReviewDelegate(EvaluationRules rules, EvaluationParties parties, CurrentUser currentUser) {
    this.rules = rules;
    this.parties = parties;
    this.currentUser = currentUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Function<String, RuntimeException> error = m -> InvalidInput.inForm(Var.SECOND_DECISION, m);
    String first = (String) execution.getVariable(Var.EVALUATOR_ID);
    if (currentUser.userId().filter(first::equals).isPresent()) {
      throw error.apply("原測評人不能複核自己的測評 / the first evaluator cannot review their own evaluation");
    }
    String decision = Variables.requiredText(execution, Var.SECOND_DECISION, "複核結論", 8, error);
    if (!SECOND_UPHOLD.equals(decision) && !SECOND_REVISE.equals(decision)) {
      throw error.apply("「複核結論」只能是 UPHOLD 或 REVISE,而不是「" + decision + "」/ decision must be "
          + SECOND_UPHOLD + " or " + SECOND_REVISE);
    }
    String comment = Variables.requiredText(execution, Var.SECOND_COMMENT, "複核意見", 2000,
        m -> InvalidInput.inForm(Var.SECOND_COMMENT, m));
    if (comment.length() < COMMENT_MIN) {
      throw InvalidInput.inForm(Var.SECOND_COMMENT, "複核意見至少 " + COMMENT_MIN + " 字 / the comment needs at least "
          + COMMENT_MIN + " characters");
    }
    if (SECOND_REVISE.equals(decision)) {
      ScoreSheet sheet = ScoreSheet.read(execution, m -> InvalidInput.inForm("score", m));
      String second = (String) execution.getVariable(Var.SECOND_EVALUATOR_ID);
      CheckScoresDelegate.setResult(execution, rules.score(sheet.scores()), parties.name(second));
    }
    execution.setVariable(Var.SECOND_REVIEWED_AT, new Date());
  }
}

package com.tobacco.cmw.unlicensed;

import static com.tobacco.cmw.unlicensed.UnlicensedSellerReportProcess.Var;

import com.tobacco.cmw.process.Variables;
import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The monopoly department's result (§4.7 處理結果): one of {@link MonopolyResult}, a note, and the
 * date it was dealt with (not in the future, not before the day of the report); checked and recorded
 * in the department's transaction; the text for sales operations' task.
 */
@Component("recordUnlicensedResult")
public class RecordResultDelegate implements JavaDelegate {

  static final int MAX_NOTE = 2000;

  private final UnlicensedReportRepository reports;
  private final UnlicensedParties parties;

  public RecordResultDelegate(UnlicensedReportRepository reports, UnlicensedParties parties) {
    this.reports = reports;
    this.parties = parties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UnlicensedReportRepository.Report report = reports.ofProcessInstance(execution.getProcessInstanceId());
    Function<String, RuntimeException> error = UnlicensedParties.inForm(Var.MONOPOLY_RESULT);
    String code = Variables.requiredText(execution, Var.MONOPOLY_RESULT, "處理結果", 20, error).toUpperCase(Locale.ROOT);
    MonopolyResult result;
    try {
      result = MonopolyResult.valueOf(code);
    } catch (IllegalArgumentException e) {
      throw error.apply("處理結果只能是「確認并已處理」(CONFIRMED_DEALT)、「未發現」(NOT_FOUND)或「已移交」(TRANSFERRED):「"
          + code + "」/ monopolyResult must be CONFIRMED_DEALT, NOT_FOUND or TRANSFERRED");
    }
    execution.setVariable(Var.MONOPOLY_RESULT, result.name());
    String note = Variables.requiredText(execution, Var.RESULT_NOTE, "處理情況說明", MAX_NOTE,
        UnlicensedParties.inForm(Var.RESULT_NOTE));
    Function<String, RuntimeException> dateError = UnlicensedParties.inForm(Var.RESULT_DATE);
    LocalDate date = Variables.requiredDate(execution, Var.RESULT_DATE, "處理日期", parties.zone(), dateError);
    if (date.isAfter(parties.today())) {
      throw dateError.apply("「處理日期」" + date + " 不能晚於今天 / resultDate must not be in the future");
    }
    LocalDate reported = report.reportedAt().atZone(parties.zone()).toLocalDate();
    if (date.isBefore(reported)) {
      throw dateError.apply("「處理日期」" + date + " 不能早於舉報日期 " + reported + " / resultDate must not be before the report");
    }
    reports.recordResult(report.caseNo(), result, note, date, parties.actor(), parties.now());
    execution.setVariable(Var.RESULT_TEXT, result.label() + "(" + date + "):" + note);
  }
}

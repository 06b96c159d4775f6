package com.tobacco.cmw.unlicensed;

import static com.tobacco.cmw.unlicensed.UnlicensedSellerReportProcess.Var;

import com.tobacco.cmw.process.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sales operations (卷煙經營部) took note of the result (§4.7 將處理結果報卷煙經營部): the report is closed. */
@Component("recordUnlicensedAcknowledgement")
public class RecordAcknowledgementDelegate implements JavaDelegate {

  private final UnlicensedReportRepository reports;
  private final UnlicensedParties parties;

  public RecordAcknowledgementDelegate(UnlicensedReportRepository reports, UnlicensedParties parties) {
    this.reports = reports;
    this.parties = parties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UnlicensedReportRepository.Report report = reports.ofProcessInstance(execution.getProcessInstanceId());
    String note = Variables.optionalText(execution, Var.ACKNOWLEDGEMENT_NOTE, "備註", 1000,
        UnlicensedParties.inForm(Var.ACKNOWLEDGEMENT_NOTE));
    reports.acknowledge(report.caseNo(), parties.actor(), parties.now(), note);
  }
}

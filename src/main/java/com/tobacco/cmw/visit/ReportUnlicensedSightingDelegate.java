package com.tobacco.cmw.visit;

import com.tobacco.cmw.unlicensed.UnlicensedReportStarter;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * §4.7 一旦發現應立即向區域市場經理匯報: the unlicensed seller the visit recorded is reported, i.e.
 * {@code unlicensedSellerReport} starts for the visit's sighting (read from the records, not from the
 * form's variables). A job of its own: a failure is retried and then an incident on the visit.
 */
@Component("reportUnlicensedSighting")
public class ReportUnlicensedSightingDelegate implements JavaDelegate {

  private final VisitRepository visits;
  private final UnlicensedReportStarter starter;

  public ReportUnlicensedSightingDelegate(VisitRepository visits, UnlicensedReportStarter starter) {
    this.visits = visits;
    this.starter = starter;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long visitId = visits.ofProcessInstance(execution.getProcessInstanceId()).id();
    long sightingId = visits.unlicensedSightingOf(visitId)
        .orElseThrow(() -> new IllegalStateException("visit " + visitId + " recorded no unlicensed-seller sighting"));
    starter.startFromSighting(sightingId);
  }
}

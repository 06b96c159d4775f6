package com.tobacco.cmw.unlicensed;

import static com.tobacco.cmw.unlicensed.UnlicensedSellerReportProcess.Var;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Service;

/**
 * Starts a report for a sighting a visit recorded (customerVisit's step "發起無證經營舉報"), in the
 * caller's transaction: if the start fails, the visit's job fails with it and is retried. A sighting
 * is reported once: one already linked to a report is not reported again. The system reports, not
 * whoever is logged in (a customer's exit approved by a regional manager reports the sightings its
 * ended visits had not reported yet): the start runs without the caller's authentication.
 */
@Service
public class UnlicensedReportStarter {

  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final UnlicensedReportRepository reports;

  public UnlicensedReportStarter(RuntimeService runtimeService, IdentityService identityService,
                                 UnlicensedReportRepository reports) {
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.reports = reports;
  }

  /** The case number of the sighting's report, started now or before. */
  public String startFromSighting(long sightingId) {
    return reports.reportOfSighting(sightingId).orElseGet(() -> {
      Authentication caller = identityService.getCurrentAuthentication();
      identityService.clearAuthentication();
      try {
        return runtimeService.startProcessInstanceByKey(UnlicensedSellerReportProcess.PROCESS_KEY,
            Map.of(Var.SIGHTING_ID, sightingId)).getBusinessKey();
      } finally {
        if (caller != null) {
          identityService.setAuthentication(caller);
        }
      }
    });
  }
}

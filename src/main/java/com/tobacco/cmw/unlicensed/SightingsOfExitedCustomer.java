package com.tobacco.cmw.unlicensed;

import com.tobacco.cmw.customer.CustomerExited;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A customer's exit ends its running visits (decision 67), also one whose step "發起無證經營舉報"
 * had not run yet (or had failed): the sightings of that customer not reported yet are reported
 * now, in the exit's transaction, so no sighting is lost with its visit.
 */
@Component
public class SightingsOfExitedCustomer {

  private final UnlicensedReportRepository reports;
  private final UnlicensedReportStarter starter;

  public SightingsOfExitedCustomer(UnlicensedReportRepository reports, UnlicensedReportStarter starter) {
    this.reports = reports;
    this.starter = starter;
  }

  @EventListener
  public void onExit(CustomerExited exited) {
    reports.unreportedSightingsOf(exited.customerCode()).forEach(starter::startFromSighting);
  }
}

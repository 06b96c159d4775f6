package com.tobacco.cmw.unlicensed;

import com.tobacco.cmw.config.SetupStep;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start-up, reports the sightings no report was started for although their visit is done and its
 * instance has ended: sightings recorded before unlicensed-seller reports existed (status NEW) and
 * those of visits that ran to their end on the previous version of customerVisit, which had no
 * reporting step. A visit whose instance still runs is left to its own step (it may be waiting for
 * its job or in an incident); a cancelled visit's sighting is not reported (the visit did not take
 * place as recorded; a customer's exit reports its sightings itself). Each sighting is reported in a
 * transaction of its own, once: a reported sighting is linked to its report and never picked again, a
 * failure is logged and tried again at the next start. Off with
 * {@code cmw.unlicensed.report-sightings-at-start: false} (the tests run {@link #report()} themselves).
 */
@Component
@Order(20)
public class UnreportedSightings implements SetupStep {

  private static final Logger log = LoggerFactory.getLogger(UnreportedSightings.class);

  private final UnlicensedReportRepository reports;
  private final UnlicensedReportStarter starter;
  private final TransactionTemplate transactions;
  private final boolean atStart;

  public UnreportedSightings(UnlicensedReportRepository reports, UnlicensedReportStarter starter,
                             PlatformTransactionManager transactionManager,
                             @Value("${cmw.unlicensed.report-sightings-at-start:true}") boolean atStart) {
    this.atStart = atStart;
    this.reports = reports;
    this.starter = starter;
    this.transactions = new TransactionTemplate(transactionManager);
    this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Override
  public void run() {
    if (atStart) {
      report();
    }
  }

  /** Reports every sighting of an ended visit not reported yet; the case numbers of the new reports. */
  public List<String> report() {
    List<String> reported = new ArrayList<>();
    for (long sightingId : reports.unreportedSightingsOfEndedVisits()) {
      try {
        reported.add(transactions.execute(status -> starter.startFromSighting(sightingId)));
      } catch (RuntimeException e) {
        log.warn("Unlicensed-seller sighting {} could not be reported, tried again at the next start: {}", sightingId,
            e.getMessage());
      }
    }
    if (!reported.isEmpty()) {
      log.info("Reported {} unlicensed-seller sightings of ended visits: {}", reported.size(), reported);
    }
    return reported;
  }
}

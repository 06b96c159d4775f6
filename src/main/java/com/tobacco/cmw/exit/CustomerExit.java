package com.tobacco.cmw.exit;

import com.tobacco.cmw.complaint.ComplaintStep;
import com.tobacco.cmw.complaint.QualityComplaintProcess;
import com.tobacco.cmw.customer.Customer;
import com.tobacco.cmw.customer.CustomerExited;
import com.tobacco.cmw.customer.CustomerRepository;
import com.tobacco.cmw.customer.CustomerStatus;
import com.tobacco.cmw.infochange.CustomerInfoChangeProcess;
import com.tobacco.cmw.licencewatch.LicenceRenewalReminderProcess;
import com.tobacco.cmw.visit.CustomerVisitProcess;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * What an approved exit does, in one transaction (§3.3 退網): the customer becomes EXITED with
 * date and reason and the change history says so; every other running instance of the customer
 * ends with the reason "客戶已退網" (engine delete reason and {@code cm_network_exit_ended}), its
 * visit record CANCELLED, complaint case ended, change request still waiting for approval REFUSED
 * (note "客戶已退網") or renewal reminder marked done in the licence watch; the customer leaves weekly schedule drafts, and
 * the visits of confirmed schedules not yet over are cancelled (never re-planned) and listed for
 * the regional managers. Last, it publishes {@link CustomerExited} for work kept outside the
 * customer's own instances.
 */
@Service
public class CustomerExit {

  /** What the exit changed in confirmed schedules, for the regional managers' notice. */
  public record Result(List<NetworkExitRepository.EndedInstance> ended, List<NetworkExitRepository.ScheduleChange> confirmedScheduleChanges,
                       int draftItemsRemoved) {}

  private final CustomerRepository customers;
  private final NetworkExitRepository exits;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final JdbcTemplate jdbc;
  private final ApplicationEventPublisher events;

  public CustomerExit(CustomerRepository customers, NetworkExitRepository exits, RuntimeService runtime,
                      RepositoryService repository, JdbcTemplate jdbc, ApplicationEventPublisher events) {
    this.customers = customers;
    this.exits = exits;
    this.runtime = runtime;
    this.repository = repository;
    this.jdbc = jdbc;
    this.events = events;
  }

  public Result apply(NetworkExitRepository.NetworkExit exit, String exitBusinessKey, LocalDate today) {
    Instant now = Instant.now();
    Customer customer = customers.find(exit.customerCode()).orElseThrow();
    String reasonText = "退網:" + exit.reason().label() + (exit.explanation() == null ? "" : ";" + exit.explanation());
    int updated = jdbc.update("UPDATE cm_customer SET status = 'EXITED', exit_date = ?, exit_reason = ?, updated_at = ? "
        + "WHERE customer_code = ? AND status <> 'EXITED'", exit.effectiveDate(), exit.reason().name(),
        Timestamp.from(now), customer.customerCode());
    if (updated != 1) {
      throw new IllegalStateException("客戶 " + customer.customerCode() + " 已退網 / customer already exited");
    }
    String by = exit.decidedBy();
    String pid = exit.processInstanceId();
    String key = NetworkExitProcess.PROCESS_KEY;
    customers.recordChange(new CustomerRepository.Change(customer.customerCode(), "status", customer.status().name(),
        CustomerStatus.EXITED.name(), reasonText, by, now, key, pid));
    customers.recordChange(new CustomerRepository.Change(customer.customerCode(), "exit_date",
        customer.exitDate() == null ? null : customer.exitDate().toString(), exit.effectiveDate().toString(), reasonText,
        by, now, key, pid));
    customers.recordChange(new CustomerRepository.Change(customer.customerCode(), "exit_reason",
        customer.exitReason() == null ? null : customer.exitReason().name(), exit.reason().name(), reasonText, by, now,
        key, pid));

    List<NetworkExitRepository.EndedInstance> ended = endRunningInstances(exit, exitBusinessKey, now);
    Set<String> endedIds = ended.stream().map(NetworkExitRepository.EndedInstance::processInstanceId).collect(Collectors.toSet());
    int drafts = jdbc.update("UPDATE cm_visit_schedule_item SET status = 'REMOVED', removal_reason = ? WHERE customer_code = ? "
            + "AND status IN ('PLANNED','NOT_SCHEDULED') AND schedule_id IN (SELECT id FROM cm_visit_schedule WHERE status = 'DRAFT')",
        "客戶已退網 / customer exited (networkExit " + exitBusinessKey + ")", customer.customerCode());
    List<NetworkExitRepository.ScheduleChange> changes = new ArrayList<>();
    List<Map<String, Object>> confirmed = jdbc.queryForList("SELECT i.id, s.business_key, i.visit_date, i.status, "
        + "i.visit_process_instance_id FROM cm_visit_schedule_item i JOIN cm_visit_schedule s ON s.id = i.schedule_id "
        + "WHERE i.customer_code = ? AND s.status IN ('CONFIRMED','AUTO_CONFIRMED') AND i.status IN ('PLANNED','STARTED') "
        + "AND s.week_start >= ? ORDER BY s.week_start, i.visit_date", customer.customerCode(), today.minusDays(6));
    for (Map<String, Object> item : confirmed) {
      String visitPid = (String) item.get("visit_process_instance_id");
      if ("STARTED".equals(item.get("status")) && (visitPid == null || !endedIds.contains(visitPid))) {
        continue; // that visit was already done or closed before the exit
      }
      long itemId = ((Number) item.get("id")).longValue();
      jdbc.update("UPDATE cm_visit_schedule_item SET status = 'SKIPPED', note = ? WHERE id = ?",
          "客戶已退網,訪問取消 / customer exited, visit cancelled (networkExit " + exitBusinessKey + ")", itemId);
      Object date = item.get("visit_date");
      NetworkExitRepository.ScheduleChange change = new NetworkExitRepository.ScheduleChange(itemId,
          (String) item.get("business_key"), date instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) date);
      exits.recordScheduleChange(exit.id(), change);
      changes.add(change);
    }
    exits.markExited(exit.id(), now);
    events.publishEvent(new CustomerExited(customer.customerCode(), reasonText, exitBusinessKey, by, pid));
    return new Result(ended, changes, drafts);
  }

  private List<NetworkExitRepository.EndedInstance> endRunningInstances(NetworkExitRepository.NetworkExit exit,
                                                                       String exitBusinessKey, Instant now) {
    String reason = NetworkExitProcess.endReason(exitBusinessKey);
    return RunningProcessesOutstanding.withoutAuthorization(() -> {
      List<NetworkExitRepository.EndedInstance> ended = new ArrayList<>();
      for (ProcessInstance pi : RunningProcessesOutstanding.running(runtime, exit.customerCode(), exit.processInstanceId())) {
        String processKey = repository.getProcessDefinition(pi.getProcessDefinitionId()).getKey();
        // custom listeners are skipped: nothing of the ended process should run any more; what
        // its records need is written here
        runtime.deleteProcessInstance(pi.getId(), reason, true, true);
        NetworkExitRepository.EndedInstance e = new NetworkExitRepository.EndedInstance(pi.getId(), processKey,
            pi.getBusinessKey(), now);
        exits.recordEnded(exit.id(), e);
        ended.add(e);
        if (processKey.equals(CustomerVisitProcess.PROCESS_KEY)) {
          jdbc.update("UPDATE cm_visit SET status = 'CANCELLED', completed_at = ? WHERE process_instance_id = ? AND status = 'OPEN'",
              Timestamp.from(now), pi.getId());
        } else if (processKey.equals(QualityComplaintProcess.PROCESS_KEY)) {
          endComplaintCase(pi.getId(), reason, exit.decidedBy(), now);
        } else if (processKey.equals(CustomerInfoChangeProcess.PROCESS_KEY)) {
          endChangeRequest(pi.getId(), reason, exit.decidedBy(), now);
        } else if (processKey.equals(LicenceRenewalReminderProcess.PROCESS_KEY)) {
          endRenewalReminder(pi.getId(), reason, exit.decidedBy(), now);
        }
      }
      return ended;
    });
  }

  /**
   * A change request still waiting for approval is closed REFUSED with the note "客戶已退網", so
   * its fields are no longer held open for the customer (a re-enrolled customer can change them).
   */
  private void endChangeRequest(String processInstanceId, String reason, String by, Instant now) {
    jdbc.update("UPDATE cm_customer_change_request SET status = 'REFUSED', decision_by = COALESCE(decision_by, ?), "
            + "decision_at = COALESCE(decision_at, ?), outcome_note = ? WHERE process_instance_id = ? AND status = 'OPEN'",
        by == null ? NetworkExitProcess.SYSTEM : by, Timestamp.from(now),
        "客戶已退網,申請終止 / customer exited, request ended (" + reason + ")", processInstanceId);
  }

  /** The watch row of an ended renewal reminder is marked done with the exit as its note. */
  private void endRenewalReminder(String processInstanceId, String reason, String by, Instant now) {
    jdbc.update("UPDATE cm_licence_watch SET reminder_done_by = ?, reminder_done_at = ?, reminder_notes = ? "
            + "WHERE reminder_instance_id = ? AND reminder_done_at IS NULL", by == null ? NetworkExitProcess.SYSTEM : by,
        Timestamp.from(now), "客戶已退網,提醒終止 / customer exited, reminder ended (" + reason + ")", processInstanceId);
  }

  private void endComplaintCase(String processInstanceId, String reason, String by, Instant now) {
    List<String> caseNos = jdbc.queryForList("SELECT case_no FROM cm_complaint_case WHERE process_instance_id = ? "
        + "AND closed_at IS NULL", String.class, processInstanceId);
    for (String caseNo : caseNos) {
      jdbc.update("UPDATE cm_complaint_case SET current_step = ?, step_due_at = NULL, closed_at = ?, ended_reason = ? "
          + "WHERE case_no = ?", ComplaintStep.CUSTOMER_EXITED.name(), Timestamp.from(now), reason, caseNo);
      jdbc.update("INSERT INTO cm_complaint_step (case_no, step, done_at, done_by, outcome, step_comment) VALUES (?,?,?,?,?,?)",
          caseNo, ComplaintStep.CUSTOMER_EXITED.name(), Timestamp.from(now), by == null ? NetworkExitProcess.SYSTEM : by,
          ComplaintStep.CUSTOMER_EXITED.name(), reason);
    }
  }
}

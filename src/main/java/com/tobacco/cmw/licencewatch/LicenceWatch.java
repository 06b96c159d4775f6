package com.tobacco.cmw.licencewatch;

import static com.tobacco.cmw.licencewatch.LicenceRenewalReminderProcess.Var;

import com.tobacco.cmw.calendar.WorkCalendar;
import com.tobacco.cmw.customer.ExitReason;
import com.tobacco.cmw.exit.NetworkExitProcess;
import com.tobacco.cmw.exit.NetworkExitRepository;
import com.tobacco.cmw.security.ProcessAccess;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * One run of the licence watch for a given day ("today" is a parameter: the timer passes the
 * engine clock's date, tests their own). A licence is valid through its expiry date.
 * <ul>
 *   <li>expiry in 0…reminder-days days: the customer's manager gets a {@code licenceRenewalReminder}
 *       task, once per licence period (customer, expiry);</li>
 *   <li>expiry before today: {@code networkExit} starts with reason LICENCE_EXPIRED as "system",
 *       once per licence period, unless an exit of the customer is already running.</li>
 * </ul>
 * Customers in the network (ACTIVE, SUSPENDED) are watched.
 */
@Service
public class LicenceWatch {

  private static final Logger log = LoggerFactory.getLogger(LicenceWatch.class);

  /** What a run started. */
  public record Run(List<String> remindersStarted, List<String> exitsStarted) {}

  private final LicenceWatchRepository watch;
  private final LicenceWatchSettings settings;
  private final NetworkExitRepository exits;
  private final RuntimeService runtime;
  private final ProcessAccess access;
  private final WorkCalendar calendar;

  public LicenceWatch(LicenceWatchRepository watch, LicenceWatchSettings settings, NetworkExitRepository exits,
                      RuntimeService runtime, ProcessAccess access, WorkCalendar calendar) {
    this.watch = watch;
    this.settings = settings;
    this.exits = exits;
    this.runtime = runtime;
    this.access = access;
    this.calendar = calendar;
  }

  public Run run(LocalDate today) {
    List<String> reminders = new ArrayList<>();
    List<String> exitsStarted = new ArrayList<>();
    Instant now = Instant.now();
    for (LicenceWatchRepository.Watched c : watch.dueForReminder(today, today.plusDays(settings.getReminderDays()))) {
      if (!watch.claimReminder(c.customerCode(), c.licenceExpiry(), now)) {
        continue;
      }
      Map<String, Object> variables = new HashMap<>();
      variables.put(Var.CUSTOMER_CODE, c.customerCode());
      variables.put(Var.CUSTOMER_NAME, c.storeName());
      variables.put(Var.LICENCE_NO, c.licenceNo());
      variables.put(Var.LICENCE_EXPIRY, c.licenceExpiry().toString());
      variables.put(Var.MANAGER_ID, c.managerId());
      variables.put(Var.REMINDER_DUE, calendar.endOfWorkingDay(c.licenceExpiry()));
      ProcessInstance pi = runtime.startProcessInstanceByKey(LicenceRenewalReminderProcess.PROCESS_KEY, c.customerCode(),
          variables);
      access.grantInstance(pi.getId(), c.managerId(), c.regionCode());
      watch.reminderStarted(c.customerCode(), c.licenceExpiry(), pi.getId());
      reminders.add(c.customerCode());
    }
    for (LicenceWatchRepository.Watched c : watch.expired(today)) {
      if (exits.running(c.customerCode()).isPresent() || !watch.claimExit(c.customerCode(), c.licenceExpiry(), now)) {
        continue;
      }
      LocalDate effective = c.licenceExpiry().plusDays(1);
      LocalDate earliest = today.minusDays(90);
      Map<String, Object> variables = new HashMap<>();
      variables.put(NetworkExitProcess.Var.CUSTOMER_CODE, c.customerCode());
      variables.put(NetworkExitProcess.Var.REASON, ExitReason.LICENCE_EXPIRED.name());
      variables.put(NetworkExitProcess.Var.EXPLANATION, "專賣零售許可證 " + c.licenceNo() + " 已於 " + c.licenceExpiry()
          + " 到期,未辦理延續(許可證到期監控) / licence expired on " + c.licenceExpiry() + " without renewal");
      variables.put(NetworkExitProcess.Var.EFFECTIVE_DATE, (effective.isBefore(earliest) ? earliest : effective).toString());
      ProcessInstance pi = runtime.startProcessInstanceByKey(NetworkExitProcess.PROCESS_KEY, c.customerCode(), variables);
      watch.exitStarted(c.customerCode(), c.licenceExpiry(), pi.getId());
      exitsStarted.add(c.customerCode());
    }
    if (!reminders.isEmpty() || !exitsStarted.isEmpty()) {
      log.info("Licence watch {}: {} renewal reminders, {} exits for expired licences", today, reminders.size(),
          exitsStarted.size());
    }
    return new Run(reminders, exitsStarted);
  }
}

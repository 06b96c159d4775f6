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
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
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

  /** What a run started, and the customers it could not handle (each logged at WARN; the others went on). */
  public record Run(List<String> remindersStarted, List<String> exitsStarted, List<String> failed) {
    public Run(List<String> remindersStarted, List<String> exitsStarted) {
      this(remindersStarted, exitsStarted, List.of());
    }
  }

  private final LicenceWatchRepository watch;
  private final LicenceWatchSettings settings;
  private final NetworkExitRepository exits;
  private final RuntimeService runtime;
  private final ProcessAccess access;
  private final WorkCalendar calendar;

  private final ProcessEngine engine;

  public LicenceWatch(LicenceWatchRepository watch, LicenceWatchSettings settings, NetworkExitRepository exits,
                      RuntimeService runtime, ProcessAccess access, WorkCalendar calendar, ProcessEngine engine) {
    this.engine = engine;
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
    List<String> failed = new ArrayList<>();
    Instant now = Instant.now();
    for (LicenceWatchRepository.Watched c : watch.dueForReminder(today, today.plusDays(settings.getReminderDays()))) {
      if (inOwnTransaction(c, "renewal reminder", failed, () -> remind(c, now))) {
        reminders.add(c.customerCode());
      }
    }
    for (LicenceWatchRepository.Watched c : watch.expired(today)) {
      if (inOwnTransaction(c, "expiry exit", failed, () -> startExit(c, today, now))) {
        exitsStarted.add(c.customerCode());
      }
    }
    if (!reminders.isEmpty() || !exitsStarted.isEmpty() || !failed.isEmpty()) {
      log.info("Licence watch {}: {} renewal reminders, {} exits for expired licences, {} customers failed {}", today,
          reminders.size(), exitsStarted.size(), failed.size(), failed);
    }
    return new Run(reminders, exitsStarted, failed);
  }

  /**
   * One customer's work in a transaction of its own (a new engine command with a new Spring
   * transaction): a failure rolls back that customer only, is logged at WARN and counted, and the
   * run goes on with the others. Answers whether something was started.
   */
  private boolean inOwnTransaction(LicenceWatchRepository.Watched c, String what, List<String> failed,
                                   java.util.function.BooleanSupplier work) {
    try {
      CommandExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
          .getCommandExecutorTxRequiresNew();
      return executor.execute(context -> work.getAsBoolean());
    } catch (RuntimeException e) {
      log.warn("Licence watch: {} of customer {} (licence expiry {}) failed, the other customers go on: {}", what,
          c.customerCode(), c.licenceExpiry(), e.toString(), e);
      failed.add(c.customerCode());
      return false;
    }
  }

  private boolean remind(LicenceWatchRepository.Watched c, Instant now) {
    if (!watch.claimReminder(c.customerCode(), c.licenceExpiry(), now)) {
      return false;
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
    return true;
  }

  private boolean startExit(LicenceWatchRepository.Watched c, LocalDate today, Instant now) {
    if (exits.running(c.customerCode()).isPresent() || !watch.claimExit(c.customerCode(), c.licenceExpiry(), now)) {
      return false;
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
    return true;
  }
}

package com.tobacco.cmw.licencewatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.cmw.customer.CustomerRepository;
import com.tobacco.cmw.customer.CustomerStatus;
import com.tobacco.cmw.customer.LicenceRenewed;
import com.tobacco.cmw.exit.ExitFixture;
import com.tobacco.cmw.exit.NetworkExitProcess;
import com.tobacco.cmw.exit.NetworkExitRepository;
import com.tobacco.cmw.support.SpringTestBase;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The licence watch with a controlled clock (engine clock and "today" set to 2 March 2020, long
 * before any demo licence expires) across the reminder and expiry boundaries: 31 days → nothing,
 * 30 → one reminder and never a second, expiry today → still valid, expired yesterday → one exit
 * with reason LICENCE_EXPIRED started by "system"; a renewal ends the reminder and withdraws a
 * pending expiry exit.
 */
class LicenceWatchTest extends SpringTestBase {

  static final LocalDate T = LocalDate.of(2020, 3, 2);

  @Autowired LicenceWatch watch;
  @Autowired LicenceWatchRepository periods;
  @Autowired NetworkExitRepository exits;
  @Autowired CustomerRepository customers;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcTemplate jdbc;

  ExitFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new ExitFixture(jdbc, customers, runtimeService);
    setToday(T);
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    identityService.clearAuthentication();
    fixture.cleanUp();
  }

  @Test
  void oneCustomerWhoseReminderFailsDoesNotStopTheOthers() {
    String failing = fixture.customer("zhangwei", "EAST", T.plusDays(10));
    String next = fixture.customer("zhangwei", "EAST", T.plusDays(20));
    String expired = fixture.customer("zhangwei", "EAST", T.minusDays(1));
    // the failing customer's watch row cannot be written (ordered first: earliest expiry)
    jdbc.execute("ALTER TABLE cm_licence_watch ADD CONSTRAINT ck_test_watch_fails CHECK (customer_code <> '" + failing + "')");
    LicenceWatch.Run run;
    try {
      run = watch.run(T);
    } finally {
      jdbc.execute("ALTER TABLE cm_licence_watch DROP CONSTRAINT ck_test_watch_fails");
    }
    assertThat(run.failed()).containsExactly(failing);
    assertThat(run.remindersStarted()).contains(next).doesNotContain(failing);
    assertThat(run.exitsStarted()).contains(expired);
    assertThat(reminders(failing)).isEmpty();
    assertThat(reminders(next)).hasSize(1);
    assertThat(periods.find(failing, T.plusDays(10))).isEmpty();
    // the next run tries the failed customer again
    assertThat(watch.run(T).remindersStarted()).containsExactly(failing);
  }

  @Test
  void aReminderOpensThirtyDaysBeforeExpiryOncePerLicencePeriod() {
    String in31 = fixture.customer("zhangwei", "EAST", T.plusDays(31));
    String in30 = fixture.customer("zhangwei", "EAST", T.plusDays(30));
    String suspended = fixture.customer("lina", "WEST", T.plusDays(10), CustomerStatus.SUSPENDED);
    String exited = fixture.customer("lina", "WEST", T.plusDays(10), CustomerStatus.EXITED);

    LicenceWatch.Run run = watch.run(T);
    assertThat(run.remindersStarted()).contains(in30, suspended).doesNotContain(in31, exited);
    assertThat(reminders(in31)).isEmpty();
    assertThat(reminders(exited)).isEmpty();
    List<ProcessInstance> reminder = reminders(in30);
    assertThat(reminder).hasSize(1);
    assertThat(reminder.get(0).getBusinessKey()).isEqualTo(in30);
    assertThat(runtimeService.getVariable(reminder.get(0).getId(), "customerCode")).isEqualTo(in30);
    Task task = taskService.createTaskQuery().processInstanceId(reminder.get(0).getId()).singleResult();
    assertThat(task.getAssignee()).isEqualTo("zhangwei");
    assertThat(task.getName()).startsWith("提醒客戶辦理許可證延續");
    assertThat(task.getDueDate()).isAfter(Date.from(T.plusDays(30).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant()))
        .isBefore(Date.from(T.plusDays(31).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant()));
    assertThat(periods.find(in30, T.plusDays(30)).orElseThrow().reminderInstanceId()).isEqualTo(reminder.get(0).getId());

    // the same day again and the next day: no second reminder; the next day the 31-day licence gets its own
    assertThat(watch.run(T).remindersStarted()).doesNotContain(in30, in31);
    setToday(T.plusDays(1));
    assertThat(watch.run(T.plusDays(1)).remindersStarted()).contains(in31).doesNotContain(in30);
    assertThat(reminders(in30)).hasSize(1);
    assertThat(reminders(in31)).hasSize(1);
    // a completed reminder is not reopened either
    complete(reminder.get(0), "zhangwei", Map.of("informedOn", T.toString(), "reminderNotes", "客戶答應下周辦理"));
    assertThat(watch.run(T.plusDays(1)).remindersStarted()).doesNotContain(in30);
    assertThat(periods.find(in30, T.plusDays(30)).orElseThrow().customerInformedOn()).isEqualTo(T);
  }

  @Test
  void anExpiredLicenceStartsOneExitTheExpiryDayItselfIsStillValid() {
    String today = fixture.customer("zhangwei", "EAST", T);
    String yesterday = fixture.customer("zhangwei", "EAST", T.minusDays(1));
    String exitRunning = fixture.customer("zhangwei", "EAST", T.minusDays(5));
    ProcessInstance managersExit = startExitAs("zhangwei", exitRunning, "VOLUNTARY");

    LicenceWatch.Run run = watch.run(T);
    assertThat(run.exitsStarted()).contains(yesterday).doesNotContain(today, exitRunning);
    assertThat(exitInstances(today)).isEmpty();
    assertThat(exitInstances(exitRunning)).extracting(ProcessInstance::getId).containsExactly(managersExit.getId());
    List<ProcessInstance> started = exitInstances(yesterday);
    assertThat(started).hasSize(1);
    NetworkExitRepository.NetworkExit exit = exits.ofProcessInstance(started.get(0).getId());
    assertThat(exit.reason().name()).isEqualTo("LICENCE_EXPIRED");
    assertThat(exit.requestedBy()).isEqualTo(NetworkExitProcess.SYSTEM);
    assertThat(exit.effectiveDate()).isEqualTo(T);
    assertThat(started.get(0).getBusinessKey()).isEqualTo(yesterday);
    Task verify = taskService.createTaskQuery().processInstanceId(started.get(0).getId()).singleResult();
    assertThat(verify.getTaskDefinitionKey()).isEqualTo(NetworkExitProcess.Element.VERIFY);
    assertThat(verify.getAssignee()).isEqualTo("zhangwei");

    // once per licence period: not again today, nor tomorrow, nor after the exit was rejected
    assertThat(watch.run(T).exitsStarted()).doesNotContain(yesterday);
    setToday(T.plusDays(1));
    assertThat(watch.run(T.plusDays(1)).exitsStarted()).contains(today).doesNotContain(yesterday);
    complete(started.get(0), "zhangwei", Map.of("allSettled", true));
    complete(started.get(0), "wangfang", Map.of("exitDecision", "REJECTED", "decisionReason", "已在辦理延續"));
    Task notice = taskService.createTaskQuery().processInstanceId(started.get(0).getId()).singleResult();
    assertThat(notice.getTaskDefinitionKey()).isEqualTo(NetworkExitProcess.Element.NOTE_REJECTION);
    assertThat(notice.getAssignee()).as("the watch applied: its manager is told").isEqualTo("zhangwei");
    assertThat(watch.run(T.plusDays(2)).exitsStarted()).doesNotContain(yesterday);
    assertThat(exits.ofCustomer(yesterday)).hasSize(1);
  }

  @Test
  void aRenewalEndsTheReminderAndWithdrawsThePendingExpiryExit() {
    String expiring = fixture.customer("zhangwei", "EAST", T.plusDays(20));
    String expired = fixture.customer("zhangwei", "EAST", T.minusDays(2));
    watch.run(T);
    ProcessInstance reminder = reminders(expiring).get(0);
    ProcessInstance exit = exitInstances(expired).get(0);

    renew(expiring, T.plusDays(20), T.plusYears(5));
    renew(expired, T.minusDays(2), T.plusYears(5));

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(reminder.getId()).count()).isZero();
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(reminder.getId())
        .activityId(LicenceRenewalReminderProcess.Element.END_RENEWED).count()).isOne();
    LicenceWatchRepository.Period period = periods.find(expiring, T.plusDays(20)).orElseThrow();
    assertThat(period.renewedTo()).isEqualTo(T.plusYears(5));
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(exit.getId()).count()).isZero();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(exit.getId()).singleResult()
        .getDeleteReason()).isEqualTo(LicenceRenewedListener.WITHDRAWN);
    NetworkExitRepository.NetworkExit withdrawn = exits.ofProcessInstance(exit.getId());
    assertThat(withdrawn.status()).isEqualTo(NetworkExitRepository.Status.WITHDRAWN);
    assertThat(exits.running(expired)).isEmpty();
    assertThat(customers.find(expired).orElseThrow().status()).isEqualTo(CustomerStatus.ACTIVE);
    assertThat(periods.find(expired, T.minusDays(2)).orElseThrow().renewedTo()).isEqualTo(T.plusYears(5));
    // the new licence periods are far away: nothing more to do
    LicenceWatch.Run again = watch.run(T);
    assertThat(again.remindersStarted()).doesNotContain(expiring, expired);
    assertThat(again.exitsStarted()).doesNotContain(expiring, expired);
  }

  @Test
  void aRenewalDoesNotWithdrawAnExitAManagerAppliedFor() {
    String code = fixture.customer("zhangwei", "EAST", T.minusDays(2));
    ProcessInstance exit = startExitAs("zhangwei", code, "LICENCE_EXPIRED");
    renew(code, T.minusDays(2), T.plusYears(5));
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(exit.getId()).count()).isOne();
  }

  @Test
  void theDemoRunsTheWatchOnceAtStartUnlessSwitchedOff() {
    String code = fixture.customer("zhangwei", "EAST", T.plusDays(15));
    new LicenceWatchDemoRun(watch, new LicenceWatchSettings("0 30 6 * * ?", 30, false), transactions, "Asia/Shanghai").run();
    assertThat(reminders(code)).isEmpty();
    new LicenceWatchDemoRun(watch, new LicenceWatchSettings("0 30 6 * * ?", 30, true), transactions, "Asia/Shanghai").run();
    assertThat(reminders(code)).hasSize(1);
  }

  // ---------------------------------------------------------------- helpers

  private void renew(String code, LocalDate oldExpiry, LocalDate newExpiry) {
    transactions.executeWithoutResult(status -> {
      jdbc.update("UPDATE cm_customer SET licence_expiry = ? WHERE customer_code = ?", newExpiry, code);
      events.publishEvent(new LicenceRenewed(code, oldExpiry, newExpiry, "zhangwei", null));
    });
  }

  private List<ProcessInstance> reminders(String code) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(LicenceRenewalReminderProcess.PROCESS_KEY)
        .processInstanceBusinessKey(code).list();
  }

  private List<ProcessInstance> exitInstances(String code) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(NetworkExitProcess.PROCESS_KEY)
        .processInstanceBusinessKey(code).list();
  }

  private ProcessInstance startExitAs(String user, String code, String reason) {
    identityService.setAuthentication(user, List.of("customer-managers"));
    try {
      return runtimeService.startProcessInstanceByKey(NetworkExitProcess.PROCESS_KEY,
          Map.of("customerCode", code, "exitReason", reason));
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void complete(ProcessInstance pi, String user, Map<String, Object> variables) {
    Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    identityService.setAuthentication(user, user.equals("wangfang")
        ? List.of("regional-managers", "regional-managers-east") : List.of("customer-managers"));
    try {
      taskService.complete(task.getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private static void setToday(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(12, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
  }
}

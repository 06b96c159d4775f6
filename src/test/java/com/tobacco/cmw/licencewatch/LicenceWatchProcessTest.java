package com.tobacco.cmw.licencewatch;

import static com.tobacco.cmw.licencewatch.LicenceRenewalReminderProcess.Element;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.tobacco.cmw.customer.CustomerRepository;
import com.tobacco.cmw.customer.LicenceRenewed;
import com.tobacco.cmw.exit.ExitFixture;
import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.support.ProcessTestBase;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
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
 * Every path of {@code licenceExpiryWatch} (the daily timer, its cron from the settings, the
 * watch as a retried job) and of {@code licenceRenewalReminder} (the manager records the day the
 * customer was told; a renewal ends the reminder), with the engine clock set to 2 March 2020.
 */
class LicenceWatchProcessTest extends ProcessTestBase {

  static final LocalDate T = LocalDate.of(2020, 3, 2);
  static final List<String> MANAGER = List.of("customer-managers");

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired CustomerRepository customers;
  @Autowired LicenceWatchRepository periods;
  @Autowired LicenceWatch watch;
  @Autowired LicenceWatchSettings settings;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcTemplate jdbc;

  ExitFixture fixture;

  @BeforeEach
  void setUp() {
    init(engine);
    fixture = new ExitFixture(jdbc, customers, runtimeService);
    ClockUtil.setCurrentTime(Date.from(T.atTime(6, 30).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    identityService.clearAuthentication();
    runtimeService.createProcessInstanceQuery().processDefinitionKey(LicenceRenewalReminderProcess.WATCH_PROCESS_KEY).list()
        .forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(), "test clean-up"));
    fixture.cleanUp();
  }

  @Test
  void theDailyTimerRunsTheWatchAndTheManagerRecordsTheReminder() {
    String code = fixture.customer("zhangwei", "EAST", T.plusDays(30));
    Job timer = managementService.createJobQuery()
        .processDefinitionId(repositoryService.createProcessDefinitionQuery()
            .processDefinitionKey(LicenceRenewalReminderProcess.WATCH_PROCESS_KEY).latestVersion().singleResult().getId())
        .timers().singleResult();
    Assertions.assertThat(managementService.createJobDefinitionQuery().jobDefinitionId(timer.getJobDefinitionId())
        .singleResult().getJobConfiguration()).isEqualTo("CYCLE: ${licenceWatchSettings.cron}");
    Assertions.assertThat(settings.getCron()).isEqualTo("0 30 6 * * ?");
    Assertions.assertThat(settings.getReminderDays()).isEqualTo(30);
    managementService.executeJob(timer.getId());
    ProcessInstance run = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(LicenceRenewalReminderProcess.WATCH_PROCESS_KEY).singleResult();
    assertThat(run).isWaitingAt(Element.WATCH_RUN);
    execute(managementService.createJobQuery().processInstanceId(run.getId()).singleResult());
    assertThat(run).hasPassedInOrder(Element.WATCH_START, Element.WATCH_RUN, Element.WATCH_END).isEnded();

    ProcessInstance reminder = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(LicenceRenewalReminderProcess.PROCESS_KEY).processInstanceBusinessKey(code).singleResult();
    assertThat(reminder).isWaitingAt(Element.REMIND);
    assertThat(task(reminder)).isAssignedTo("zhangwei");
    Assertions.assertThatThrownBy(() -> complete(reminder, Map.of("informedOn", T.plusDays(1).toString())))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("不能晚於今天");
    Assertions.assertThatThrownBy(() -> complete(reminder, Map.of("reminderNotes", "x")))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("告知客戶日期");
    complete(reminder, Map.of("informedOn", T.toString(), "reminderNotes", "客戶將於月底前辦理"));
    assertThat(reminder).hasPassedInOrder(Element.START, Element.REMIND, Element.RECORD, Element.END_RECORDED).isEnded();
    LicenceWatchRepository.Period period = periods.find(code, T.plusDays(30)).orElseThrow();
    Assertions.assertThat(period.reminderDoneBy()).isEqualTo("zhangwei");
    Assertions.assertThat(period.customerInformedOn()).isEqualTo(T);
    Assertions.assertThat(period.reminderNotes()).isEqualTo("客戶將於月底前辦理");
  }

  @Test
  void aRenewalEndsTheReminder() {
    String code = fixture.customer("zhangwei", "EAST", T.plusDays(12));
    watch.run(T);
    ProcessInstance reminder = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(LicenceRenewalReminderProcess.PROCESS_KEY).processInstanceBusinessKey(code).singleResult();
    transactions.executeWithoutResult(status -> {
      jdbc.update("UPDATE cm_customer SET licence_expiry = ? WHERE customer_code = ?", T.plusYears(5), code);
      events.publishEvent(new LicenceRenewed(code, T.plusDays(12), T.plusYears(5), "zhangwei", null));
    });
    assertThat(reminder).hasPassed(Element.RENEWED, Element.END_RENEWED).isEnded();
  }

  private Task task(ProcessInstance pi) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
  }

  private void complete(ProcessInstance pi, Map<String, Object> variables) {
    Task task = task(pi);
    identityService.setAuthentication("zhangwei", MANAGER);
    try {
      taskService.complete(task.getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
  }
}

package com.tobacco.cmw.licencewatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.cmw.calendar.WorkCalendar;
import com.tobacco.cmw.customer.CustomerRepository;
import com.tobacco.cmw.customer.CustomerStatus;
import com.tobacco.cmw.exit.ExitFixture;
import com.tobacco.cmw.exit.NetworkExitProcess;
import com.tobacco.cmw.exit.NetworkExitRepository;
import com.tobacco.cmw.infochange.CustomerInfoChangeProcess;
import com.tobacco.cmw.infochange.CustomerInfoChangeProcess.Var;
import com.tobacco.cmw.support.SpringTestBase;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * "Recording a renewal through customerInfoChange stops both": the whole way, without publishing
 * the event by hand — the watch opens a reminder (licence ends in 30 days) and starts an exit
 * (licence ended yesterday); the customer manager records each renewal as an information change,
 * the regional manager approves, and the approved change ends the reminder and withdraws the exit.
 */
class RenewalThroughInformationChangeTest extends SpringTestBase {

  private static final List<String> MANAGER = List.of("customer-managers");
  private static final List<String> REGIONAL_EAST = List.of("regional-managers", "regional-managers-east");

  @Autowired LicenceWatch watch;
  @Autowired LicenceWatchRepository periods;
  @Autowired NetworkExitRepository exits;
  @Autowired CustomerRepository customers;
  @Autowired WorkCalendar calendar;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;

  private ExitFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new ExitFixture(jdbc, customers, runtimeService);
  }

  @AfterEach
  void cleanUp() {
    identityService.clearAuthentication();
    for (String code : fixture.codes()) {
      runtimeService.createProcessInstanceQuery().processDefinitionKey(CustomerInfoChangeProcess.PROCESS_KEY)
          .processInstanceBusinessKey(code).list()
          .forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(), "test clean-up", true, true));
      jdbc.update("DELETE FROM cm_customer_change_item WHERE request_id IN (SELECT id FROM cm_customer_change_request "
          + "WHERE customer_code = ?)", code);
      jdbc.update("DELETE FROM cm_customer_change_request WHERE customer_code = ?", code);
    }
    fixture.cleanUp();
  }

  @Test
  void anApprovedRenewalEndsTheReminderAndWithdrawsTheExpiryExit() {
    LocalDate today = calendar.today();
    String expiring = fixture.customer("zhangwei", "EAST", today.plusDays(30));
    String expired = fixture.customer("zhangwei", "EAST", today.minusDays(1));
    LicenceWatch.Run run = watch.run(today);
    assertThat(run.remindersStarted()).contains(expiring);
    assertThat(run.exitsStarted()).contains(expired);
    ProcessInstance reminder = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(LicenceRenewalReminderProcess.PROCESS_KEY).processInstanceBusinessKey(expiring).singleResult();
    ProcessInstance exit = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(NetworkExitProcess.PROCESS_KEY).processInstanceBusinessKey(expired).singleResult();

    LocalDate renewedTo = today.plusYears(5);
    renew(expiring, renewedTo);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(reminder.getId()).count()).isZero();
    assertThat(periods.find(expiring, today.plusDays(30)).orElseThrow().renewedTo()).isEqualTo(renewedTo);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(exit.getId()).count())
        .as("the other customer's exit is not touched").isOne();

    renew(expired, renewedTo);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(exit.getId()).count()).isZero();
    assertThat(exits.ofProcessInstance(exit.getId()).status()).isEqualTo(NetworkExitRepository.Status.WITHDRAWN);
    assertThat(customers.find(expired).orElseThrow().status()).isEqualTo(CustomerStatus.ACTIVE);
    assertThat(customers.find(expired).orElseThrow().licenceExpiry()).isEqualTo(renewedTo);

    LicenceWatch.Run again = watch.run(today);
    assertThat(again.remindersStarted()).doesNotContain(expiring, expired);
    assertThat(again.exitsStarted()).doesNotContain(expiring, expired);
  }

  /** zhangwei records the renewal, wangfang approves, the approved change is applied. */
  private void renew(String customerCode, LocalDate renewedTo) {
    identityService.setAuthentication("zhangwei", MANAGER);
    ProcessInstance pi;
    try {
      pi = runtimeService.startProcessInstanceByKey(CustomerInfoChangeProcess.PROCESS_KEY, Map.of(
          Var.CUSTOMER_CODE, customerCode, Var.NEW_LICENCE_EXPIRY, renewedTo.toString(),
          Var.CHANGE_REASON, "客戶已辦理許可證延續"));
    } finally {
      identityService.clearAuthentication();
    }
    identityService.setAuthentication("wangfang", REGIONAL_EAST);
    try {
      taskService.complete(taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId(),
          Map.of(Var.APPROVAL_DECISION, CustomerInfoChangeProcess.APPROVE, Var.DECISION_COMMENT, "已核驗新證"));
    } finally {
      identityService.clearAuthentication();
    }
    managementService.executeJob(managementService.createJobQuery().processInstanceId(pi.getId()).singleResult().getId());
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
  }
}

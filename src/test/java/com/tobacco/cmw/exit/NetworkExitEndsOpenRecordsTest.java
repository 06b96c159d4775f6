package com.tobacco.cmw.exit;

import static com.tobacco.cmw.exit.NetworkExitProcess.Var;
import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.cmw.customer.CustomerRepository;
import com.tobacco.cmw.infochange.ChangeRequestRepository;
import com.tobacco.cmw.infochange.CustomerInfoChangeProcess;
import com.tobacco.cmw.licencewatch.LicenceRenewalReminderProcess;
import com.tobacco.cmw.support.SpringTestBase;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
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
 * The records of the instances an approved exit ends are closed too: a change request waiting for
 * the regional manager's approval is REFUSED with the note "客戶已退網" (so a later request of the
 * same field is accepted), and the licence watch marks the ended renewal reminder done.
 */
class NetworkExitEndsOpenRecordsTest extends SpringTestBase {

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired CustomerRepository customers;
  @Autowired ChangeRequestRepository requests;
  @Autowired NetworkExitRepository exits;
  @Autowired JdbcTemplate jdbc;

  ExitFixture fixture;
  LocalDate today;
  final List<String> codes = new ArrayList<>();

  @BeforeEach
  void setUp() {
    fixture = new ExitFixture(jdbc, customers, runtimeService);
    today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
  }

  @AfterEach
  void cleanUp() {
    identityService.clearAuthentication();
    for (String code : fixture.codes()) {
      jdbc.update("DELETE FROM cm_customer_change_item WHERE request_id IN (SELECT id FROM cm_customer_change_request "
          + "WHERE customer_code = ?)", code);
      jdbc.update("DELETE FROM cm_customer_change_request WHERE customer_code = ?", code);
    }
    fixture.cleanUp();
  }

  @Test
  void anExitClosesAWaitingChangeRequestAndTheRenewalReminder() {
    String code = fixture.customer("zhangwei", "EAST", today.plusDays(20));
    ProcessInstance change = startChange(code);
    assertThat(taskService.createTaskQuery().processInstanceId(change.getId()).singleResult().getTaskDefinitionKey())
        .isEqualTo(CustomerInfoChangeProcess.Element.APPROVE);
    assertThat(requests.openApprovalFields(code, List.of(com.tobacco.cmw.infochange.ChangeField.LICENCE_EXPIRY))).isNotEmpty();
    jdbc.update("INSERT INTO cm_licence_watch (customer_code, licence_expiry, reminder_started_at) VALUES (?,?,CURRENT_TIMESTAMP)",
        code, today.plusDays(20));
    Map<String, Object> v = new HashMap<>();
    v.put(LicenceRenewalReminderProcess.Var.CUSTOMER_CODE, code);
    v.put(LicenceRenewalReminderProcess.Var.CUSTOMER_NAME, "測試");
    v.put(LicenceRenewalReminderProcess.Var.LICENCE_NO, "330102190000");
    v.put(LicenceRenewalReminderProcess.Var.LICENCE_EXPIRY, today.plusDays(20).toString());
    v.put(LicenceRenewalReminderProcess.Var.MANAGER_ID, "zhangwei");
    v.put(LicenceRenewalReminderProcess.Var.REMINDER_DUE, new Date(System.currentTimeMillis() + 86_400_000L));
    ProcessInstance reminder = runtimeService.startProcessInstanceByKey(LicenceRenewalReminderProcess.PROCESS_KEY, code, v);
    jdbc.update("UPDATE cm_licence_watch SET reminder_instance_id = ? WHERE customer_code = ?", reminder.getId(), code);

    ProcessInstance exit = startExit(code);
    complete(exit, "zhangwei", List.of("customer-managers"),
        Map.of(Var.ALL_SETTLED, true, Var.VERIFICATION_NOTES, "申請隨退網終止"));
    complete(exit, "wangfang", List.of("regional-managers", "regional-managers-east"), Map.of(Var.DECISION, "APPROVED"));
    managementService.executeJob(managementService.createJobQuery().processInstanceId(exit.getId()).singleResult().getId());

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(change.getId()).count()).isZero();
    ChangeRequestRepository.Request request = requests.ofProcessInstance(change.getId());
    assertThat(request.status()).isEqualTo(ChangeRequestRepository.Status.REFUSED);
    assertThat(request.outcomeNote()).contains("客戶已退網");
    assertThat(requests.openApprovalFields(code, List.of(com.tobacco.cmw.infochange.ChangeField.LICENCE_EXPIRY))).isEmpty();
    Map<String, Object> row = jdbc.queryForMap("SELECT reminder_done_at, reminder_notes FROM cm_licence_watch WHERE customer_code = ?", code);
    assertThat(row.get("reminder_done_at")).isNotNull();
    assertThat((String) row.get("reminder_notes")).contains("客戶已退網");

    // re-enrolled under the same code (here: made ACTIVE again), the same field can be asked for again
    jdbc.update("UPDATE cm_customer SET status = 'ACTIVE', exit_date = NULL, exit_reason = NULL WHERE customer_code = ?", code);
    ProcessInstance again = startChange(code);
    assertThat(taskService.createTaskQuery().processInstanceId(again.getId()).singleResult().getTaskDefinitionKey())
        .isEqualTo(CustomerInfoChangeProcess.Element.APPROVE);
  }

  @Test
  void anExitDeletedWithCustomListenersSkippedNoLongerBlocksANewExit() {
    String code = fixture.customer("zhangwei", "EAST", today.plusYears(2));
    ProcessInstance first = startExit(code);
    runtimeService.deleteProcessInstance(first.getId(), "cancelled in Cockpit", true, true);
    ProcessInstance second = startExit(code);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(second.getId()).count()).isOne();
    NetworkExitRepository.NetworkExit voided = exits.ofProcessInstance(first.getId());
    assertThat(voided.status()).isEqualTo(NetworkExitRepository.Status.WITHDRAWN);
    assertThat(exits.running(code)).get().extracting(NetworkExitRepository.NetworkExit::processInstanceId)
        .isEqualTo(second.getId());
  }

  @Test
  void aChangeRequestDeletedWithCustomListenersSkippedNoLongerHoldsItsField() {
    String code = fixture.customer("zhangwei", "EAST", today.plusYears(2));
    ProcessInstance first = startChange(code);
    runtimeService.deleteProcessInstance(first.getId(), "cancelled in Cockpit", true, true);
    ProcessInstance second = startChange(code);
    assertThat(taskService.createTaskQuery().processInstanceId(second.getId()).singleResult().getTaskDefinitionKey())
        .isEqualTo(CustomerInfoChangeProcess.Element.APPROVE);
    assertThat(requests.ofProcessInstance(first.getId()).status()).isEqualTo(ChangeRequestRepository.Status.REFUSED);
  }

  @Test
  void anAdministratorsCancellationClosesTheExitAndTheChangeRequestAtOnce() {
    String code = fixture.customer("zhangwei", "EAST", today.plusYears(2));
    ProcessInstance exit = startExit(code);
    ProcessInstance change = startChange(code);
    runtimeService.deleteProcessInstance(exit.getId(), "cancelled in Cockpit");
    runtimeService.deleteProcessInstance(change.getId(), "cancelled in Cockpit");
    NetworkExitRepository.NetworkExit closed = exits.ofProcessInstance(exit.getId());
    assertThat(closed.status()).isEqualTo(NetworkExitRepository.Status.WITHDRAWN);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cm_network_exit WHERE open_customer_code = ?", Integer.class, code))
        .isZero();
    assertThat(requests.ofProcessInstance(change.getId()).status()).isEqualTo(ChangeRequestRepository.Status.REFUSED);
    assertThat(requests.ofProcessInstance(change.getId()).outcomeNote()).contains("流程實例已被終止");
  }

  private ProcessInstance startChange(String code) {
    identityService.setAuthentication("zhangwei", List.of("customer-managers"));
    try {
      return runtimeService.startProcessInstanceByKey(CustomerInfoChangeProcess.PROCESS_KEY,
          Map.of(CustomerInfoChangeProcess.Var.CUSTOMER_CODE, code, CustomerInfoChangeProcess.Var.NEW_LICENCE_EXPIRY,
              today.plusYears(3).toString(), CustomerInfoChangeProcess.Var.CHANGE_REASON, "許可證已延續"));
    } finally {
      identityService.clearAuthentication();
    }
  }

  private ProcessInstance startExit(String code) {
    identityService.setAuthentication("zhangwei", List.of("customer-managers"));
    try {
      return runtimeService.startProcessInstanceByKey(NetworkExitProcess.PROCESS_KEY,
          Map.of(Var.CUSTOMER_CODE, code, Var.REASON, "STORE_CLOSED"));
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void complete(ProcessInstance pi, String user, List<String> groups, Map<String, Object> variables) {
    String taskId = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();
    identityService.setAuthentication(user, groups);
    try {
      taskService.complete(taskId, variables);
    } finally {
      identityService.clearAuthentication();
    }
  }
}

package com.tobacco.cmw.visit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tobacco.cmw.calendar.WorkCalendar;
import com.tobacco.cmw.support.SpringTestBase;
import com.tobacco.cmw.support.VisitRows;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo's finished visits: one each for zhangwei and lina, started and completed as them (the
 * history and operation log name them), recorded and ended; nothing more once a visit has ended.
 * Rows and history created here are removed after the test.
 */
class VisitDemoTest extends SpringTestBase {

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired WorkCalendar calendar;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  final List<String> instances = new ArrayList<>();
  final List<Map<String, Object>> stockBefore = new ArrayList<>();
  final List<String> customers = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    for (String pi : instances) {
      VisitRows.delete(runtimeService, jdbc, pi);
      historyService.deleteHistoricProcessInstanceIfExists(pi);
    }
    VisitRows.restoreStock(jdbc, customers, stockBefore);
  }

  @Test
  void zhangweiAndLinaEachFinishAVisitInTheirOwnNameAndASecondStartAddsNone() {
    for (String manager : VisitDemo.MANAGERS) {
      customers.addAll(jdbc.queryForList("SELECT customer_code FROM cm_customer WHERE manager_id = ? AND status = 'ACTIVE'",
          String.class, manager));
    }
    stockBefore.addAll(VisitRows.stockOf(jdbc, customers));
    VisitDemo demo = new VisitDemo(runtimeService, taskService, historyService, identityService, calendar, jdbc, json, true);

    instances.addAll(demo.visitOnce());
    assertThat(instances).hasSize(2);
    for (String pi : instances) {
      for (int i = 0; i < 10; i++) {
        List<Job> jobs = managementService.createJobQuery().processInstanceId(pi).executable().list();
        jobs.forEach(job -> managementService.executeJob(job.getId()));
      }
    }
    List<String> completedBy = new ArrayList<>();
    for (String pi : instances) {
      HistoricProcessInstance visit = historyService.createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult();
      assertThat(visit.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
      assertThat(visit.getBusinessKey()).isIn(customers);
      historyService.createUserOperationLogQuery().processInstanceId(pi)
          .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list()
          .forEach(e -> completedBy.add(e.getUserId()));
      assertThat(visit.getStartUserId()).isIn(VisitDemo.MANAGERS);
    }
    assertThat(completedBy).containsExactlyInAnyOrder("zhangwei", "lina");

    // a restart with the same database: a customerVisit has ended, nothing is started
    long before = historyService.createHistoricProcessInstanceQuery().processDefinitionKey("customerVisit").count();
    demo.run();
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("customerVisit").count())
        .isEqualTo(before);
  }
}

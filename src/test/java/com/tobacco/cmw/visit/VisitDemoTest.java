package com.tobacco.cmw.visit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tobacco.cmw.calendar.WorkCalendar;
import com.tobacco.cmw.support.SpringTestBase;
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
      if (runtimeService.createProcessInstanceQuery().processInstanceId(pi).count() > 0) {
        runtimeService.deleteProcessInstance(pi, "test clean-up");
      }
      for (Long visitId : jdbc.queryForList("SELECT id FROM cm_visit WHERE process_instance_id = ?", Long.class, pi)) {
        for (String table : List.of("cm_visit_brand_check", "cm_sign_in_record", "cm_special_visit_record",
            "cm_downgrade_request", "cm_unlicensed_sighting")) {
          jdbc.update("DELETE FROM " + table + " WHERE visit_id = ?", visitId);
        }
        jdbc.update("DELETE FROM cm_visit WHERE id = ?", visitId);
      }
      historyService.deleteHistoricProcessInstanceIfExists(pi);
    }
    for (String customer : customers) {
      jdbc.update("DELETE FROM cm_stock WHERE customer_code = ?", customer);
    }
    for (Map<String, Object> row : stockBefore) {
      jdbc.update("INSERT INTO cm_stock (customer_code, brand_code, quantity_cartons, counted_at, visit_id) VALUES (?,?,?,?,?)",
          row.get("CUSTOMER_CODE"), row.get("BRAND_CODE"), row.get("QUANTITY_CARTONS"), row.get("COUNTED_AT"),
          row.get("VISIT_ID"));
    }
  }

  @Test
  void zhangweiAndLinaEachFinishAVisitInTheirOwnNameAndASecondStartAddsNone() {
    for (String manager : VisitDemo.MANAGERS) {
      customers.addAll(jdbc.queryForList("SELECT customer_code FROM cm_customer WHERE manager_id = ? AND status = 'ACTIVE'",
          String.class, manager));
    }
    for (String customer : customers) {
      stockBefore.addAll(jdbc.queryForList("SELECT * FROM cm_stock WHERE customer_code = ?", customer));
    }
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

package com.tobacco.cmw.visit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tobacco.cmw.calendar.WorkCalendar;
import com.tobacco.cmw.config.SetupStep;
import com.tobacco.cmw.visit.CustomerVisitProcess.Var;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Demo: one finished customer visit each for zhangwei and lina at the first start, done as they
 * would do it (started and the form completed as the manager, so the history names them), so the
 * auditors' history page in Cockpit has a finished visit to open. The recording step runs on the
 * job executor. Does nothing once any customerVisit has ended (a restart with the same database).
 */
@Component
@Profile("demo")
@Order(45)
public class VisitDemo implements SetupStep {

  static final List<String> MANAGERS = List.of("zhangwei", "lina");
  private static final Logger log = LoggerFactory.getLogger(VisitDemo.class);

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final HistoryService historyService;
  private final IdentityService identityService;
  private final WorkCalendar calendar;
  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final boolean enabled;

  public VisitDemo(RuntimeService runtimeService, TaskService taskService, HistoryService historyService,
                   IdentityService identityService, WorkCalendar calendar, JdbcTemplate jdbc, ObjectMapper json,
                   @Value("${cmw.visit.demo-finished-visits:true}") boolean enabled) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.historyService = historyService;
    this.identityService = identityService;
    this.calendar = calendar;
    this.jdbc = jdbc;
    this.json = json;
    this.enabled = enabled;
  }

  @Override
  public void run() {
    if (!enabled || historyService.createHistoricProcessInstanceQuery().processDefinitionKey(CustomerVisitProcess.PROCESS_KEY)
        .finished().count() > 0) {
      return;
    }
    visitOnce();
  }

  /** One visit per demo manager, started and completed as the manager; the instances started. */
  List<String> visitOnce() {
    List<String> started = new java.util.ArrayList<>();
    for (String manager : MANAGERS) {
      String customer = jdbc.queryForList("SELECT customer_code FROM cm_customer WHERE manager_id = ? AND status = 'ACTIVE' "
          + "ORDER BY customer_code", String.class, manager).stream()
          .filter(code -> runtimeService.createProcessInstanceQuery().processDefinitionKey(CustomerVisitProcess.PROCESS_KEY)
              .processInstanceBusinessKey(code).count() == 0)
          .findFirst().orElse(null);
      if (customer == null) {
        continue;
      }
      List<String> groups = identityService.createGroupQuery().groupMember(manager).list().stream().map(Group::getId).toList();
      identityService.setAuthentication(manager, groups);
      try {
        ProcessInstance visit = runtimeService.createProcessInstanceByKey(CustomerVisitProcess.PROCESS_KEY)
            .setVariable(Var.CUSTOMER_CODE, customer)
            .setVariable(Var.PLANNED_DATE, calendar.firstWorkingDayOnOrAfter(calendar.today()).toString())
            .execute();
        Task task = taskService.createTaskQuery().processInstanceId(visit.getId()).singleResult();
        taskService.complete(task.getId(), report(visit.getId()));
        started.add(visit.getId());
        log.info("Demo: {} visited {} (customerVisit {})", manager, customer, visit.getId());
      } finally {
        identityService.clearAuthentication();
      }
    }
    return started;
  }

  /** The visit form as a manager fills it: every brand row counted and priced one yuan above the minimum. */
  private Map<String, Object> report(String processInstanceId) {
    List<Map<String, Object>> rows;
    try {
      rows = json.readValue(String.valueOf(runtimeService.getVariable(processInstanceId, Var.BRAND_CHECKS)),
          new TypeReference<List<Map<String, Object>>>() {});
      for (Map<String, Object> row : rows) {
        row.put("stockCartons", 3);
        row.put("shelfPricePack", new BigDecimal(row.get("minPricePack").toString()).add(BigDecimal.ONE));
      }
      Map<String, Object> v = new HashMap<>();
      v.put(Var.INFO_PASSED_ON, "傳達本月新品上市及價格政策");
      v.put(Var.INFO_COLLECTED, "客戶反映細支煙需求增加");
      v.put(Var.BRAND_CHECKS, SpinValues.jsonValue(json.writeValueAsString(rows)).create());
      v.put(Var.DISPLAY_WORK, "整理柜臺陳列,更換標價簽");
      v.put(Var.LAWFUL_OBSERVATION, "亮證經營,未見異常");
      v.put(Var.CUSTOMER_SIGNER_NAME, "店主");
      v.put(Var.CUSTOMER_CONFIRMED, true);
      return v;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("demo visit report", e);
    }
  }
}

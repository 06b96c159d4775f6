package com.tobacco.cmw.promotion;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the promotion tests share: starting a campaign as the brand manager, completing tasks as a
 * given user, running the instance's jobs (the job executor is off in tests), and removing every
 * promotion row and instance afterwards (no other test or demo step creates campaigns).
 */
final class PromotionFixture {

  static final List<String> BRAND = List.of("brand-managers");
  static final List<String> MANAGER = List.of("customer-managers");
  static final List<String> REGIONAL_EAST = List.of("regional-managers", "regional-managers-east");
  static final List<String> REGIONAL_WEST = List.of("regional-managers", "regional-managers-west");

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final IdentityService identity;
  private final JdbcTemplate jdbc;

  PromotionFixture(RuntimeService runtime, TaskService tasks, ManagementService management, IdentityService identity,
                   JdbcTemplate jdbc) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.identity = identity;
    this.jdbc = jdbc;
  }

  /** Start variables of a valid campaign; tests change single entries. */
  static Map<String, Object> campaign(String regions, int slots, String items) {
    Map<String, Object> v = new HashMap<>();
    v.put("brandCode", "B001");
    String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
    v.put("periodFrom", today);
    v.put("periodTo", java.time.LocalDate.parse(today).plusMonths(1).toString());
    v.put("regions", regions);
    v.put("slots", slots);
    v.put("items", items);
    return v;
  }

  ProcessInstance start(Map<String, Object> variables) {
    identity.setAuthentication("liuyang", BRAND);
    try {
      return runtime.startProcessInstanceByKey(PromotionSelectionProcess.PROCESS_KEY, variables);
    } finally {
      identity.clearAuthentication();
    }
  }

  void complete(String user, List<String> groups, Task task, Map<String, Object> variables) {
    identity.setAuthentication(user, groups);
    try {
      if (task.getAssignee() == null) {
        tasks.claim(task.getId(), user);
      }
      tasks.complete(task.getId(), variables);
    } finally {
      identity.clearAuthentication();
    }
  }

  List<Task> tasks(ProcessInstance pi, String key) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).orderByTaskAssignee().asc().list();
  }

  /** Runs the instance's jobs until none is left (asynchronous steps and multi-instance completions). */
  void runJobs(ProcessInstance pi) {
    for (int round = 0; round < 100; round++) {
      List<Job> jobs = management.createJobQuery().processInstanceId(pi.getId()).executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
    throw new IllegalStateException("jobs keep coming for " + pi.getId());
  }

  Object localVariable(Task task, String name) {
    return tasks.getVariable(task.getId(), name);
  }

  static final List<String> TABLES = List.of("cm_promotion_handout_item", "cm_promotion_handout", "cm_promotion_review",
      "cm_promotion_share", "cm_promotion_candidate", "cm_promotion_item", "cm_promotion_campaign", "cm_promotion_number");

  void cleanUp() {
    identity.clearAuthentication();
    for (ProcessInstance pi : runtime.createProcessInstanceQuery()
        .processDefinitionKey(PromotionSelectionProcess.PROCESS_KEY).list()) {
      runtime.deleteProcessInstance(pi.getId(), "test clean-up");
    }
    TABLES.forEach(t -> jdbc.update("DELETE FROM " + t));
  }

  int count(String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
  }

}

package com.tobacco.cmw.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.cmw.benchmark.BenchmarkSupport.Stats;
import com.tobacco.cmw.security.Roles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessInstanceWithVariablesImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark 2: the task-list query of a customer manager's Tasklist ("my tasks", newest first,
 * first page of 15, plus the count) over 50,000 open tasks of 100 customer managers, as that
 * authenticated user (authorization checks in the SQL) against the same query in the same engine
 * and database without an authenticated user (no authorization checks: the bare engine).
 *
 * <p>The open tasks are user tasks of process instances (the control process: start, user task
 * assigned to the manager), not standalone tasks: in this application every task comes from a
 * process, so a task row has its process instance, definition, variables and history, and the
 * authorization check also joins the process definition. Each instance gets what customerVisit
 * grants for a visit (see ProcessAccess): read on the instance and its history for the manager
 * and the region's group, and read on the task for the region's group, next to the assignee's
 * task authorization the engine creates. That is four authorization rows per open task.
 *
 * <p>Measured at a fifth of the tasks and again at all of them, so the report shows how the
 * query grows with the tasks per manager; it ends with the SQL the engine ran and H2's timing.
 *
 * <p>Runs on a fresh H2 file database, or on PostgreSQL with {@code -Dbenchmark.db.url} (see
 * {@link BenchmarkSupport#freshDatabase}); the SQL statistics are H2's and left out there.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ActiveProfiles({"demo", "benchmark"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TaskListQueryBenchmarkTest {

  static final String KEY = "benchmarkTaskListControl";
  static final int TASKS = BenchmarkSupport.intProperty("benchmark.tasklist.tasks", 50_000);
  static final int MANAGERS = BenchmarkSupport.intProperty("benchmark.tasklist.managers", 100);
  static final int QUERIES = BenchmarkSupport.intProperty("benchmark.tasklist.queries", 200);
  static final int WARMUP = BenchmarkSupport.intProperty("benchmark.tasklist.warmup", 50);
  static final int BATCH = BenchmarkSupport.intProperty("benchmark.tasklist.batch", 1000);
  static final int COMMAND = BenchmarkSupport.intProperty("benchmark.tasklist.command", 50);
  static final int PAGE = 15;
  static final List<String> GROUPS = List.of(Roles.CUSTOMER_MANAGERS);

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    BenchmarkSupport.freshDatabase("task-list", registry);
  }

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired AuthorizationService authorizationService;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate tx;

  @Test
  void tasklistQueryWithAndWithoutAuthorization() {
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(config.isAuthorizationEnabled()).as("authorizations on").isTrue();
    assertThat(config.getJobExecutor().isActive()).as("job executor off").isFalse();
    String loadBefore = BenchmarkSupport.loadAverage();

    identityService.clearAuthentication();
    repositoryService.createDeployment().name("benchmark task list")
        .addModelInstance(KEY + ".bpmn", BenchmarkSupport.controlProcess(KEY, "${assignee}", false))
        .deploy();
    ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY)
        .latestVersion().singleResult();

    List<String> managers = new ArrayList<>();
    for (int m = 1; m <= MANAGERS; m++) {
      String id = String.format(Locale.ROOT, "benchcm%03d", m);
      managers.add(id);
      User user = identityService.newUser(id);
      user.setFirstName("客戶經理 " + m);
      user.setLastName(" ");
      identityService.saveUser(user);
      identityService.createMembership(id, Roles.CUSTOMER_MANAGERS);
    }

    String[] regionGroups = {Roles.regionalManagersOf("EAST"), Roles.regionalManagersOf("WEST")};
    StringBuilder results = new StringBuilder();
    StringBuilder details = new StringBuilder();
    double setupSeconds = 0;
    int created = 0;
    double ratio = 0;
    // measured first at a fifth of the tasks, then at all of them: the same query as the data grows
    for (int target : new int[] {TASKS / 5, TASKS}) {
      long setupStarted = System.nanoTime();
      createTasks(config, definition.getId(), managers, regionGroups, created, target);
      setupSeconds += (System.nanoTime() - setupStarted) / 1e9;
      created = target;
      long openTasks = taskService.createTaskQuery().processDefinitionKey(KEY).count();
      assertThat(openTasks).isEqualTo(target);
      int perManager = target / MANAGERS;
      // the checks really run: a manager sees none of another manager's tasks
      identityService.setAuthentication(managers.get(0), GROUPS);
      try {
        assertThat(taskService.createTaskQuery().taskAssignee(managers.get(1)).count()).isZero();
      } finally {
        identityService.clearAuthentication();
      }

      long[][] t = measure(managers, perManager);
      Stats auth = Stats.ofNanos(sum(t[0], t[1]));
      Stats bare = Stats.ofNanos(sum(t[2], t[3]));
      ratio = auth.p95() / bare.p95();
      Long authorizations = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_AUTHORIZATION", Long.class);
      results.append(String.format(Locale.ROOT, "### %,d open tasks, %d per manager, %,d authorization rows%n%n",
          openTasks, perManager, authorizations));
      results.append(Stats.header()).append('\n');
      results.append(auth.row("as the user (authorization checks)")).append('\n');
      results.append(bare.row("no user (bare engine, no checks)")).append('\n');
      results.append(Stats.ofNanos(t[0]).row("— list only, as the user")).append('\n');
      results.append(Stats.ofNanos(t[1]).row("— count only, as the user")).append('\n');
      results.append(Stats.ofNanos(t[2]).row("— list only, no user")).append('\n');
      results.append(Stats.ofNanos(t[3]).row("— count only, no user")).append('\n');
      results.append(String.format(Locale.ROOT, "%nRatio p95 with/without authorization: **%.2f**%s%n%n", ratio,
          target == TASKS ? " (goal ≤ 1.5: " + (ratio <= 1.5 ? "met" : "NOT met") + ")" : ""));
      if (target == TASKS && BenchmarkSupport.onH2()) {
        details.append(sqlStatistics(managers, perManager));
      }
    }
    String loadAfter = BenchmarkSupport.loadAverage();

    StringBuilder s = new StringBuilder();
    s.append("# Benchmark 2 — task-list query\n\n");
    s.append("Date: ").append(BenchmarkSupport.now()).append("  \n");
    s.append("Machine: ").append(BenchmarkSupport.machine()).append("  \n");
    s.append("Load average before / after: ").append(loadBefore).append(" / ").append(loadAfter).append("  \n");
    s.append("Database: ").append(databaseName()).append(", history full, authorizations on, job executor off  \n");
    s.append(String.format(Locale.ROOT, "Data: %,d open tasks (control process instances) over %d customer managers, "
        + "created in %.1f s (%d per transaction, %d per engine command)  %n", created, MANAGERS, setupSeconds, BATCH, COMMAND));
    s.append(String.format(Locale.ROOT, "Query: taskAssignee(user).orderByTaskCreateTime().desc().listPage(0, %d) + count(); "
        + "%d warm-up and %d measured per variant, alternating; a sample is list + count%n%n", PAGE, WARMUP, QUERIES));
    s.append(results).append(details);
    BenchmarkSupport.write("task-list-query.md", s.toString());
    assertThat(ratio).as("the benchmark ran").isPositive();
  }

  /** Open tasks {@code from} to {@code to}, round robin over the managers. */
  private void createTasks(ProcessEngineConfigurationImpl config, String definitionId, List<String> managers,
                           String[] regionGroups, int from, int to) {
    // bulk load on H2: let it write committed data in the background while the tasks are created;
    // the embedded default (every commit written at once) is restored before anything is measured
    if (BenchmarkSupport.onH2()) {
      jdbc.execute("SET WRITE_DELAY 500");
    }
    for (int done = from; done < to; done += BATCH) {
      int batchEnd = Math.min(to, done + BATCH);
      int first = done;
      // one transaction per batch; inside it one engine command (one flush with JDBC batching) per
      // COMMAND instances: the engine's entity cache makes a flush cost grow with the square of its size
      tx.executeWithoutResult(status -> {
        for (int f = first; f < batchEnd; f += COMMAND) {
          int commandEnd = Math.min(batchEnd, f + COMMAND);
          int start = f;
          config.getCommandExecutorTxRequired().execute(commandContext -> {
            for (int i = start; i < commandEnd; i++) {
              openTask(definitionId, managers.get(i % MANAGERS), regionGroups[(i % MANAGERS) % 2]);
            }
            return null;
          });
        }
      });
    }
    if (BenchmarkSupport.onH2()) {
      jdbc.execute("SET WRITE_DELAY 0");
      jdbc.execute("CHECKPOINT");
    } else {
      // fresh planner statistics for the new rows, as autovacuum would gather them after a while
      jdbc.execute("ANALYZE");
    }
  }

  private String databaseName() {
    if (BenchmarkSupport.onH2()) {
      return "H2 file (WRITE_DELAY=0)";
    }
    return jdbc.queryForObject("SELECT version()", String.class) + " (SQL statistics are H2-only, not shown)";
  }

  /** Warm-up, then QUERIES refreshes with and without authorization, alternating: list and count times. */
  private long[][] measure(List<String> managers, int perManager) {
    long[] authList = new long[QUERIES];
    long[] authCount = new long[QUERIES];
    long[] bareList = new long[QUERIES];
    long[] bareCount = new long[QUERIES];
    for (int i = -WARMUP; i < QUERIES; i++) {
      String manager = managers.get(Math.floorMod(i * 37, MANAGERS));
      boolean authFirst = Math.floorMod(i, 2) == 0;
      for (int k = 0; k < 2; k++) {
        boolean withAuth = (k == 0) == authFirst;
        long[] timing = tasklist(manager, withAuth, perManager);
        if (i >= 0) {
          (withAuth ? authList : bareList)[i] = timing[0];
          (withAuth ? authCount : bareCount)[i] = timing[1];
        }
      }
    }
    return new long[][] {authList, authCount, bareList, bareCount};
  }

  /** A process instance waiting in its user task for the manager, with what customerVisit grants for a visit. */
  private void openTask(String definitionId, String manager, String regionGroup) {
    ProcessInstanceWithVariablesImpl pi = (ProcessInstanceWithVariablesImpl)
        runtimeService.startProcessInstanceById(definitionId, Map.of("assignee", manager));
    ExecutionEntity execution = pi.getExecutionEntity();
    List<TaskEntity> tasks = execution.getTasks();
    String piId = pi.getId();
    // see ProcessAccess.grantInstance and grantTaskOversight
    grant(manager, null, Resources.PROCESS_INSTANCE, piId, Permissions.READ);
    grant(null, regionGroup, Resources.PROCESS_INSTANCE, piId, Permissions.READ);
    grant(null, regionGroup, Resources.TASK, tasks.get(0).getId(), Permissions.READ);
  }

  /** The SQL the engine ran for 50 more refreshes of each kind, with H2's execution statistics. */
  private String sqlStatistics(List<String> managers, int perManager) {
    jdbc.execute("SET QUERY_STATISTICS FALSE");
    jdbc.execute("SET QUERY_STATISTICS TRUE");
    for (int i = 0; i < 50; i++) {
      String manager = managers.get(Math.floorMod(i * 37, MANAGERS));
      tasklist(manager, true, perManager);
      tasklist(manager, false, perManager);
    }
    List<Map<String, Object>> rows = jdbc.queryForList("SELECT SQL_STATEMENT, EXECUTION_COUNT, AVERAGE_EXECUTION_TIME, "
        + "MAX_EXECUTION_TIME, CUMULATIVE_ROW_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS "
        + "WHERE SQL_STATEMENT NOT LIKE '%QUERY_STATISTICS%' ORDER BY CUMULATIVE_EXECUTION_TIME DESC");
    jdbc.execute("SET QUERY_STATISTICS FALSE");
    StringBuilder s = new StringBuilder("SQL run by the engine (H2 query statistics over 50 more refreshes of each kind; "
        + "statement execution only):\n\n| executions | avg ms | max ms | rows | statement |\n|---:|---:|---:|---:|---|\n");
    for (Map<String, Object> r : rows) {
      s.append(String.format(Locale.ROOT, "| %d | %.2f | %.2f | %d | `%s` |%n", ((Number) r.get("EXECUTION_COUNT")).longValue(),
          ((Number) r.get("AVERAGE_EXECUTION_TIME")).doubleValue(), ((Number) r.get("MAX_EXECUTION_TIME")).doubleValue(),
          ((Number) r.get("CUMULATIVE_ROW_COUNT")).longValue(),
          String.valueOf(r.get("SQL_STATEMENT")).replaceAll("\\s+", " ").replace("|", "\\|")));
    }
    return s.toString();
  }

  /** One Tasklist refresh: the first page and the count; returns their times in nanoseconds. */
  private long[] tasklist(String manager, boolean withAuthorization, int expected) {
    if (withAuthorization) {
      identityService.setAuthentication(manager, GROUPS);
    } else {
      identityService.clearAuthentication();
    }
    try {
      long t0 = System.nanoTime();
      List<Task> page = taskService.createTaskQuery().taskAssignee(manager).orderByTaskCreateTime().desc()
          .listPage(0, PAGE);
      long t1 = System.nanoTime();
      long count = taskService.createTaskQuery().taskAssignee(manager).count();
      long t2 = System.nanoTime();
      if (page.size() != Math.min(PAGE, expected) || count != expected) {
        throw new IllegalStateException(manager + (withAuthorization ? " with" : " without") + " authorization saw "
            + page.size() + " tasks of " + count + ", expected " + expected);
      }
      return new long[] {t1 - t0, t2 - t1};
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void grant(String userId, String groupId, Resource resource, String resourceId, Permission permission) {
    Authorization a = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    a.setUserId(userId);
    a.setGroupId(groupId);
    a.setResource(resource);
    a.setResourceId(resourceId);
    a.addPermission(permission);
    authorizationService.saveAuthorization(a);
  }

  private static long[] sum(long[] a, long[] b) {
    long[] r = new long[a.length];
    for (int i = 0; i < a.length; i++) {
      r[i] = a[i] + b[i];
    }
    return r;
  }
}

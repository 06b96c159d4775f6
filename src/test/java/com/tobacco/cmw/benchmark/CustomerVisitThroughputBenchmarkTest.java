package com.tobacco.cmw.benchmark;

import com.tobacco.cmw.support.VisitReports;
import static com.tobacco.cmw.visit.CustomerVisitProcess.Var;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tobacco.cmw.benchmark.BenchmarkSupport.Stats;
import com.tobacco.cmw.calendar.WorkCalendar;
import com.tobacco.cmw.security.Roles;
import com.tobacco.cmw.visit.CustomerVisitProcess;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Benchmark 1: complete customerVisit cycles per second through the Java API, authorizations on,
 * H2 file database, against a control process with the same wait states and no delegates, in
 * the same engine and run. A cycle, as the customer manager zhangwei: start a regular visit,
 * find the task, load its variables (what the form does), complete it with a valid report; then,
 * as the job executor would (no user), execute the async job; the instance has ended.
 * Ours and the control run in alternating blocks (ABBA) after a warm-up.
 *
 * <p>To show where the difference goes, the report also gives the time per phase of a cycle,
 * the time inside the application's delegates and listeners (timed by wrapping their beans), and
 * the SQL of 50 more cycles of each from H2's query statistics.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ActiveProfiles({"demo", "benchmark"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CustomerVisitThroughputBenchmarkTest {

  static final String USER = "zhangwei";
  static final List<String> GROUPS = List.of(Roles.CUSTOMER_MANAGERS);
  static final String CONTROL_KEY = "benchmarkVisitControl";

  /** Cycles measured per process, the block size, and warm-up cycles per process. */
  static final int CYCLES = BenchmarkSupport.intProperty("benchmark.visit.cycles", 400);
  static final int BLOCK = BenchmarkSupport.intProperty("benchmark.visit.block", 50);
  static final int WARMUP = BenchmarkSupport.intProperty("benchmark.visit.warmup", 100);
  static final int SQL_PROFILE_CYCLES = 50;
  private static final Pattern TABLE = Pattern.compile("(?is)^\\s*(?:(insert)\\s+into\\s+(\\w+)|(update)\\s+(\\w+)"
      + "|(delete)\\s+(?:from\\s+)?(\\w+)|(select)\\b.*?\\bfrom\\s+(\\w+))");

  /** Time spent inside the application's delegates and listeners during the measured rounds: count, nanoseconds. */
  static final Map<String, long[]> DELEGATE_TIME = new ConcurrentHashMap<>();
  static volatile boolean timingDelegates;

  /** Wraps the application's delegates and task listeners to time them (names as used in the BPMN). */
  @TestConfiguration
  static class DelegateTiming {
    @Bean
    static BeanPostProcessor delegateTimer() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          if (!bean.getClass().getName().startsWith("com.tobacco.cmw.")) {
            return bean;
          }
          if (bean instanceof JavaDelegate delegate) {
            return (JavaDelegate) execution -> timed(name, () -> delegate.execute(execution));
          }
          if (bean instanceof TaskListener listener) {
            return (TaskListener) task -> {
              try {
                timed(name, () -> listener.notify(task));
              } catch (RuntimeException e) {
                throw e;
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            };
          }
          return bean;
        }
      };
    }
  }

  interface Work {
    void run() throws Exception;
  }

  static void timed(String name, Work work) throws Exception {
    long started = System.nanoTime();
    try {
      work.run();
    } finally {
      if (timingDelegates) {
        long took = System.nanoTime() - started;
        DELEGATE_TIME.compute(name, (k, v) -> {
          long[] t = v == null ? new long[2] : v;
          t[0]++;
          t[1] += took;
          return t;
        });
      }
    }
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    BenchmarkSupport.freshFileDatabase("visit-throughput", registry);
  }

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired AuthorizationService authorizationService;
  @Autowired WorkCalendar calendar;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;

  private List<String> customers;
  private String plannedDate;
  /** The control has no pre-filled rows; it is given the rows of a real visit, so the client does the same work. */
  private String controlRows;
  private int next;

  @Test
  void customerVisitAgainstControl() {
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(config.isAuthorizationEnabled()).as("authorizations on").isTrue();
    assertThat(config.getJobExecutor().isActive()).as("job executor off").isFalse();
    assertThat(config.getHistory()).isEqualTo("full");
    String loadBefore = BenchmarkSupport.loadAverage();

    identityService.clearAuthentication();
    repositoryService.createDeployment().name("benchmark control")
        .addModelInstance(CONTROL_KEY + ".bpmn", BenchmarkSupport.controlProcess(CONTROL_KEY, "${initiator}", true))
        .deploy();
    // what the customer managers' group has for customerVisit (AccessSetup), for the control, to zhangwei
    grantToUser(USER, Resources.PROCESS_DEFINITION, CONTROL_KEY, Permissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
    grantToUser(USER, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);

    customers = jdbc.queryForList("SELECT customer_code FROM cm_customer WHERE manager_id = ? AND status = 'ACTIVE' "
        + "ORDER BY customer_code", String.class, USER);
    assertThat(customers).isNotEmpty();
    plannedDate = calendar.firstWorkingDayOnOrAfter(calendar.today()).toString();

    // first a real visit gives the rows the control is completed with
    controlRows = null;
    cycle(CustomerVisitProcess.PROCESS_KEY);
    assertThat(controlRows).isNotNull();

    long warmupStarted = System.nanoTime();
    for (int i = 0; i < WARMUP; i += 25) {
      block(CustomerVisitProcess.PROCESS_KEY, 25);
      block(CONTROL_KEY, 25);
    }
    double warmupSeconds = (System.nanoTime() - warmupStarted) / 1e9;

    List<Long> oursCycles = new ArrayList<>();
    List<Long> controlCycles = new ArrayList<>();
    long oursNanos = 0;
    long controlNanos = 0;
    int rounds = Math.max(1, CYCLES / BLOCK);
    measuring = true;
    timingDelegates = true;
    for (int r = 0; r < rounds; r++) {
      boolean oursFirst = r % 2 == 0;
      for (int half = 0; half < 2; half++) {
        boolean ours = (half == 0) == oursFirst;
        long started = System.nanoTime();
        long[] each = block(ours ? CustomerVisitProcess.PROCESS_KEY : CONTROL_KEY, BLOCK);
        long took = System.nanoTime() - started;
        for (long e : each) {
          (ours ? oursCycles : controlCycles).add(e);
        }
        if (ours) {
          oursNanos += took;
        } else {
          controlNanos += took;
        }
      }
    }

    measuring = false;
    timingDelegates = false;
    String loadAfter = BenchmarkSupport.loadAverage();

    // where the database time goes: the SQL of a few more cycles of each, from H2's statistics
    Map<String, long[]> oursSql = sqlProfile(CustomerVisitProcess.PROCESS_KEY, SQL_PROFILE_CYCLES);
    Map<String, long[]> controlSql = sqlProfile(CONTROL_KEY, SQL_PROFILE_CYCLES);

    long oursEnded = runtimeService.createProcessInstanceQuery().processDefinitionKey(CustomerVisitProcess.PROCESS_KEY).count();
    assertThat(oursEnded).as("no visit left open").isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cm_visit WHERE status = 'DONE'", Long.class))
        .isGreaterThanOrEqualTo(oursCycles.size());

    double oursRate = oursCycles.size() / (oursNanos / 1e9);
    double controlRate = controlCycles.size() / (controlNanos / 1e9);
    double ratio = oursRate / controlRate;
    Stats oursStats = Stats.ofNanos(oursCycles.stream().mapToLong(Long::longValue).toArray());
    Stats controlStats = Stats.ofNanos(controlCycles.stream().mapToLong(Long::longValue).toArray());

    StringBuilder s = new StringBuilder();
    s.append("# Benchmark 1 — customerVisit throughput\n\n");
    s.append("Date: ").append(BenchmarkSupport.now()).append("  \n");
    s.append("Machine: ").append(BenchmarkSupport.machine()).append("  \n");
    s.append("Load average before / after: ").append(loadBefore).append(" / ").append(loadAfter).append("  \n");
    s.append("Database: H2 file (WRITE_DELAY=0), history full, authorizations on, job executor off, as user ")
        .append(USER).append(" ").append(GROUPS).append("  \n");
    s.append(String.format(Locale.ROOT, "Warm-up: %d cycles per process in %.1f s; measured: %d rounds of %d cycles per process, ABBA order%n%n",
        WARMUP, warmupSeconds, rounds, BLOCK));
    s.append("| process | cycles | seconds | cycles/s |\n|---|---:|---:|---:|\n");
    s.append(String.format(Locale.ROOT, "| customerVisit (ours) | %d | %.2f | %.1f |%n", oursCycles.size(), oursNanos / 1e9, oursRate));
    s.append(String.format(Locale.ROOT, "| control (model API, no delegates) | %d | %.2f | %.1f |%n", controlCycles.size(), controlNanos / 1e9, controlRate));
    s.append(String.format(Locale.ROOT, "%nRatio ours/control: **%.2f** (goal ≥ 0.80: %s)%n%n", ratio, ratio >= 0.8 ? "met" : "NOT met"));
    s.append("Time per cycle:\n\n").append(Stats.header()).append('\n');
    s.append(oursStats.row("customerVisit")).append('\n');
    s.append(controlStats.row("control")).append('\n');
    s.append('\n').append(phaseBreakdown()).append('\n');
    s.append(delegateBreakdown(oursCycles.size(), oursStats.mean() - controlStats.mean())).append('\n');
    s.append(sqlBreakdown(oursSql, controlSql)).append('\n');
    BenchmarkSupport.write("customer-visit-throughput.md", s.toString());
  }

  // ------------------------------------------------------------------ one cycle

  private long[] block(String key, int n) {
    long[] each = new long[n];
    for (int i = 0; i < n; i++) {
      long started = System.nanoTime();
      cycle(key);
      each[i] = System.nanoTime() - started;
    }
    return each;
  }

  /** Time spent per phase over the measured rounds (nanoseconds), per process key. */
  private final Map<String, long[]> phases = new HashMap<>();
  private boolean measuring;
  private static final String[] PHASES = {"start", "task query + variables", "complete", "job query + execute", "ended check"};

  private void cycle(String key) {
    long[] phase = measuring ? phases.computeIfAbsent(key, k -> new long[PHASES.length + 1]) : new long[PHASES.length + 1];
    long t0 = System.nanoTime();
    String customer = customers.get(next++ % customers.size());
    identityService.setAuthentication(USER, GROUPS);
    String processInstanceId;
    try {
      ProcessInstance pi = runtimeService.startProcessInstanceByKey(key,
          Map.of(Var.CUSTOMER_CODE, customer, Var.PLANNED_DATE, plannedDate));
      processInstanceId = pi.getId();
      long t1 = System.nanoTime();
      phase[0] += t1 - t0;

      Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
      Map<String, Object> variables = taskService.getVariables(task.getId());
      Object prefilled = variables.get(Var.BRAND_CHECKS);
      String rows = prefilled != null ? prefilled.toString() : controlRows;
      if (controlRows == null) {
        controlRows = rows;
      }
      Map<String, Object> report = VisitReports.report(json, VisitReports.filledRows(json, rows, null), "張老闆");
      long t2 = System.nanoTime();
      phase[1] += t2 - t1;

      taskService.complete(task.getId(), report);
      phase[2] += System.nanoTime() - t2;
    } finally {
      identityService.clearAuthentication();
    }
    // the job executor runs without a user
    long t3 = System.nanoTime();
    Job job = managementService.createJobQuery().processInstanceId(processInstanceId).singleResult();
    managementService.executeJob(job.getId());
    long t4 = System.nanoTime();
    phase[3] += t4 - t3;
    if (runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() != 0) {
      throw new IllegalStateException(key + " instance " + processInstanceId + " did not end");
    }
    phase[4] += System.nanoTime() - t4;
    phase[PHASES.length]++;
  }

  /**
   * Runs {@code n} cycles with H2's query statistics on and sums them per statement kind and
   * table: executions and statement time (parsing and commits not included), per cycle.
   */
  private Map<String, long[]> sqlProfile(String key, int n) {
    jdbc.execute("SET QUERY_STATISTICS FALSE");
    jdbc.execute("SET QUERY_STATISTICS_MAX_ENTRIES 2000");
    jdbc.execute("SET QUERY_STATISTICS TRUE");
    for (int i = 0; i < n; i++) {
      cycle(key);
    }
    List<Map<String, Object>> rows = jdbc.queryForList(
        "SELECT SQL_STATEMENT, EXECUTION_COUNT, CUMULATIVE_EXECUTION_TIME FROM INFORMATION_SCHEMA.QUERY_STATISTICS");
    jdbc.execute("SET QUERY_STATISTICS FALSE");
    Map<String, long[]> byTable = new TreeMap<>();
    for (Map<String, Object> row : rows) {
      String sql = String.valueOf(row.get("SQL_STATEMENT"));
      if (sql.toUpperCase(Locale.ROOT).contains("QUERY_STATISTICS")) {
        continue;
      }
      String group = classify(sql);
      long[] sum = byTable.computeIfAbsent(group, g -> new long[3]);
      sum[0] += ((Number) row.get("EXECUTION_COUNT")).longValue();
      sum[1] += Math.round(((Number) row.get("CUMULATIVE_EXECUTION_TIME")).doubleValue() * 1000); // µs
      sum[2] = n;
    }
    return byTable;
  }

  /** "INSERT ACT_HI_VARINST", "SELECT CM_SALES_LINE", ...: the kind and the (first) table of a statement. */
  static String classify(String sql) {
    Matcher m = TABLE.matcher(sql);
    if (m.find()) {
      for (int g = 1; g <= m.groupCount(); g += 2) {
        if (m.group(g) != null) {
          return (m.group(g) + " " + m.group(g + 1)).toUpperCase(Locale.ROOT);
        }
      }
    }
    return sql.strip().split("\\s+")[0].toUpperCase(Locale.ROOT);
  }

  private String sqlBreakdown(Map<String, long[]> ours, Map<String, long[]> control) {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "SQL per cycle (H2 query statistics over %d more cycles of each; statement "
        + "execution only, without parsing and commits):%n%n", SQL_PROFILE_CYCLES));
    long[] oursTotal = total(ours);
    long[] controlTotal = total(control);
    s.append("| | statements | statement ms |\n|---|---:|---:|\n");
    s.append(String.format(Locale.ROOT, "| customerVisit | %.1f | %.2f |%n", oursTotal[0] / (double) SQL_PROFILE_CYCLES,
        oursTotal[1] / 1000.0 / SQL_PROFILE_CYCLES));
    s.append(String.format(Locale.ROOT, "| control | %.1f | %.2f |%n%n", controlTotal[0] / (double) SQL_PROFILE_CYCLES,
        controlTotal[1] / 1000.0 / SQL_PROFILE_CYCLES));
    s.append("By statement kind and table, per cycle, customerVisit's most expensive first:\n\n");
    s.append("| statement | customerVisit count | customerVisit ms | control count | control ms |\n|---|---:|---:|---:|---:|\n");
    TreeSet<String> all = new TreeSet<>(ours.keySet());
    all.addAll(control.keySet());
    List<String> groups = new ArrayList<>(all);
    groups.sort(Comparator.comparingLong((String g) -> ours.getOrDefault(g, new long[3])[1]).reversed());
    for (String g : groups) {
      long[] o = ours.getOrDefault(g, new long[3]);
      long[] c = control.getOrDefault(g, new long[3]);
      s.append(String.format(Locale.ROOT, "| %s | %.1f | %.2f | %.1f | %.2f |%n", g, o[0] / (double) SQL_PROFILE_CYCLES,
          o[1] / 1000.0 / SQL_PROFILE_CYCLES, c[0] / (double) SQL_PROFILE_CYCLES, c[1] / 1000.0 / SQL_PROFILE_CYCLES));
    }
    return s.toString();
  }

  private static long[] total(Map<String, long[]> byTable) {
    long[] t = new long[2];
    for (long[] v : byTable.values()) {
      t[0] += v[0];
      t[1] += v[1];
    }
    return t;
  }

  private String delegateBreakdown(int cycles, double extraMs) {
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "customerVisit takes %.1f ms more per cycle than the "
        + "control (mean). Time inside the application's delegates and listeners, per measured cycle:%n%n"
        + "| bean | calls per cycle | ms per cycle |%n|---|---:|---:|%n", extraMs));
    double inside = 0;
    for (Map.Entry<String, long[]> e : new TreeMap<>(DELEGATE_TIME).entrySet()) {
      double ms = e.getValue()[1] / 1e6 / cycles;
      inside += ms;
      s.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f |%n", e.getKey(), e.getValue()[0] / (double) cycles, ms));
    }
    s.append(String.format(Locale.ROOT, "| **all** | | **%.2f** |%n%nThe rest of the difference (%.1f ms) is engine work "
        + "for what the model adds: more variables (written, read, deleted, with history), the boundary timer job, "
        + "the per-instance authorizations the delegates write, expressions and history of the extra activities.%n",
        inside, extraMs - inside));
    return s.toString();
  }

  private String phaseBreakdown() {
    StringBuilder s = new StringBuilder("Mean time per phase of a measured cycle, ms:\n\n| phase | customerVisit | control |\n|---|---:|---:|\n");
    long[] ours = phases.get(CustomerVisitProcess.PROCESS_KEY);
    long[] control = phases.get(CONTROL_KEY);
    for (int i = 0; i < PHASES.length; i++) {
      s.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f |%n", PHASES[i],
          ours[i] / 1e6 / ours[PHASES.length], control[i] / 1e6 / control[PHASES.length]));
    }
    return s.toString();
  }

  private void grantToUser(String userId, Resource resource, String resourceId, Permission... permissions) {
    Authorization a = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    a.setUserId(userId);
    a.setResource(resource);
    a.setResourceId(resourceId);
    for (Permission p : permissions) {
      a.addPermission(p);
    }
    authorizationService.saveAuthorization(a);
  }
}

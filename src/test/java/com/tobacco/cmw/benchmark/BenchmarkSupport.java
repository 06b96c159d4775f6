package com.tobacco.cmw.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What the benchmarks share: a fresh H2 file database per benchmark (or an emptied server
 * database, see {@link #freshDatabase}), the control process,
 * latency statistics and the result files under {@code target/benchmarks}.
 */
final class BenchmarkSupport {

  static final Path RESULTS = Path.of("target", "benchmarks");
  static final Path DATABASES = Path.of("target", "benchmark-db");

  /** JDBC URL of a server database to run on instead of H2 ({@code -Dbenchmark.db.url}); blank: H2. */
  static final String DB_URL = System.getProperty("benchmark.db.url", "").trim();

  private BenchmarkSupport() {}

  /** Whether the benchmark runs on its H2 file database (no {@code benchmark.db.url} given). */
  static boolean onH2() {
    return DB_URL.isEmpty();
  }

  /**
   * The H2 file database of {@link #freshFileDatabase}, or, with {@code -Dbenchmark.db.url}
   * (user {@code benchmark.db.user}, password {@code benchmark.db.password}), that server
   * database with its {@code public} schema dropped and created again: all of its data is
   * deleted, so it must be a database of its own.
   */
  static void freshDatabase(String name, DynamicPropertyRegistry registry) {
    if (onH2()) {
      freshFileDatabase(name, registry);
      return;
    }
    String user = System.getProperty("benchmark.db.user", "postgres");
    String password = System.getProperty("benchmark.db.password", "");
    try (Connection c = DriverManager.getConnection(DB_URL, user, password); Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA IF EXISTS public CASCADE");
      st.execute("CREATE SCHEMA public");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot empty the benchmark database " + DB_URL, e);
    }
    registry.add("spring.datasource.url", () -> DB_URL);
    registry.add("spring.datasource.username", () -> user);
    registry.add("spring.datasource.password", () -> password);
  }

  /**
   * Deletes {@code target/benchmark-db/<name>} and points the application at a new H2 file
   * database there, with the same settings as the embedded default (commits written at once).
   * Called from {@code @DynamicPropertySource}, i.e. before the Spring context starts. For
   * experiments, {@code -Dbenchmark.h2.options=";QUERY_CACHE_SIZE=100"} appends to the URL.
   */
  static void freshFileDatabase(String name, DynamicPropertyRegistry registry) {
    Path dir = DATABASES.resolve(name);
    deleteRecursively(dir);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String url = "jdbc:h2:file:./" + DATABASES.resolve(name).resolve("cmw").toString().replace('\\', '/')
        + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0" + System.getProperty("benchmark.h2.options", "");
    registry.add("spring.datasource.url", () -> url);
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The control process: the wait states of customerVisit's no-violation path and nothing else —
   * start, a user task, an async continuation that does nothing, end. No delegates, listeners or
   * timers. {@code assigneeExpression} names the task's assignee.
   */
  static BpmnModelInstance controlProcess(String key, String assigneeExpression, boolean initiator) {
    var start = Bpmn.createExecutableProcess(key)
        .name("Benchmark control")
        .camundaHistoryTimeToLive(1825)
        .startEvent("Start");
    if (initiator) {
      start = start.camundaInitiator("initiator");
    }
    return start
        .userTask("Task_Visit").name("Visit").camundaAssignee(assigneeExpression)
        .manualTask("Task_Record").name("Async no-op").camundaAsyncBefore()
        .endEvent("End")
        .done();
  }

  /** Latency statistics in milliseconds (nearest-rank percentiles). */
  record Stats(int n, double p50, double p95, double max, double mean) {

    static Stats ofNanos(long[] nanos) {
      long[] sorted = nanos.clone();
      Arrays.sort(sorted);
      double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
      return new Stats(sorted.length, percentile(sorted, 50), percentile(sorted, 95),
          sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, mean);
    }

    private static double percentile(long[] sorted, double p) {
      if (sorted.length == 0) {
        return 0;
      }
      int rank = (int) Math.ceil(p / 100.0 * sorted.length);
      return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    String row(String label) {
      return String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.2f |", label, n, p50, p95, max, mean);
    }

    static String header() {
      return "| | samples | p50 ms | p95 ms | max ms | mean ms |\n|---|---:|---:|---:|---:|---:|";
    }
  }

  static String now() {
    return OffsetDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  /** The machine as the JVM sees it. */
  static String machine() {
    Runtime rt = Runtime.getRuntime();
    return String.format(Locale.ROOT, "%d CPUs, JVM max heap %d MB, Java %s (%s), %s %s", rt.availableProcessors(),
        rt.maxMemory() / (1024 * 1024), System.getProperty("java.version"), System.getProperty("java.vm.name"),
        System.getProperty("os.name"), System.getProperty("os.arch"));
  }

  /** The 1, 5 and 15 minute load averages (Linux), to see whether the machine was busy. */
  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "n/a";
    }
  }

  static int intProperty(String name, int defaultValue) {
    String v = System.getProperty(name);
    return v == null || v.isBlank() ? defaultValue : Integer.parseInt(v.trim());
  }

  /** Writes the report to {@code target/benchmarks/<file>} and prints it. */
  static void write(String file, String text) {
    System.out.println();
    System.out.println(text);
    try {
      Files.createDirectories(RESULTS);
      Files.writeString(RESULTS.resolve(file), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

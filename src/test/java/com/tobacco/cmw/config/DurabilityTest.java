package com.tobacco.cmw.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.FileSystemResource;

/**
 * The embedded H2 file database must not lose a completed task when the process is killed
 * (kill -9) right after the commit. A child JVM runs an engine on the application's default
 * database URL (pointed at a temporary folder), completes tasks and reports each completion;
 * the test kills it without warning and reopens the database.
 */
@Tag("h2-only")
class DurabilityTest {

  @Test
  void aCompletedTaskSurvivesKillMinus9(@TempDir Path dir) throws Exception {
    String url = defaultUrl().replace("./data/cmw", dir.resolve("cmw").toString());
    assertThat(url).contains("WRITE_DELAY=0").contains("DB_CLOSE_ON_EXIT=FALSE");

    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), DurabilityChild.class.getName(), url)
        .redirectErrorStream(false)
        .start();
    List<String> completed = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("completed ")) {
          completed.add(line.substring("completed ".length()));
          if (completed.size() == 5) {
            child.destroyForcibly(); // SIGKILL, right after the fifth commit was acknowledged
            break;
          }
        }
      }
    }
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(completed).as("the child reported completions").hasSize(5);

    ProcessEngine engine = DurabilityChild.engine(url, false);
    try {
      for (String taskId : completed) {
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).finished().count())
            .as("task %s completed before the kill", taskId).isOne();
        assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isZero();
      }
    } finally {
      engine.close();
    }
  }

  private static String defaultUrl() {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new FileSystemResource("src/main/resources/application.yaml"));
    String value = yaml.getObject().getProperty("spring.datasource.url");
    // ${CMW_H2_URL:jdbc:h2:file:...} → the default after the first colon
    return value.substring(value.indexOf(':') + 1, value.length() - 1);
  }
}

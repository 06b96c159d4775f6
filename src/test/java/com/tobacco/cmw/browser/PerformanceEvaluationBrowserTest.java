package com.tobacco.cmw.browser;

import static com.tobacco.cmw.browser.TasklistPage.field;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tobacco.cmw.evaluation.Criterion;
import com.tobacco.cmw.evaluation.EvaluationRepository;
import com.tobacco.cmw.support.RestClient;
import com.tobacco.cmw.support.SpringTestBase;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The evaluation of 篇2 in the real Tasklist, in headless Chromium: zhengjun starts it over REST,
 * opens his task, scores the 37 criteria in the Camunda Form and completes it; wuqiang logs in,
 * reads the result and acknowledges it; the evaluation is archived. Run with
 * {@code mvn verify -Pbrowser}; on a failure the page and a screenshot are left in target/browser.
 */
@Tag("browser")
class PerformanceEvaluationBrowserTest extends SpringTestBase {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired org.camunda.bpm.engine.RuntimeService runtimeService;
  @Autowired EvaluationRepository evaluations;

  private String key;

  @AfterEach
  void removeTheEvaluation() {
    if (key != null) {
      runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).list()
          .forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(), "test cleanup"));
      evaluations.delete(key);
    }
  }

  @Test
  void anEvaluatorScoresInTasklistAndWuqiangAcknowledges() throws Exception {
    RestClient rest = new RestClient(port);
    HttpResponse<String> started = rest.post("zhengjun", "/api/performance-evaluations",
        "{\"evaluateeId\": \"wuqiang\", \"periodFrom\": \"2022-07-01\", \"periodTo\": \"2022-12-31\"}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    key = json.readTree(started.body()).get("evaluationKey").asText();
    String instance = json.readTree(started.body()).get("processInstanceId").asText();

    Task scoreTask = taskService.createTaskQuery().processInstanceId(instance).singleResult();
    try (HeadlessChromium browser = new HeadlessChromium(TIMEOUT)) {
      TasklistPage page = new TasklistPage(browser, port, taskService);
      try {
        page.logIn("zhengjun");
        page.openTask(TasklistPage.MY_TASKS_FILTER, scoreTask, field("Field_Score_YW1"));
        assertThat(page.formText()).contains("吳強").contains("受理投訴案件").contains(Criterion.XT4.text());
        for (Criterion c : Criterion.values()) {
          page.type(field("Field_Score_" + c.code()), c == Criterion.YW1 ? "5" : "4");
        }
        page.type(field("Field_Comment_YW1"), "每月均有客戶意見調查");
        page.assertTypedAndValid();
        page.complete(scoreTask);
      } catch (Throwable t) {
        browser.dumpPage("failure-evaluation-score");
        browser.screenshot("failure-evaluation-score");
        throw t;
      }
    }
    runJobs(instance);

    Task respondTask = taskService.createTaskQuery().processInstanceId(instance).singleResult();
    assertThat(respondTask.getAssignee()).isEqualTo("wuqiang");
    try (HeadlessChromium browser = new HeadlessChromium(TIMEOUT)) {
      TasklistPage page = new TasklistPage(browser, port, taskService);
      try {
        page.logIn("wuqiang");
        page.openTask(TasklistPage.MY_TASKS_FILTER, respondTask, field("Field_ResponseReason"));
        assertThat(page.formText()).contains("80.9").contains("良好");
        // a dispute asks for its reason and a second evaluator; acknowledging leaves an optional remark
        browser.wait.until(ExpectedConditions.elementToBeClickable(
            By.xpath("//div[contains(@class,'fjs-form')]//label[contains(normalize-space(.), '申訴,交第二測評人複核 Dispute')]")))
            .click();
        browser.wait.until(d -> page.formText().contains("第二測評人 Second evaluator"));
        assertThat(page.formText()).contains("申訴理由 Reason for the dispute");
        WebElement acknowledge = browser.wait.until(ExpectedConditions.elementToBeClickable(
            By.xpath("//div[contains(@class,'fjs-form')]//label[contains(normalize-space(.), '確認測評結果 Acknowledge')]")));
        acknowledge.click();
        browser.wait.until(d -> !page.formText().contains("第二測評人 Second evaluator"));
        assertThat(page.formText()).contains("備註 Remark").doesNotContain("申訴理由 Reason");
        page.complete(respondTask);
      } catch (Throwable t) {
        browser.dumpPage("failure-evaluation-respond");
        browser.screenshot("failure-evaluation-respond");
        throw t;
      }
    }
    runJobs(instance);

    JsonNode view = json.readTree(rest.get("wuqiang", "/api/performance-evaluations/" + key).body());
    assertThat(view.at("/evaluation/status").asText()).isEqualTo("ARCHIVED");
    assertThat(view.at("/evaluation/response").asText()).isEqualTo("ACKNOWLEDGE");
    assertThat(view.at("/evaluation/finalTotalScore").decimalValue()).isEqualByComparingTo("80.9");
    assertThat(view.at("/scores/0/comment").asText()).isEqualTo("每月均有客戶意見調查");
  }

  private void runJobs(String instance) {
    managementService.createJobQuery().processInstanceId(instance).list()
        .forEach(j -> managementService.executeJob(j.getId()));
  }
}

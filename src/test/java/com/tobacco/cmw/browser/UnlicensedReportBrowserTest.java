package com.tobacco.cmw.browser;

import static com.tobacco.cmw.browser.TasklistPage.field;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tobacco.cmw.calendar.WorkCalendar;
import com.tobacco.cmw.support.RestClient;
import com.tobacco.cmw.support.SpringTestBase;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An unlicensed-seller report from start to close in the real Tasklist, in headless Chromium:
 * zhangwei (customer manager, EAST) reports it with the start form — first with the description
 * left empty, which the form refuses without starting anything —; wangfang (regional manager,
 * EAST) claims and forwards it; zhaolei (monopoly department) records the result; sunli (sales
 * operations) acknowledges it. zhangwei then reads the closed report over REST. Run with
 * {@code mvn verify -Pbrowser}.
 */
@Tag("browser")
class UnlicensedReportBrowserTest extends SpringTestBase {

  private static final String PLACE = "瀏覽器測試:文化路夜市西口流動攤位";
  private static final By START = By.cssSelector("button[ng-click='startProcessInstance()']");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired org.camunda.bpm.engine.ManagementService managementService;
  @Autowired WorkCalendar calendar;
  @Autowired ObjectMapper json;
  private String caseNo;
  private int year;
  private java.util.Map<String, Long> countsBefore;

  @org.junit.jupiter.api.BeforeEach
  void remember() {
    countsBefore = counts();
  }

  /** What other tests count: reports, running instances, tasks and jobs. */
  private java.util.Map<String, Long> counts() {
    java.util.Map<String, Long> counts = new java.util.TreeMap<>();
    counts.put("cm_unlicensed_report", jdbc.queryForObject("SELECT COUNT(*) FROM cm_unlicensed_report", Long.class));
    counts.put("cm_unlicensed_evidence", jdbc.queryForObject("SELECT COUNT(*) FROM cm_unlicensed_evidence", Long.class));
    counts.put("running instances", runtimeService.createProcessInstanceQuery().count());
    counts.put("tasks", taskService.createTaskQuery().count());
    counts.put("jobs", managementService.createJobQuery().count());
    return counts;
  }

  @AfterEach
  void cleanUp() {
    List<String> cases = jdbc.queryForList("SELECT case_no FROM cm_unlicensed_report WHERE place = ?", String.class, PLACE);
    for (String no : cases) {
      String pi = jdbc.queryForObject("SELECT process_instance_id FROM cm_unlicensed_report WHERE case_no = ?",
          String.class, no);
      if (runtimeService.createProcessInstanceQuery().processInstanceId(pi).count() > 0) {
        runtimeService.deleteProcessInstance(pi, "test clean-up");
      }
      jdbc.update("DELETE FROM cm_unlicensed_evidence WHERE case_no = ?", no);
      jdbc.update("DELETE FROM cm_unlicensed_report WHERE case_no = ?", no);
    }
    if (year != 0) {
      // back to the highest number still in use, never below a row that exists
      Integer highest = jdbc.queryForObject("SELECT MAX(case_seq) FROM cm_unlicensed_report WHERE case_year = ?",
          Integer.class, year);
      if (highest == null) {
        jdbc.update("DELETE FROM cm_unlicensed_number WHERE case_year = ?", year);
      } else {
        jdbc.update("UPDATE cm_unlicensed_number SET last_number = ? WHERE case_year = ?", highest, year);
      }
    }
    assertThat(counts()).as("rows and running instances after the clean-up").isEqualTo(countsBefore);
  }

  @Test
  void zhangweiReportsAnUnlicensedSellerThatWangfangForwardsZhaoleiDealsWithAndSunliAcknowledges() throws Exception {
    year = calendar.today().getYear();
    LocalDate seen = calendar.today().minusDays(1);
    long instancesBefore = runtimeService.createProcessInstanceQuery().processDefinitionKey("unlicensedSellerReport").count();

    // zhangwei: the start form; an empty description keeps it from starting, then the report goes in
    session("zhangwei", page -> {
      page.browser.driver.get("http://localhost:" + port
          + "/camunda/app/tasklist/default/#/?processStart=unlicensedSellerReport");
      page.browser.wait.until(ExpectedConditions.visibilityOfElementLocated(field("Field_Place")));
      assertThat(page.formText()).contains("舉報無證經營").contains("無證經營地點").contains("情況描述")
          .contains("發現日期").contains("發現時間");
      page.type(field("Field_Place"), PLACE);
      page.typeDate(field("Field_SeenAt-date"), seen);
      page.typeTime(field("Field_SeenAt-time"), "09:00");
      page.browser.wait.until(ExpectedConditions.elementToBeClickable(START)).click();
      By refused = By.cssSelector(".modal-body .notifications .alert-danger");
      page.browser.wait.until(d -> d.findElements(refused).stream()
          .anyMatch(a -> a.getText().contains("流程無法啟動")));
      page.browser.wait.until(ExpectedConditions.visibilityOfElementLocated(field("Field_Description-error-message")));
      assertThat(page.browser.driver.findElement(START).isDisplayed()).as("the start dialog still open").isTrue();
      assertThat(reportsAtPlace()).as("nothing reported").isEmpty();
      assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("unlicensedSellerReport").count())
          .isEqualTo(instancesBefore);
      page.browser.driver.findElement(By.cssSelector(
          ".modal-body .notifications .alert-danger button.close[ng-click^='removeNotification']")).click();
      page.browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(refused));

      page.type(field("Field_Description"), "一名男子推車兜售散裝卷煙,約二十條");
      page.browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(field("Field_Description-error-message")));
      page.type(field("Field_EvidenceNote"), "已拍照兩張");
      page.assertTypedAndValid();
      page.browser.wait.until(ExpectedConditions.elementToBeClickable(START)).click();
      page.browser.wait.until(d -> !reportsAtPlace().isEmpty() || page.error() != null);
      assertThat(page.error()).as("error shown by Tasklist").isNull();
    });
    List<String> reported = reportsAtPlace();
    assertThat(reported).hasSize(1);
    caseNo = reported.get(0);
    assertThat(caseNo).matches("WZ-" + year + "-\\d{5}");

    // wangfang: claims the review from her group's tasks and forwards it to the monopoly department
    session("wangfang", page -> {
      Task review = task("Task_ReviewReport");
      page.claimFromGroupTasks(review, "wangfang");
      page.dismissNotices();
      page.browser.wait.until(ExpectedConditions.presenceOfElementLocated(field("Field_ReviewDecision-0")));
      assertThat(page.formText()).contains(caseNo).contains(PLACE);
      // a duplicate asks for the original report (a select of the region's open reports); forwarding does not
      page.click(field("Field_ReviewDecision-1"));
      page.browser.wait.until(ExpectedConditions.visibilityOfElementLocated(field("Field_DuplicateOf-display")));
      assertThat(page.formText()).contains("原舉報");
      page.click(field("Field_ReviewDecision-0"));
      page.browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(field("Field_DuplicateOf-display")));
      assertThat(page.browser.driver.findElements(field("Field_DuplicateOf-display")))
          .as("no original report asked for when forwarding").isEmpty();
      page.type(field("Field_ReviewComment"), "請專賣部門儘快查處");
      page.complete(review);
    });

    // zhaolei (monopoly department): claims the investigation and records the result
    session("zhaolei", page -> {
      Task investigate = task("Task_InvestigateReport");
      page.claimFromGroupTasks(investigate, "zhaolei");
      page.dismissNotices();
      page.browser.wait.until(ExpectedConditions.presenceOfElementLocated(field("Field_MonopolyResult-0")));
      assertThat(page.formText()).contains(caseNo).contains(PLACE).contains("請專賣部門儘快查處");
      page.click(field("Field_MonopolyResult-0"));
      page.type(field("Field_ResultNote"), "已取締,暫扣卷煙 12 條");
      page.typeDate(field("Field_ResultDate-date"), calendar.today());
      page.complete(investigate);
    });

    // sunli (sales operations, 卷煙經營部): claims and acknowledges
    session("sunli", page -> {
      Task acknowledge = task("Task_AcknowledgeResult");
      page.claimFromGroupTasks(acknowledge, "sunli");
      page.dismissNotices();
      page.browser.wait.until(ExpectedConditions.presenceOfElementLocated(field("Field_AcknowledgementNote")));
      assertThat(page.formText()).contains(caseNo).contains("已取締,暫扣卷煙 12 條");
      page.type(field("Field_AcknowledgementNote"), "已知悉");
      page.complete(acknowledge);
    });

    // zhangwei reads the outcome of his report
    HttpResponse<String> detail = new RestClient(port).get("zhangwei", "/api/unlicensed-reports/" + caseNo);
    assertThat(detail.statusCode()).as(detail.body()).isEqualTo(200);
    JsonNode done = json.readTree(detail.body());
    assertThat(done.path("status").asText()).isEqualTo("CLOSED");
    assertThat(done.path("result").asText()).isEqualTo("CONFIRMED_DEALT");
    assertThat(done.path("place").asText()).isEqualTo(PLACE);
    assertThat(done.path("reporterId").asText()).isEqualTo("zhangwei");
    assertThat(done.path("regionCode").asText()).isEqualTo("EAST");
    assertThat(done.path("reviewedBy").asText()).isEqualTo("wangfang");
    assertThat(done.path("resultBy").asText()).isEqualTo("zhaolei");
    assertThat(done.path("acknowledgedBy").asText()).isEqualTo("sunli");
    assertThat(done.hasNonNull("acknowledgedAt")).isTrue();
    // the REST view leaves the department's note out; the note typed in the form is on the report
    assertThat(jdbc.queryForObject("SELECT acknowledgement FROM cm_unlicensed_report WHERE case_no = ?", String.class,
        caseNo)).isEqualTo("已知悉");
    assertThat(done.path("resultDate").asText()).isEqualTo(calendar.today().toString());
    assertThat(done.path("evidenceNote").asText()).isEqualTo("已拍照兩張");
    String pi = jdbc.queryForObject("SELECT process_instance_id FROM cm_unlicensed_report WHERE case_no = ?",
        String.class, caseNo);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
  }

  private List<String> reportsAtPlace() {
    return jdbc.queryForList("SELECT case_no FROM cm_unlicensed_report WHERE place = ?", String.class, PLACE);
  }

  private Task task(String key) {
    String pi = jdbc.queryForObject("SELECT process_instance_id FROM cm_unlicensed_report WHERE case_no = ?",
        String.class, caseNo);
    return taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).singleResult();
  }

  private void session(String user, TasklistPage.Steps steps) throws Exception {
    TasklistPage.session(port, taskService, "unlicensed", user, steps);
  }
}

package com.tobacco.cmw.browser;

import static com.tobacco.cmw.browser.TasklistPage.field;
import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.cmw.planning.WeeklyPlanner;
import com.tobacco.cmw.salesreport.MonthlyReportSchedule;
import com.tobacco.cmw.salesreport.MonthlySalesReportProcess;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The scheduled work in the real Tasklist, in headless Chromium (run with {@code mvn verify
 * -Pbrowser}): zhangwei adjusts and confirms his drafted 《客戶訪問日程表》 (one visit removed with a
 * reason, the reason field appearing only when "remove" is ticked) and writes his drafted monthly
 * report; wangfang claims and approves it. On a failure the page and a screenshot are left in
 * target/browser/failure.*.
 */
@Tag("browser")
class ScheduledWorkBrowserTest extends com.tobacco.cmw.support.SpringTestBase {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String GROUP_TASKS_FILTER = "待認領 Group tasks";
  private static final String REASON = "客戶本周裝修停業";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired WeeklyPlanner planner;
  @Autowired MonthlyReportSchedule reportSchedule;

  @Test
  void zhangweiAdjustsAndConfirmsHisWeeklySchedule() {
    // a week of its own, far enough ahead not to meet any other schedule
    LocalDate week = WeeklyPlanner.weekStartOf(LocalDate.now().plusWeeks(6));
    String instance = planner.draftAndStart("zhangwei", week).orElseThrow().processInstanceId();
    Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
    assertThat(task.getAssignee()).isEqualTo("zhangwei");
    long scheduleId = jdbc.queryForObject("SELECT id FROM cm_visit_schedule WHERE process_instance_id = ?", Long.class,
        instance);
    int planned = jdbc.queryForObject("SELECT COUNT(*) FROM cm_visit_schedule_item WHERE schedule_id = ? AND status = 'PLANNED'",
        Integer.class, scheduleId);
    assertThat(planned).isPositive();

    inBrowser(page -> {
      page.logIn("zhangwei");
      page.openTask(TasklistPage.MY_TASKS_FILTER, task, field("Field_RowVisitDate_0"));
      assertThat(page.browser.driver.findElements(By.cssSelector(".fjs-form input[id*='-Field_RowVisitDate_']")))
          .as("one row per planned visit").hasSize(planned);
      String removedCustomer = page.valueOf(field("Field_RowCustomerCode_0"));
      assertThat(page.browser.driver.findElements(field("Field_RowRemovalReason_0"))).as("reason hidden").isEmpty();
      page.browser.driver.findElement(field("Field_RowRemove_0")).click();
      page.type(field("Field_RowRemovalReason_0"), REASON);
      page.assertTypedAndValid();
      page.complete(task);
      runJobsOf(instance);

      assertThat(jdbc.queryForObject("SELECT status FROM cm_visit_schedule WHERE id = ?", String.class, scheduleId))
          .isEqualTo("CONFIRMED");
      Map<String, Object> removed = jdbc.queryForMap(
          "SELECT status, removal_reason FROM cm_visit_schedule_item WHERE schedule_id = ? AND customer_code = ?",
          scheduleId, removedCustomer);
      assertThat(removed).containsEntry("STATUS", "REMOVED").containsEntry("REMOVAL_REASON", REASON);
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cm_visit_schedule_item WHERE schedule_id = ? "
          + "AND status = 'STARTED' AND visit_process_instance_id IS NOT NULL", Integer.class, scheduleId))
          .as("one visit started per planned visit left").isEqualTo(planned - 1);
    });
  }

  @Test
  void zhangweiWritesHisMonthlyReportAndWangfangApprovesIt() {
    String key = MonthlyReportSchedule.reportKey("zhangwei", reportSchedule.lastMonth());
    Task write = taskService.createTaskQuery().processDefinitionKey(MonthlySalesReportProcess.PROCESS_KEY)
        .processInstanceBusinessKey(key).taskAssignee("zhangwei").singleResult();
    assertThat(write).as("the demo start drafted zhangwei's report of last month").isNotNull();
    String instance = write.getProcessInstanceId();

    inBrowser(page -> {
      page.logIn("zhangwei");
      page.openTask(TasklistPage.MY_TASKS_FILTER, write, field("Field_OverallAnalysis"));
      assertThat(page.formText()).contains("單箱均價");
      page.replace(field("Field_OverallAnalysis"), "上月銷量平穩,高價類卷煙佔比上升,單箱均價較上月提高。");
      page.replace(field("Field_ProblemsAndMeasures"), "少數客戶斷貨,原因是訂貨偏少;對策:訪問時按建議量訂貨。");
      page.replace(field("Field_CustomerOpinions"), "客戶希望增加緊俏品牌的貨源,對送貨及時性表示滿意。");
      page.replace(field("Field_ForecastAnalysis"), "預計次月銷量與預測一致,節前需求略增,需提前備貨。");
      page.assertTypedAndValid();
      page.complete(write);
    });
    runJobsOf(instance);

    Task review = taskService.createTaskQuery().processInstanceId(instance).singleResult();
    assertThat(review.getTaskDefinitionKey()).isEqualTo("Task_ReviewReport");
    inBrowser(page -> {
      page.logIn("wangfang");
      page.openTask(GROUP_TASKS_FILTER, review, By.cssSelector(".fjs-form"));
      // a candidate claims the task before working on it
      page.browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[ng-click='claim()']"))).click();
      WebElement approve = page.browser.wait.until(ExpectedConditions.elementToBeClickable(
          By.cssSelector(".fjs-form input[type='radio'][id$='-Field_ReviewDecision-0']")));
      approve.click();
      page.type(field("Field_ReviewComment"), "同意,分析到位。");
      page.complete(review);
    });
    runJobsOf(instance);

    assertThat(jdbc.queryForObject("SELECT status FROM cm_monthly_report WHERE report_key = ?", String.class, key))
        .isEqualTo("APPROVED");
  }

  private interface PageWork {
    void run(TasklistPage page);
  }

  private void inBrowser(PageWork work) {
    try (HeadlessChromium browser = new HeadlessChromium(TIMEOUT)) {
      try {
        work.run(new TasklistPage(browser, port, taskService));
      } catch (RuntimeException | AssertionError e) {
        browser.dumpPage("failure");
        browser.screenshot("failure");
        throw e;
      }
    }
  }

  /** The job executor is off in tests: runs the instance's waiting jobs (and those they create) here. */
  private void runJobsOf(String processInstanceId) {
    for (int round = 0; round < 20; round++) {
      List<Job> jobs = managementService.createJobQuery().processInstanceId(processInstanceId).executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(j -> managementService.executeJob(j.getId()));
    }
  }
}

package com.tobacco.cmw.browser;

import static com.tobacco.cmw.browser.TasklistPage.field;
import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.cmw.complaint.ComplaintCaseRepository;
import com.tobacco.cmw.support.SpringTestBase;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
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
 * A quality complaint from start to close in the real Tasklist, in headless Chromium: zhangwei
 * (customer manager, EAST) starts it with the start form, inspects and has the feedback form
 * signed; wangfang (regional manager, EAST) claims and approves the replacement; zhangwei hands
 * the goods over and feeds the result back. Run with {@code mvn verify -Pbrowser}.
 */
@Tag("browser")
class ComplaintTasklistBrowserTest extends SpringTestBase {

  private static final String DEFECT = "瀏覽器測試:煙支霉變";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired ComplaintCaseRepository cases;
  private String caseNo;
  private Integer counterBefore;
  private final int year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();

  @AfterEach
  void cleanUp() {
    if (caseNo != null) {
      String pi = jdbc.queryForObject("SELECT process_instance_id FROM cm_complaint_case WHERE case_no = ?", String.class, caseNo);
      if (runtimeService.createProcessInstanceQuery().processInstanceId(pi).count() > 0) {
        runtimeService.deleteProcessInstance(pi, "test clean-up");
      }
      jdbc.update("DELETE FROM cm_complaint_step WHERE case_no = ?", caseNo);
      jdbc.update("DELETE FROM cm_complaint_escalation WHERE case_no = ?", caseNo);
      jdbc.update("DELETE FROM cm_complaint_case WHERE case_no = ?", caseNo);
      if (counterBefore == null) {
        jdbc.update("DELETE FROM cm_complaint_number WHERE case_year = ?", year);
      } else {
        jdbc.update("UPDATE cm_complaint_number SET last_number = ? WHERE case_year = ?", counterBefore, year);
      }
    }
  }

  @Test
  void zhangweiAndWangfangDriveAComplaintFromStartToCloseInTasklist() throws Exception {
    counterBefore = jdbc.queryForList("SELECT last_number FROM cm_complaint_number WHERE case_year = ?", Integer.class, year)
        .stream().findFirst().orElse(null);
    String customer = jdbc.queryForObject("SELECT MIN(customer_code) FROM cm_customer WHERE manager_id = 'zhangwei' "
        + "AND status = 'ACTIVE'", String.class);
    String brand = jdbc.queryForObject("SELECT MIN(brand_code) FROM cm_brand", String.class);

    // zhangwei: start form, inspection, signed feedback form
    session("zhangwei", page -> {
      page.browser.driver.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?processStart=qualityComplaint");
      page.browser.wait.until(ExpectedConditions.visibilityOfElementLocated(field("Field_CustomerCode")));
      page.type(field("Field_CustomerCode"), customer);
      page.type(field("Field_BrandCode"), brand);
      page.type(field("Field_Quantity"), "10");
      page.click(field("Field_QuantityUnit-1"));
      page.type(field("Field_DefectDescription"), DEFECT);
      page.assertTypedAndValid();
      page.browser.wait.until(ExpectedConditions.elementToBeClickable(
          By.cssSelector("button[ng-click='startProcessInstance()']"))).click();
      page.browser.wait.until(d -> caseOf(customer) != null || page.error() != null);
      assertThat(page.error()).as("error shown by Tasklist").isNull();
      caseNo = caseOf(customer);

      Task inspect = task("Task_InspectDefectiveGoods");
      page.openTask(TasklistPage.MY_TASKS_FILTER, inspect, field("Field_InspectionNotes"));
      assertThat(page.formText()).contains(caseNo).contains(DEFECT);
      page.dismissNotices();
      page.click(field("Field_DefectConfirmed"));
      page.click(field("Field_Cause-0"));
      page.type(field("Field_InspectionNotes"), "現場確認霉變");
      page.complete(inspect);

      Task form = task("Task_FillFeedbackForm");
      page.openTask(TasklistPage.MY_TASKS_FILTER, form, field("Field_SignerName"));
      page.dismissNotices();
      page.type(field("Field_SignerName"), "張老闆");
      page.click(field("Field_CustomerSigned"));
      page.complete(form);
    });

    // wangfang: claims the review from her group's tasks and approves 8 of 10 cartons
    session("wangfang", page -> {
      Task review = task("Task_ReviewComplaint");
      page.claimFromGroupTasks(review, "wangfang");
      page.dismissNotices();
      // readable: the inspection in words, the deadline as local date and time, no instants or true/false
      assertThat(page.formText()).contains("確認卷煙不合格,原因:生產質量問題").contains("張老闆").contains(" 前")
          .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}").doesNotContain("true").doesNotContain("false");
      // the fields follow the decision: a reason when rejecting, a question for more information, a quantity to approve
      page.click(field("Field_ReviewDecision-1"));
      page.browser.wait.until(ExpectedConditions.visibilityOfElementLocated(field("Field_ReviewComment")));
      assertThat(page.browser.driver.findElements(field("Field_ApprovedQuantity"))).isEmpty();
      assertThat(page.formText()).contains("不同意的理由");
      page.click(field("Field_ReviewDecision-2"));
      page.browser.wait.until(d -> page.formText().contains("需補充的資料"));
      assertThat(page.browser.driver.findElements(field("Field_ApprovedQuantity"))).isEmpty();
      page.click(field("Field_ReviewDecision-0"));
      page.browser.wait.until(ExpectedConditions.visibilityOfElementLocated(field("Field_ApprovedQuantity")));
      assertThat(page.browser.driver.findElements(field("Field_ReviewComment"))).isEmpty();
      assertThat(page.formText()).contains("條 cartons").contains("不超過客戶反映的 10 條");
      page.type(field("Field_ApprovedQuantity"), "8");
      page.complete(review);
    });

    // zhangwei: replacement confirmed by the customer, result fed back
    session("zhangwei", page -> {
      Task replace = task("Task_ReplaceGoods");
      page.openTask(TasklistPage.MY_TASKS_FILTER, replace, field("Field_ReplacedQuantity"));
      page.dismissNotices();
      assertThat(page.formText()).contains("同意調換 Approved:8 條").contains("不超過同意調換的 8 條");
      page.type(field("Field_ReplacedQuantity"), "8");
      page.type(field("Field_CustomerConfirmation"), "張老闆");
      page.click(field("Field_CustomerConfirmed"));
      page.complete(replace);

      Task feedBack = task("Task_FeedBackResult");
      page.openTask(TasklistPage.MY_TASKS_FILTER, feedBack, field("Field_FeedbackNote"));
      assertThat(page.formText()).contains("同意調換 8 條;已調換 8 條,客戶確認人 張老闆");
      page.dismissNotices();
      page.type(field("Field_FeedbackNote"), "已調換 8 條並告知客戶");
      page.complete(feedBack);
    });

    // closing is asynchronous and the job executor is off in tests
    ComplaintCaseRepository.ComplaintCase c = cases.find(caseNo).orElseThrow();
    managementService.executeJob(managementService.createJobQuery().processInstanceId(c.processInstanceId())
        .singleResult().getId());
    c = cases.find(caseNo).orElseThrow();
    assertThat(c.result()).isEqualTo("REPLACED");
    assertThat(c.inspectedBy()).isEqualTo("zhangwei");
    assertThat(c.reviewedBy()).isEqualTo("wangfang");
    assertThat(c.approvedQuantity()).isEqualTo(8);
    assertThat(c.replacedQuantity()).isEqualTo(8);
    assertThat(c.customerConfirmation()).isEqualTo("張老闆");
    assertThat(c.closedAt()).isNotNull();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(c.processInstanceId()).count()).isZero();
  }

  private void session(String user, TasklistPage.Steps steps) throws Exception {
    TasklistPage.session(port, taskService, "complaint", user, steps);
  }

  private Task task(String key) {
    String pi = jdbc.queryForObject("SELECT process_instance_id FROM cm_complaint_case WHERE case_no = ?", String.class, caseNo);
    return taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).singleResult();
  }

  private String caseOf(String customer) {
    List<String> found = jdbc.queryForList("SELECT case_no FROM cm_complaint_case WHERE customer_code = ? "
        + "AND defect_description = ?", String.class, customer, DEFECT);
    return found.isEmpty() ? null : found.get(0);
  }
}

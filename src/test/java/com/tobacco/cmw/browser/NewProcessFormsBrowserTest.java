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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The start forms of {@code satisfactionImprovement} and {@code promotionSelection} in the real
 * Tasklist, in headless Chromium, each started for real, and the first task form each gives a
 * customer manager: zhoumin (customer service centre) requests an evaluation of zhangwei with a
 * pasted CSV of his customers' answers, zhangwei analyses it and commits measures in his task
 * form, and zhoumin accepts them in hers; liuyang (brand manager) starts a promotion campaign
 * for EAST, and zhangwei's recommendation form shows his share and the ranked list of his
 * customers and submits the proposed ones. Everything created is removed after each test. Run
 * with {@code mvn verify -Pbrowser}.
 */
@Tag("browser")
class NewProcessFormsBrowserTest extends SpringTestBase {

  private static final By START = By.cssSelector("button[ng-click='startProcessInstance()']");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired WorkCalendar calendar;
  @Autowired ObjectMapper json;
  private final Set<String> instancesBefore = new HashSet<>();
  private long lastSurveyBefore;
  private long lastCampaignBefore;
  private Integer evaluationCounterBefore;
  private Integer campaignCounterBefore;
  private int year;
  private java.util.Map<String, Long> countsBefore;

  @BeforeEach
  void remember() {
    year = calendar.today().getYear();
    for (String key : List.of("satisfactionImprovement", "promotionSelection")) {
      runtimeService.createProcessInstanceQuery().processDefinitionKey(key).list()
          .forEach(pi -> instancesBefore.add(pi.getId()));
    }
    lastSurveyBefore = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM cm_satisfaction_survey", Long.class);
    lastCampaignBefore = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM cm_promotion_campaign", Long.class);
    evaluationCounterBefore = jdbc.queryForList("SELECT last_number FROM cm_satisfaction_number WHERE eval_year = ?",
        Integer.class, year).stream().findFirst().orElse(null);
    countsBefore = counts();
    campaignCounterBefore = jdbc.queryForList("SELECT last_number FROM cm_promotion_number WHERE campaign_year = ?",
        Integer.class, year).stream().findFirst().orElse(null);
  }

  @AfterEach
  void cleanUp() {
    for (String key : List.of("satisfactionImprovement", "promotionSelection")) {
      for (ProcessInstance pi : runtimeService.createProcessInstanceQuery().processDefinitionKey(key).list()) {
        if (!instancesBefore.contains(pi.getId())) {
          runtimeService.deleteProcessInstance(pi.getId(), "test clean-up");
        }
      }
    }
    long s = lastSurveyBefore;
    jdbc.update("DELETE FROM cm_satisfaction_measure WHERE survey_id > ?", s);
    jdbc.update("DELETE FROM cm_satisfaction_plan WHERE survey_id > ?", s);
    jdbc.update("DELETE FROM cm_satisfaction_index WHERE survey_id > ?", s);
    jdbc.update("DELETE FROM cm_satisfaction_response WHERE survey_id > ?", s);
    jdbc.update("UPDATE cm_satisfaction_survey SET follows_survey_id = NULL WHERE id > ?", s);
    jdbc.update("DELETE FROM cm_satisfaction_survey WHERE id > ?", s);
    restore("cm_satisfaction_number", "eval_year", evaluationCounterBefore);

    long c = lastCampaignBefore;
    jdbc.update("DELETE FROM cm_promotion_handout_item WHERE handout_id IN "
        + "(SELECT id FROM cm_promotion_handout WHERE campaign_id > ?)", c);
    for (String table : List.of("cm_promotion_handout", "cm_promotion_review", "cm_promotion_share",
        "cm_promotion_candidate", "cm_promotion_item")) {
      jdbc.update("DELETE FROM " + table + " WHERE campaign_id > ?", c);
    }
    jdbc.update("DELETE FROM cm_promotion_campaign WHERE id > ?", c);
    restore("cm_promotion_number", "campaign_year", campaignCounterBefore);
    assertThat(counts()).as("rows and running instances after the clean-up").isEqualTo(countsBefore);
  }

  /** What other tests count: the two processes' rows, running instances, tasks and jobs. */
  private java.util.Map<String, Long> counts() {
    java.util.Map<String, Long> counts = new java.util.TreeMap<>();
    for (String table : List.of("cm_satisfaction_survey", "cm_satisfaction_response", "cm_satisfaction_index",
        "cm_satisfaction_plan", "cm_satisfaction_measure", "cm_promotion_campaign", "cm_promotion_candidate",
        "cm_promotion_share", "cm_promotion_item", "cm_promotion_review", "cm_promotion_handout")) {
      counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
    }
    counts.put("running instances", runtimeService.createProcessInstanceQuery().count());
    counts.put("tasks", taskService.createTaskQuery().count());
    counts.put("jobs", managementService.createJobQuery().count());
    return counts;
  }

  private void restore(String table, String yearColumn, Integer before) {
    if (before == null) {
      jdbc.update("DELETE FROM " + table + " WHERE " + yearColumn + " = ?", year);
    } else {
      jdbc.update("UPDATE " + table + " SET last_number = ? WHERE " + yearColumn + " = ?", before, year);
    }
  }

  @Test
  void zhouminRequestsAnEvaluationWithAPastedSurveyAndZhangweiCommitsMeasuresInHisTaskForm() throws Exception {
    List<String> customers = jdbc.queryForList("SELECT customer_code FROM cm_customer WHERE manager_id = 'zhangwei' "
        + "AND status = 'ACTIVE' ORDER BY customer_code LIMIT 3", String.class);
    assertThat(customers).hasSize(3);
    String csv = "customerCode,supply,service,market,comment\n" + customers.get(0) + ",8,9,7,送貨及時\n"
        + customers.get(1) + ",6,7,5,態度一般\n" + customers.get(2) + ",10,8,9,\n";

    // zhoumin: the start form, all its fields, then the evaluation of zhangwei's customers
    session("zhoumin", page -> {
      page.browser.driver.get("http://localhost:" + port
          + "/camunda/app/tasklist/default/#/?processStart=satisfactionImprovement");
      page.browser.wait.until(ExpectedConditions.visibilityOfElementLocated(field("Field_SurveyCsv")));
      assertThat(page.formText()).contains("要求客戶滿意度測評").contains("測評對象").contains("調查期間開始")
          .contains("調查期間結束").contains("調查結果");
      assertThat(page.browser.driver.findElement(field("Field_SurveyCsv")).getTagName()).isEqualTo("textarea");
      page.click(field("Field_ScopeType-0"));
      page.browser.wait.until(d -> page.formText().contains("客戶經理用戶名"));
      page.type(field("Field_ScopeId"), "zhangwei");
      page.typeDate(field("Field_PeriodFrom-date"), LocalDate.of(2024, 1, 1));
      page.typeDate(field("Field_PeriodTo-date"), LocalDate.of(2024, 3, 31));
      page.type(field("Field_SurveyCsv"), csv);
      page.assertTypedAndValid();
      page.browser.wait.until(ExpectedConditions.elementToBeClickable(START)).click();
      page.browser.wait.until(d -> surveysAfter() > 0 || page.error() != null);
      assertThat(page.error()).as("error shown by Tasklist").isNull();
    });
    String no = jdbc.queryForObject("SELECT business_key FROM cm_satisfaction_survey WHERE id > ?", String.class,
        lastSurveyBefore);
    assertThat(no).startsWith("MY-");
    String pi = jdbc.queryForObject("SELECT process_instance_id FROM cm_satisfaction_survey WHERE business_key = ?",
        String.class, no);
    runJobs(pi);

    // zhangwei: his analysis task shows the evaluation and his index, and completes
    session("zhangwei", page -> {
      Task analyse = taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey("Task_AnalyseAndCommit")
          .taskAssignee("zhangwei").singleResult();
      assertThat(analyse).as("zhangwei's analysis task").isNotNull();
      page.openTask(TasklistPage.MY_TASKS_FILTER, analyse, field("Field_Analysis"));
      page.dismissNotices();
      assertThat(page.formText()).contains(no).contains("您的客戶的滿意度指數").contains("74.07")
          .contains("改進措施").contains("目標滿意度指數").contains("目標日期");
      page.type(field("Field_Analysis"), "送貨時間不穩定");
      page.type(field("Field_Measures"), "每周二、五固定拜訪\n價格標籤當場補齊");
      page.type(field("Field_TargetIndex"), "80");
      page.typeDate(field("Field_TargetDate-date"), calendar.today().plusDays(90));
      page.complete(analyse);
    });

    JsonNode evaluation = json.readTree(new RestClient(port).get("zhoumin", "/api/satisfaction-evaluations/" + no).body());
    assertThat(evaluation.path("responses")).hasSize(3);
    JsonNode plan = evaluation.path("plans").get(0);
    assertThat(plan.path("managerId").asText()).isEqualTo("zhangwei");
    assertThat(plan.path("measures")).hasSize(2);

    // zhoumin: her review shows zhangwei's measures and target, and she accepts them
    session("zhoumin", page -> {
      Task review = taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey("Task_ReviewMeasures")
          .taskAssignee("zhoumin").singleResult();
      assertThat(review).as("zhoumin's review task").isNotNull();
      page.openTask(TasklistPage.MY_TASKS_FILTER, review, field("Field_ReviewDecision-0"));
      page.dismissNotices();
      assertThat(page.formText()).contains("審核改進措施").contains(no).contains("zhangwei")
          .contains("每周二、五固定拜訪").contains("價格標籤當場補齊").doesNotContain("{{");
      page.click(field("Field_ReviewDecision-0"));
      page.type(field("Field_ReviewComment"), "同意");
      page.complete(review);
    });
    runJobs(pi);
    JsonNode accepted = json.readTree(new RestClient(port).get("zhoumin", "/api/satisfaction-evaluations/" + no).body());
    assertThat(accepted.path("plans").get(0).path("status").asText()).isEqualTo("ACCEPTED");
    assertThat(accepted.path("plans").get(0).path("reviewedBy").asText()).isEqualTo("zhoumin");
  }

  @Test
  void liuyangStartsAPromotionInTasklistAndZhangweisRecommendationFormShowsHisRankedCustomers() throws Exception {
    LocalDate today = calendar.today();

    // liuyang: the start form with all its fields, and a small campaign for EAST
    session("liuyang", page -> {
      page.browser.driver.get("http://localhost:" + port
          + "/camunda/app/tasklist/default/#/?processStart=promotionSelection");
      page.browser.wait.until(ExpectedConditions.visibilityOfElementLocated(field("Field_Items")));
      assertThat(page.formText()).contains("發起卷煙促銷活動").contains("品牌代碼").contains("促銷期間自")
          .contains("促銷期間至").contains("區域").contains("促銷客戶名額").contains("促銷品及促銷資料").contains("海報, 100, 2");
      assertThat(page.browser.driver.findElement(field("Field_Items")).getTagName()).isEqualTo("textarea");
      page.type(field("Field_BrandCode"), "B001");
      page.typeDate(field("Field_PeriodFrom-date"), today);
      page.typeDate(field("Field_PeriodTo-date"), today.plusMonths(1));
      page.type(field("Field_Regions"), "EAST");
      page.type(field("Field_Slots"), "2");
      page.type(field("Field_Items"), "海報, 20, 2\n打火機, 8, 2");
      page.type(field("Field_Note"), "瀏覽器測試");
      page.assertTypedAndValid();
      page.browser.wait.until(ExpectedConditions.elementToBeClickable(START)).click();
      page.browser.wait.until(d -> campaignsAfter() > 0 || page.error() != null);
      assertThat(page.error()).as("error shown by Tasklist").isNull();
    });
    String no = jdbc.queryForObject("SELECT campaign_no FROM cm_promotion_campaign WHERE id > ?", String.class,
        lastCampaignBefore);
    assertThat(no).matches("CX-" + year + "-\\d{5}");
    String pi = jdbc.queryForObject("SELECT process_instance_id FROM cm_promotion_campaign WHERE campaign_no = ?",
        String.class, no);
    // evaluating the customers is asynchronous; the job executor is off in tests
    runJobs(pi);
    List<String> ranked = jdbc.queryForList("SELECT c.customer_code FROM cm_promotion_candidate c "
        + "JOIN cm_promotion_campaign p ON p.id = c.campaign_id WHERE p.campaign_no = ? AND c.manager_id = 'zhangwei' "
        + "ORDER BY c.manager_rank", String.class, no);
    assertThat(ranked).as("zhangwei's eligible customers").isNotEmpty();

    // zhangwei: the recommendation form shows the campaign, his share and his ranked customers
    session("zhangwei", page -> {
      Task recommend = taskService.createTaskQuery().processInstanceId(pi).taskAssignee("zhangwei").singleResult();
      assertThat(recommend).as("zhangwei's recommendation task").isNotNull();
      Object share = taskService.getVariable(recommend.getId(), "share");
      page.openTask(TasklistPage.MY_TASKS_FILTER, recommend, field("Field_RecommendedCustomers"));
      page.dismissNotices();
      String text = page.formText();
      assertThat(text).contains("推薦促銷客戶").contains(no).contains("您的名額").contains(share + " 戶")
          .contains(ranked.get(0)).contains(ranked.get(ranked.size() - 1)).contains("推薦的客戶").contains("推薦理由")
          .doesNotContain("{{");
      // the form proposes the top of the list up to the share; completed as proposed
      List<String> top = ranked.subList(0, Math.min(ranked.size(), ((Number) share).intValue()));
      assertThat(page.valueOf(field("Field_RecommendedCustomers"))).isEqualTo(String.join(", ", top));
      page.complete(recommend);
    });
    runJobs(pi);
    assertThat(jdbc.queryForList("SELECT c.customer_code FROM cm_promotion_candidate c "
        + "JOIN cm_promotion_campaign p ON p.id = c.campaign_id WHERE p.campaign_no = ? AND c.recommended "
        + "AND c.recommended_by = 'zhangwei' ORDER BY c.manager_rank", String.class, no))
        .as("zhangwei's recommendations as submitted in Tasklist").isEqualTo(ranked.subList(0,
            Math.min(ranked.size(), shareOf(no))));
  }

  private int shareOf(String campaignNo) {
    return jdbc.queryForObject("SELECT s.share FROM cm_promotion_share s JOIN cm_promotion_campaign p "
        + "ON p.id = s.campaign_id WHERE p.campaign_no = ? AND s.manager_id = 'zhangwei'", Integer.class, campaignNo);
  }

  private long surveysAfter() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM cm_satisfaction_survey WHERE id > ?", Long.class, lastSurveyBefore);
  }

  private long campaignsAfter() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM cm_promotion_campaign WHERE id > ?", Long.class, lastCampaignBefore);
  }

  /** Runs the instance's jobs until none is due (asynchronous steps; the job executor is off in tests). */
  private void runJobs(String pi) {
    for (int round = 0; round < 50; round++) {
      List<Job> jobs = managementService.createJobQuery().processInstanceId(pi).executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
    throw new IllegalStateException("jobs keep coming for " + pi);
  }

  private void session(String user, TasklistPage.Steps steps) throws Exception {
    TasklistPage.session(port, taskService, "new-process-forms", user, steps);
  }
}

package com.tobacco.cmw.complaint;

import static com.tobacco.cmw.complaint.QualityComplaintProcess.Element;
import static com.tobacco.cmw.complaint.QualityComplaintProcess.Var;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tobacco.cmw.calendar.WorkCalendar;
import com.tobacco.cmw.evaluation.EvaluationRepository;
import com.tobacco.cmw.evaluation.PerformanceEvaluationProcess;
import com.tobacco.cmw.salesreport.ComplaintRecords;
import com.tobacco.cmw.salesreport.MonthlyReportContent.ComplaintLine;
import com.tobacco.cmw.support.RestClient;
import com.tobacco.cmw.support.SpringTestBase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The definition of done in one run on the whole application: zhangwei files a complaint
 * for one of his EAST customers, the inspection deadline's escalation fires and customer service
 * notices it, he inspects and has the feedback form signed, wangfang approves, the replacement is
 * confirmed and fed back, the case closes. Then the case is where the company reads it: the
 * register of each role that may see it (not of WEST), the month's statistics, the evaluation's
 * evidence and an evaluation of wuqiang started over a period including today, and the monthly
 * report's complaint lines. Every row and instance created here is removed afterwards.
 */
class ComplaintEndToEndTest extends SpringTestBase {

  static final List<String> MANAGER = List.of("customer-managers");
  static final List<String> REGIONAL_EAST = List.of("regional-managers", "regional-managers-east");
  static final List<String> CUSTOMER_SERVICE = List.of("customer-service-managers");
  static final List<String> EVALUATORS = List.of("performance-evaluators");

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired HistoryService historyService;
  @Autowired ComplaintCaseRepository cases;
  @Autowired ComplaintEvidence evidence;
  @Autowired ComplaintRecords monthlyReportRecords;
  @Autowired EvaluationRepository evaluations;
  @Autowired WorkCalendar calendar;

  RestClient rest;
  final List<String> instances = new ArrayList<>();
  final List<String> evaluationKeys = new ArrayList<>();
  String caseNo;
  int year;
  Integer counterBefore;

  @BeforeEach
  void setUp() {
    rest = new RestClient(port);
    identityService.clearAuthentication();
    year = calendar.today().getYear();
    counterBefore = jdbc.queryForList("SELECT last_number FROM cm_complaint_number WHERE case_year = ?", Integer.class, year)
        .stream().findFirst().orElse(null);
  }

  @AfterEach
  void cleanUp() {
    identityService.clearAuthentication();
    for (String id : instances) {
      if (runtimeService.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
        runtimeService.deleteProcessInstance(id, "test clean-up");
      }
      historyService.deleteHistoricProcessInstanceIfExists(id);
    }
    evaluationKeys.forEach(evaluations::delete);
    if (caseNo != null) {
      jdbc.update("DELETE FROM cm_complaint_step WHERE case_no = ?", caseNo);
      jdbc.update("DELETE FROM cm_complaint_escalation WHERE case_no = ?", caseNo);
      jdbc.update("DELETE FROM cm_complaint_case WHERE case_no = ?", caseNo);
    }
    if (counterBefore == null) {
      jdbc.update("DELETE FROM cm_complaint_number WHERE case_year = ?", year);
    } else {
      jdbc.update("UPDATE cm_complaint_number SET last_number = ? WHERE case_year = ?", counterBefore, year);
    }
  }

  @Test
  void aComplaintFromStartToCloseIsInTheRegisterTheStatisticsTheEvidenceTheEvaluationAndTheMonthlyReport()
      throws Exception {
    LocalDate today = calendar.today();
    YearMonth month = YearMonth.from(today);
    String customer = jdbc.queryForObject("SELECT MIN(customer_code) FROM cm_customer WHERE manager_id = 'zhangwei' "
        + "AND region_code = 'EAST' AND status = 'ACTIVE'", String.class);
    String brand = jdbc.queryForObject("SELECT MIN(brand_code) FROM cm_brand", String.class);
    String statisticsQuery = "/api/complaint-statistics?from=" + month + "&to=" + month + "&region=EAST&brand=" + brand
        + "&cause=MANUFACTURING";
    assertThat(line(statisticsQuery, month, brand)).as("no case of this line before the test").isNull();
    ComplaintEvidence.Evidence before = evidence.forPeriod(today, today);

    // ------------------------------------------------ the case, start to close
    ProcessInstance pi = start(customer, brand);
    caseNo = pi.getBusinessKey();
    assertThat(caseNo).matches("ZL-" + year + "-\\d{5}");

    // the inspection deadline's escalation fires (its timer executed now) and customer service notices it
    executeJob(pi, Element.INSPECTION_OVERDUE);
    executeJob(pi, Element.RECORD_INSPECTION_ESCALATION);
    complete("wuqiang", CUSTOMER_SERVICE, taskAt(pi, Element.NOTICE_ESCALATION),
        Map.of(Var.NOTICE_COMMENT, "已催辦客戶經理今日查看"));

    complete("zhangwei", MANAGER, taskAt(pi, Element.INSPECT),
        Map.of(Var.DEFECT_CONFIRMED, true, Var.CAUSE, "MANUFACTURING", Var.INSPECTION_NOTES, "現場查看,煙支有霉點"));
    complete("zhangwei", MANAGER, taskAt(pi, Element.FILL_FEEDBACK_FORM),
        Map.of(Var.SIGNER_NAME, "張老闆", Var.CUSTOMER_SIGNED, true));
    Task review = taskAt(pi, Element.REVIEW);
    identityService.setAuthentication("wangfang", REGIONAL_EAST);
    try {
      taskService.claim(review.getId(), "wangfang");
    } finally {
      identityService.clearAuthentication();
    }
    complete("wangfang", REGIONAL_EAST, review,
        Map.of(Var.REVIEW_DECISION, "APPROVED", Var.APPROVED_QUANTITY, 8, Var.REVIEW_COMMENT, "同意調換"));
    complete("zhangwei", MANAGER, taskAt(pi, Element.REPLACE_GOODS),
        Map.of(Var.REPLACED_QUANTITY, 8, Var.CUSTOMER_CONFIRMATION, "張老闆", Var.CUSTOMER_CONFIRMED, true));
    complete("zhangwei", MANAGER, taskAt(pi, Element.FEED_BACK_RESULT), Map.of(Var.FEEDBACK_NOTE, "已調換 8 條並告知客戶"));
    executeJob(pi, Element.CLOSE_CASE);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count())
        .as("the case's process has ended").isZero();

    ComplaintCaseRepository.ComplaintCase c = cases.find(caseNo).orElseThrow();
    assertThat(c.currentStep()).isEqualTo("CLOSED");
    assertThat(c.result()).isEqualTo("REPLACED");
    Map<String, ComplaintCaseRepository.Step> steps = new HashMap<>();
    cases.steps(caseNo).forEach(s -> steps.put(s.step(), s));
    assertThat(cases.steps(caseNo)).extracting(ComplaintCaseRepository.Step::step).containsExactly(
        "REPORTED", "INSPECTION", "FEEDBACK_FORM", "REVIEW", "REPLACEMENT", "FEEDBACK_TO_CUSTOMER", "CLOSED");
    // each step as the engine saw it: done by the task's assignee right after the task was completed
    assertStepMatchesTask(steps.get("INSPECTION"), pi, Element.INSPECT, "zhangwei");
    assertStepMatchesTask(steps.get("FEEDBACK_FORM"), pi, Element.FILL_FEEDBACK_FORM, "zhangwei");
    assertStepMatchesTask(steps.get("REVIEW"), pi, Element.REVIEW, "wangfang");
    assertStepMatchesTask(steps.get("REPLACEMENT"), pi, Element.REPLACE_GOODS, "zhangwei");
    assertStepMatchesTask(steps.get("FEEDBACK_TO_CUSTOMER"), pi, Element.FEED_BACK_RESULT, "zhangwei");
    assertThat(steps.get("REPORTED").doneBy()).isEqualTo("zhangwei");

    int expectedDays = calendar.workingDaysBetween(c.reportedAt().atZone(calendar.zone()).toLocalDate(),
        c.closedAt().atZone(calendar.zone()).toLocalDate());
    if (c.reportedAt().atZone(calendar.zone()).toLocalDate().equals(c.closedAt().atZone(calendar.zone()).toLocalDate())) {
      assertThat(expectedDays).as("closed the day it was reported").isZero();
    }

    // ------------------------------------------------ (a) the register, per role
    String registerQuery = "/api/complaint-register?customer=" + customer + "&from=" + today + "&to=" + today + "&limit=1000";
    for (String user : List.of("wuqiang", "wangfang", "zhangwei")) {
      JsonNode row = row(user, registerQuery);
      assertThat(row).as(user + " sees the case").isNotNull();
      assertThat(row.get("customerCode").asText()).isEqualTo(customer);
      assertThat(row.get("regionCode").asText()).isEqualTo("EAST");
      assertThat(row.get("managerId").asText()).isEqualTo("zhangwei");
      assertThat(row.get("brandCode").asText()).isEqualTo(brand);
      assertThat(row.get("processInstanceId").asText()).isEqualTo(pi.getId());
      assertStep(row, "reportedAt", "reportedBy", steps.get("REPORTED"));
      assertStep(row, "inspectedAt", "inspectedBy", steps.get("INSPECTION"));
      assertStep(row, "formSignedAt", "formBy", steps.get("FEEDBACK_FORM"));
      assertStep(row, "reviewedAt", "reviewedBy", steps.get("REVIEW"));
      assertStep(row, "replacedAt", "replacedBy", steps.get("REPLACEMENT"));
      assertStep(row, "fedBackAt", "fedBackBy", steps.get("FEEDBACK_TO_CUSTOMER"));
      assertThat(Instant.parse(row.get("closedAt").asText())).isEqualTo(steps.get("CLOSED").doneAt());
      assertThat(row.get("signerName").asText()).isEqualTo("張老闆");
      assertThat(row.get("cause").asText()).isEqualTo("MANUFACTURING");
      assertThat(row.get("reviewDecision").asText()).isEqualTo("APPROVED");
      assertThat(row.get("approvedQuantity").asInt()).isEqualTo(8);
      assertThat(row.get("replacedQuantity").asInt()).isEqualTo(8);
      assertThat(row.get("customerConfirmation").asText()).isEqualTo("張老闆");
      assertThat(row.get("currentStep").asText()).isEqualTo("CLOSED");
      assertThat(row.get("currentStepName").asText()).isEqualTo("結案");
      assertThat(row.get("result").asText()).isEqualTo("REPLACED");
      assertThat(row.get("resolutionDays").asInt()).isEqualTo(expectedDays);
      assertThat(row.get("closedOnTime").asBoolean()).isTrue();
      assertThat(row.get("overdue").asBoolean()).isFalse();
      // (c) the escalation fired by the inspection timer is on the row
      assertThat(row.get("escalations").asInt()).isEqualTo(1);
    }
    for (String user : List.of("lina", "chenjing")) {
      assertThat(row(user, registerQuery)).as(user + " (WEST) does not see the case").isNull();
      assertThat(row(user, "/api/complaint-register?from=" + today + "&to=" + today + "&limit=1000"))
          .as(user + " (WEST), no filter").isNull();
    }
    assertThat(cases.escalations(caseNo)).singleElement().satisfies(e -> {
      assertThat(e.step()).isEqualTo("INSPECTION");
      assertThat(e.notifiedGroup()).isEqualTo("customer-service-managers");
      assertThat(e.noticedBy()).isEqualTo("wuqiang");
    });

    // ------------------------------------------------ (b) the statistics: month × region × cause × brand
    JsonNode line = line(statisticsQuery, month, brand);
    assertThat(line).as("the case's statistics line").isNotNull();
    assertThat(line.get("reported").asInt()).isEqualTo(1);
    assertThat(line.get("closed").asInt()).isEqualTo(1);
    assertThat(line.get("closedOnTime").asInt()).isEqualTo(1);
    assertThat(line.get("open").asInt()).isZero();
    assertThat(line.get("replacedCartons").decimalValue()).isEqualByComparingTo("8");
    assertThat(line.get("averageResolutionDays").decimalValue()).isEqualByComparingTo(String.valueOf(expectedDays));
    assertThat(line.get("p90ResolutionDays").asInt()).isEqualTo(expectedDays);
    assertThat(line.get("onTimePercent").decimalValue()).isEqualByComparingTo("100");

    // ------------------------------------------------ (d) the evaluation's evidence
    ComplaintEvidence.Evidence after = evidence.forPeriod(today, today);
    assertThat(after.reported()).isEqualTo(before.reported() + 1);
    assertThat(after.closed()).isEqualTo(before.closed() + 1);
    assertThat(after.closedOnTime()).isEqualTo(before.closedOnTime() + 1);
    assertThat(after.escalations()).isEqualTo(before.escalations() + 1);
    assertThat(after.openOverdueAtEnd()).isEqualTo(before.openOverdueAtEnd());

    LocalDate from = month.atDay(1);
    ComplaintEvidence.Evidence period = evidence.forPeriod(from, today);
    ProcessInstance evaluation = startEvaluation(from, today);
    String key = evaluation.getBusinessKey();
    Task score = taskService.createTaskQuery().processInstanceId(evaluation.getId())
        .taskDefinitionKey(PerformanceEvaluationProcess.Element.SCORE).singleResult();
    assertThat(score.getAssignee()).isEqualTo("zhengjun");
    String evidenceText = (String) taskService.getVariable(score.getId(), PerformanceEvaluationProcess.Var.EVIDENCE_TEXT);
    assertThat(evidenceText)
        .contains("| 受理投訴案件 Cases reported | " + period.reported() + " |")
        .contains("| 結案 Cases closed | " + period.closed() + " |")
        .contains("| 按期結案 Closed on time | " + period.closedOnTime() + " |")
        .contains("| 督辦升級 Escalations | " + period.escalations() + " |");
    JsonNode stored = json.readTree(evaluations.find(key).orElseThrow().evidenceJson());
    assertThat(stored.get("reported").asInt()).isEqualTo(period.reported()).isPositive();
    assertThat(stored.get("closed").asInt()).isEqualTo(period.closed()).isPositive();
    assertThat(stored.get("closedOnTime").asInt()).isEqualTo(period.closedOnTime()).isPositive();
    assertThat(stored.get("escalations").asInt()).isEqualTo(period.escalations()).isPositive();

    // ------------------------------------------------ the monthly report's complaint lines
    List<ComplaintLine> lines = monthlyReportRecords.ofManager("zhangwei", month);
    assertThat(lines).filteredOn(l -> l.caseNumber().equals(caseNo)).singleElement().satisfies(l -> {
      assertThat(l.date()).isEqualTo(today);
      assertThat(l.customerCode()).isEqualTo(customer);
      assertThat(l.summary()).contains("煙支有霉點");
      assertThat(l.status()).startsWith("結案");
    });
    assertThat(monthlyReportRecords.ofManager("lina", month)).extracting(ComplaintLine::caseNumber).doesNotContain(caseNo);
  }

  // ---------------------------------------------------------------- helpers

  private ProcessInstance start(String customer, String brand) {
    Map<String, Object> v = new HashMap<>();
    v.put(Var.CUSTOMER_CODE, customer);
    v.put(Var.BRAND_CODE, brand);
    v.put(Var.QUANTITY, 10);
    v.put(Var.QUANTITY_UNIT, "CARTON");
    v.put(Var.DEFECT_DESCRIPTION, "煙支有霉點");
    identityService.setAuthentication("zhangwei", MANAGER);
    try {
      ProcessInstance pi = runtimeService.startProcessInstanceByKey(QualityComplaintProcess.PROCESS_KEY, v);
      instances.add(pi.getId());
      return pi;
    } finally {
      identityService.clearAuthentication();
    }
  }

  private ProcessInstance startEvaluation(LocalDate from, LocalDate to) {
    identityService.setAuthentication("zhengjun", EVALUATORS);
    try {
      ProcessInstance pi = runtimeService.startProcessInstanceByKey(PerformanceEvaluationProcess.PROCESS_KEY,
          Map.of(PerformanceEvaluationProcess.Var.EVALUATEE_ID, "wuqiang",
              PerformanceEvaluationProcess.Var.PERIOD_FROM, from.toString(),
              PerformanceEvaluationProcess.Var.PERIOD_TO, to.toString()));
      instances.add(pi.getId());
      evaluationKeys.add(pi.getBusinessKey());
      return pi;
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void complete(String user, List<String> groups, Task task, Map<String, Object> variables) {
    identityService.setAuthentication(user, groups);
    try {
      taskService.complete(task.getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private Task taskAt(ProcessInstance pi, String key) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
  }

  private void executeJob(ProcessInstance pi, String activityId) {
    JobDefinition definition = managementService.createJobDefinitionQuery()
        .processDefinitionId(pi.getProcessDefinitionId()).activityIdIn(activityId).singleResult();
    Job job = managementService.createJobQuery().processInstanceId(pi.getId()).jobDefinitionId(definition.getId())
        .singleResult();
    assertThat(job).as("job of " + activityId).isNotNull();
    managementService.executeJob(job.getId());
  }

  /** The step was recorded by the person who completed the task, right after they completed it. */
  private void assertStepMatchesTask(ComplaintCaseRepository.Step step, ProcessInstance pi, String taskKey, String user) {
    HistoricTaskInstance task = historyService.createHistoricTaskInstanceQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(taskKey).singleResult();
    assertThat(task.getAssignee()).as(taskKey + " assignee").isEqualTo(user);
    assertThat(step.doneBy()).as(step.step() + " by").isEqualTo(user);
    Instant ended = task.getEndTime().toInstant();
    assertThat(Duration.between(ended, step.doneAt()).abs()).as(step.step() + " at").isLessThan(Duration.ofSeconds(5));
  }

  private static void assertStep(JsonNode row, String atField, String byField, ComplaintCaseRepository.Step step) {
    assertThat(Instant.parse(row.get(atField).asText())).as(atField).isEqualTo(step.doneAt());
    assertThat(row.get(byField).asText()).as(byField).isEqualTo(step.doneBy());
  }

  private JsonNode row(String user, String path) throws Exception {
    HttpResponse<String> r = rest.get(user, path);
    assertThat(r.statusCode()).as(user + " " + path).isEqualTo(200);
    return StreamSupport.stream(json.readTree(r.body()).get("rows").spliterator(), false)
        .filter(n -> n.get("caseNo").asText().equals(caseNo)).findFirst().orElse(null);
  }

  private JsonNode line(String path, YearMonth month, String brand) throws Exception {
    HttpResponse<String> r = rest.get("wuqiang", path);
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return StreamSupport.stream(json.readTree(r.body()).get("lines").spliterator(), false)
        .filter(n -> n.get("month").asText().equals(month.toString()) && "EAST".equals(n.get("regionCode").asText())
            && "MANUFACTURING".equals(n.get("cause").asText()) && brand.equals(n.get("brandCode").asText()))
        .findFirst().orElse(null);
  }
}

package com.tobacco.cmw.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tobacco.cmw.calendar.WorkCalendar;
import com.tobacco.cmw.support.RestClient;
import com.tobacco.cmw.support.VisitReports;
import com.tobacco.cmw.support.VisitRows;
import com.tobacco.cmw.visit.CustomerVisitProcess;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A customer visit done the way staff do it, for the history tests: zhangwei starts a regular visit
 * of one of his customers and submits the visit form over the engine REST (so the user operation
 * log names him), the recording step's job runs, the instance ends. {@link #cleanUp()} removes the
 * visit's business rows and its history again.
 */
public final class FinishedVisitFixture {

  public record Visit(String processInstanceId, String customerCode, String taskId) {}

  private final RestClient rest;
  private final ObjectMapper json;
  private final JdbcTemplate jdbc;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final HistoryService historyService;
  private final WorkCalendar calendar;
  private final List<String> instances = new ArrayList<>();
  private final List<Map<String, Object>> stockBefore = new ArrayList<>();
  private String customer;

  public FinishedVisitFixture(RestClient rest, ObjectMapper json, JdbcTemplate jdbc, RuntimeService runtimeService,
                              ManagementService managementService, HistoryService historyService, WorkCalendar calendar) {
    this.rest = rest;
    this.json = json;
    this.jdbc = jdbc;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.historyService = historyService;
    this.calendar = calendar;
  }

  /** zhangwei's finished regular visit of his customer with the highest code. */
  public Visit finish() throws Exception {
    String pi = startRunning("");
    String task = json.readTree(rest.get("zhangwei", "/engine-rest/task?processInstanceId=" + pi).body())
        .get(0).path("id").asText();
    check(rest.post("zhangwei", "/engine-rest/task/" + task + "/claim", "{\"userId\":\"zhangwei\"}"), 204);
    List<Map<String, Object>> rows = VisitReports.filledRows(json,
        runtimeService.getVariable(pi, CustomerVisitProcess.Var.BRAND_CHECKS).toString(), null);
    check(rest.post("zhangwei", "/engine-rest/task/" + task + "/submit-form",
        VisitReports.submitFormBody(json, rows, "張老闆", "")), 204);
    for (int i = 0; i < 10; i++) {
      List<Job> jobs = managementService.createJobQuery().processInstanceId(pi).executable().list();
      if (jobs.isEmpty()) {
        break;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
    if (runtimeService.createProcessInstanceQuery().processInstanceId(pi).count() > 0) {
      throw new IllegalStateException("the visit " + pi + " did not end");
    }
    return new Visit(pi, customer, task);
  }

  /**
   * A visit of zhangwei's customer with the highest code, started by him and left running, with
   * the extra variables given (REST JSON members, comma-separated; may be empty).
   */
  public String startRunning(String extraVariables) throws Exception {
    customer = jdbc.queryForObject("SELECT MAX(customer_code) FROM cm_customer WHERE manager_id = 'zhangwei' "
        + "AND status = 'ACTIVE'", String.class);
    stockBefore.clear();
    stockBefore.addAll(VisitRows.stockOf(jdbc, List.of(customer)));
    HttpResponse<String> started = rest.post("zhangwei", "/engine-rest/process-definition/key/customerVisit/start",
        "{\"variables\":{\"customerCode\":{\"value\":\"" + customer + "\"},\"plannedDate\":{\"value\":\""
            + calendar.firstWorkingDayOnOrAfter(calendar.today()) + "\"}" + (extraVariables.isEmpty() ? "" : "," + extraVariables)
            + "}}");
    check(started, 200);
    String pi = json.readTree(started.body()).path("id").asText();
    instances.add(pi);
    return pi;
  }

  public void cleanUp() {
    for (String pi : instances) {
      VisitRows.delete(runtimeService, jdbc, pi);
      historyService.deleteHistoricProcessInstanceIfExists(pi);
    }
    instances.clear();
    if (customer != null) {
      VisitRows.restoreStock(jdbc, List.of(customer), stockBefore);
    }
  }

  private static void check(HttpResponse<String> response, int status) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(response.statusCode() + " " + response.body());
    }
  }
}

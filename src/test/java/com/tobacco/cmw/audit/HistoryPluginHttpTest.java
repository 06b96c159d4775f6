package com.tobacco.cmw.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tobacco.cmw.calendar.WorkCalendar;
import com.tobacco.cmw.security.AccessSetup;
import com.tobacco.cmw.security.Grants;
import com.tobacco.cmw.security.Roles;
import com.tobacco.cmw.support.RestClient;
import com.tobacco.cmw.support.SpringTestBase;
import com.tobacco.cmw.support.WebappSession;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.xml.sax.InputSource;

/**
 * The auditors' history plugin of Cockpit over HTTP, logged in to Cockpit as a browser is: the
 * issue's done-when (auditor finds zhangwei's finished customerVisit and reads who did what and
 * when), the search by business key, customer, dates and state, the diagram, and who may read:
 * auditors and admins, read-only, within their authorizations.
 */
class HistoryPluginHttpTest extends SpringTestBase {

  static final String API = "/camunda/api/cockpit/plugin/cmw-history/default";

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired Grants grants;
  @Autowired AccessSetup accessSetup;
  @Autowired AuthorizationService authorizationService;
  @Autowired WorkCalendar calendar;
  FinishedVisitFixture visits;
  boolean narrowedGrants;

  @BeforeEach
  void setUp() {
    visits = new FinishedVisitFixture(new RestClient(port), json, jdbc, runtimeService, managementService,
        historyService, calendar);
  }

  @AfterEach
  void cleanUp() {
    visits.cleanUp();
    if (narrowedGrants) {
      authorizationService.createAuthorizationQuery().groupIdIn(Roles.AUDITORS).resourceType(Resources.PROCESS_DEFINITION)
          .resourceId("qualityComplaint").list().forEach(a -> authorizationService.deleteAuthorization(a.getId()));
      accessSetup.run();
    }
  }

  @Test
  void theAuditorOpensZhangweisFinishedVisitAndReadsWhoDidWhatAndWhen() throws Exception {
    FinishedVisitFixture.Visit visit = visits.finish();
    WebappSession auditor = cockpit("auditor");

    JsonNode found = read(auditor, API + "/instances?definitionKey=customerVisit&state=COMPLETED&businessKey="
        + visit.customerCode());
    JsonNode row = byId(found.path("items"), visit.processInstanceId());
    assertThat(row.path("state").asText()).isEqualTo("COMPLETED");
    assertThat(row.path("definitionName").asText()).startsWith("客戶訪問");
    assertThat(row.path("customerCode").asText()).isEqualTo(visit.customerCode());
    assertThat(row.path("customerName").asText()).isNotBlank();
    assertThat(row.path("startedBy").asText()).isEqualTo("zhangwei");
    assertThat(row.path("startedByName").asText()).isEqualTo("張偉");
    assertThat(row.path("endTime").asText()).isNotBlank();

    JsonNode record = read(auditor, API + "/instances/" + visit.processInstanceId());
    JsonNode visitStep = null;
    for (JsonNode step : record.path("timeline")) {
      if (visit.taskId().equals(step.path("taskId").asText())) {
        visitStep = step;
      }
    }
    assertThat(visitStep).as("the visit task in the timeline").isNotNull();
    assertThat(visitStep.path("type").asText()).isEqualTo("userTask");
    assertThat(visitStep.path("completedBy").asText()).isEqualTo("zhangwei");
    assertThat(visitStep.path("completedByName").asText()).isEqualTo("張偉");
    assertThat(visitStep.path("assignee").asText()).isEqualTo("zhangwei");
    assertThat(visitStep.path("startTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*[+-]\\d\\d:\\d\\d|.*Z");
    assertThat(visitStep.path("endTime").asText()).isNotBlank();
    assertThat(visitStep.path("durationMs").isNumber()).isTrue();
    assertThat(record.path("timeline").get(0).path("type").asText()).isEqualTo("startEvent");
    assertThat(record.path("counts").path(visitStep.path("activityId").asText()).asLong()).isEqualTo(1);
    // the visit form's values as they were set, and by whom
    JsonNode signer = null;
    for (JsonNode v : record.path("variables")) {
      if (v.path("name").asText().equals("customerSignerName")) {
        signer = v;
      }
    }
    assertThat(signer).as("the signer in the variable history").isNotNull();
    assertThat(signer.path("value").asText()).isEqualTo("張老闆");
    assertThat(signer.path("by").asText()).isEqualTo("zhangwei");
    // the user operation log: zhangwei started the instance and completed his task
    List<String> operations = new ArrayList<>();
    for (JsonNode o : record.path("operations")) {
      operations.add(o.path("userId").asText() + ":" + o.path("operationType").asText());
    }
    assertThat(operations).contains("zhangwei:Create", "zhangwei:Complete");
    assertThat(record.path("incidents").isArray()).isTrue();
    assertThat(record.path("decisions").isArray()).isTrue();

    HttpResponse<String> diagram = auditor.get(API + "/instances/" + visit.processInstanceId() + "/diagram");
    assertThat(diagram.statusCode()).isEqualTo(200);
    assertThat(diagram.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
    DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(diagram.body())));
    assertThat(diagram.body()).contains("data-element-id=\"" + visitStep.path("activityId").asText() + "\"");
  }

  @Test
  void theSearchFindsByCustomerNameDatesAndStateAndListsEveryReadableProcess() throws Exception {
    FinishedVisitFixture.Visit visit = visits.finish();
    WebappSession auditor = cockpit("auditor");
    String storeName = jdbc.queryForObject("SELECT store_name FROM cm_customer WHERE customer_code = ?", String.class,
        visit.customerCode());
    LocalDate today = LocalDate.now();

    assertThat(ids(read(auditor, API + "/instances?customer=" + enc(storeName)))).contains(visit.processInstanceId());
    assertThat(ids(read(auditor, API + "/instances?customer=" + visit.customerCode().toLowerCase())))
        .contains(visit.processInstanceId());
    assertThat(ids(read(auditor, API + "/instances?startedFrom=" + today + "&startedTo=" + today)))
        .contains(visit.processInstanceId());
    assertThat(ids(read(auditor, API + "/instances?startedFrom=" + today.plusDays(1))))
        .doesNotContain(visit.processInstanceId());
    assertThat(ids(read(auditor, API + "/instances?definitionKey=customerVisit&state=RUNNING")))
        .doesNotContain(visit.processInstanceId());
    assertThat(ids(read(auditor, API + "/instances?definitionKey=customerVisit&state=FINISHED")))
        .contains(visit.processInstanceId());
    assertThat(ids(read(auditor, API + "/instances?definitionKey=qualityComplaint")))
        .doesNotContain(visit.processInstanceId());
    assertThat(read(auditor, API + "/instances?customer=" + enc("沒有這個客戶的名字")).path("total").asLong()).isZero();
    JsonNode page = read(auditor, API + "/instances?maxResults=1");
    assertThat(page.path("items")).hasSize(1);
    assertThat(page.path("total").asLong()).isGreaterThanOrEqualTo(1);

    JsonNode definitions = read(auditor, API + "/definitions");
    List<String> keys = new ArrayList<>();
    definitions.forEach(d -> keys.add(d.path("key").asText()));
    assertThat(keys).contains("customerVisit", "qualityComplaint", "networkExit", "promotionSelection");
    for (JsonNode d : definitions) {
      if (d.path("key").asText().equals("customerVisit")) {
        assertThat(d.path("finished").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(d.path("name").asText()).startsWith("客戶訪問");
      }
    }
  }

  @Test
  void aNameSharedByManyStoresFindsTheInstancesOfEachOfThem() throws Exception {
    FinishedVisitFixture.Visit visit = visits.finish();
    String storeName = jdbc.queryForObject("SELECT store_name FROM cm_customer WHERE customer_code = ?", String.class,
        visit.customerCode());
    // a part of the visited store's name that other stores share too (2 to 50 of them)
    String shared = null;
    for (int length = 2; length <= storeName.length() && shared == null; length++) {
      for (int start = 0; start + length <= storeName.length() && shared == null; start++) {
        String part = storeName.substring(start, start + length);
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM cm_customer WHERE store_name LIKE ?", Integer.class,
            "%" + part + "%");
        if (n != null && n >= 2 && n <= 50 && !part.contains("%") && !part.contains("_")) {
          shared = part;
        }
      }
    }
    assertThat(shared).as("a part of " + storeName + " shared by 2 to 50 stores").isNotNull();
    assertThat(ids(read(cockpit("auditor"), API + "/instances?maxResults=200&customer=" + enc(shared))))
        .contains(visit.processInstanceId());
  }

  @Test
  void objectsBytesAndFilesInTheVariableHistoryAreShownWithoutFailingTheRecord() throws Exception {
    String pi = visits.startRunning("\"auditObject\":{\"type\":\"Object\",\"value\":\"{\\\"a\\\":1}\","
        + "\"valueInfo\":{\"objectTypeName\":\"java.util.LinkedHashMap\",\"serializationDataFormat\":\"application/json\"}},"
        + "\"auditBytes\":{\"type\":\"Bytes\",\"value\":\"AQID\"},"
        + "\"auditFile\":{\"type\":\"File\",\"value\":\"aGVsbG8=\",\"valueInfo\":{\"filename\":\"note.txt\",\"mimeType\":\"text/plain\"}}");
    JsonNode record = read(cockpit("auditor"), API + "/instances/" + pi);
    assertThat(record.path("instance").path("state").asText()).isEqualTo("ACTIVE");
    java.util.Map<String, String> values = new java.util.HashMap<>();
    record.path("variables").forEach(v -> values.putIfAbsent(v.path("name").asText(), v.path("value").asText()));
    assertThat(values.get("auditObject")).isEqualTo("{\"a\":1}");
    assertThat(values.get("auditBytes")).isEqualTo("(3 字節 bytes)");
    assertThat(values.get("auditFile")).contains("note.txt", "text/plain");
    // a running instance: the diagram marks the waiting task as running
    HttpResponse<String> diagram = cockpit("auditor").get(API + "/instances/" + pi + "/diagram");
    assertThat(diagram.statusCode()).isEqualTo(200);
    assertThat(diagram.body()).contains("class=\"running\"");
  }

  @Test
  void badSearchesAreAnsweredWithAClearMessage() throws Exception {
    WebappSession auditor = cockpit("auditor");
    HttpResponse<String> badDate = auditor.get(API + "/instances?startedFrom=2026-13-01");
    assertThat(badDate.statusCode()).isEqualTo(400);
    assertThat(json.readTree(badDate.body()).path("message").asText()).contains("yyyy-MM-dd", "2026-13-01");
    HttpResponse<String> reversed = auditor.get(API + "/instances?startedFrom=2026-05-02&startedTo=2026-05-01");
    assertThat(reversed.statusCode()).isEqualTo(400);
    assertThat(json.readTree(reversed.body()).path("message").asText()).contains("截止日早於起始日");
    HttpResponse<String> badState = auditor.get(API + "/instances?state=LOST");
    assertThat(badState.statusCode()).isEqualTo(400);
    assertThat(json.readTree(badState.body()).path("message").asText()).contains("未知的狀態 LOST");
    assertThat(auditor.get(API + "/instances/no-such-instance").statusCode()).isEqualTo(404);
    assertThat(auditor.get(API + "/instances/no-such-instance/diagram").statusCode()).isEqualTo(404);
    assertThat(auditor.get("/camunda/api/cockpit/plugin/cmw-history/other-engine/definitions").statusCode())
        .isIn(401, 404);
  }

  @Test
  void onlyAuditorsAndAdministratorsReadAndNobodyChangesAnything() throws Exception {
    FinishedVisitFixture.Visit visit = visits.finish();
    String record = API + "/instances/" + visit.processInstanceId();

    // the customer manager who did the visit may not use Cockpit at all; logged in to Tasklist,
    // his session still reaches the plugin's address, and is refused there before any query
    assertThat(WebappSession.login(port, "zhangwei", "cockpit").loginStatus()).isEqualTo(403);
    WebappSession zhangwei = WebappSession.login(port, "zhangwei", "tasklist");
    assertThat(zhangwei.loginStatus()).isEqualTo(200);
    for (String path : List.of(API + "/definitions", API + "/instances", record, record + "/diagram")) {
      HttpResponse<String> refused = zhangwei.get(path);
      assertThat(refused.statusCode()).as(path).isEqualTo(403);
      assertThat(refused.body()).doesNotContain(visit.customerCode());
    }
    assertThat(json.readTree(zhangwei.get(record).body()).path("message").asText()).contains("只有審計人員和系統管理員");
    // nobody logged in: refused by the web application
    assertThat(new RestClient(port).get(null, API + "/definitions").statusCode()).isIn(401, 403);
    // the administrator reads
    assertThat(cockpit("admin").get(record).statusCode()).isEqualTo(200);
    // read-only: the resource answers no other method
    for (String path : List.of(record, API + "/instances", record + "/diagram")) {
      assertThat(cockpit("auditor").post(path, "{}").statusCode()).as(path).isIn(401, 403, 405);
    }
    assertThat(read(cockpit("auditor"), record).path("instance").path("state").asText()).isEqualTo("COMPLETED");
  }

  @Test
  void anAuditorWithoutTheGrantForAProcessSeesNothingOfIt() throws Exception {
    FinishedVisitFixture.Visit visit = visits.finish();
    // the auditors' standing grants read the history of every process; narrowed here to the
    // complaints alone (and restored by AccessSetup after the test)
    narrowedGrants = true;
    for (Authorization a : authorizationService.createAuthorizationQuery().groupIdIn(Roles.AUDITORS).list()) {
      boolean everyProcess = a.getResourceType() == Resources.PROCESS_DEFINITION.resourceType() && "*".equals(a.getResourceId());
      boolean everyInstance = a.getResourceType() == Resources.HISTORIC_PROCESS_INSTANCE.resourceType();
      if (everyProcess || everyInstance) {
        authorizationService.deleteAuthorization(a.getId());
      }
    }
    grants.toGroup(Roles.AUDITORS, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
    grants.toGroup(Roles.AUDITORS, Resources.PROCESS_DEFINITION, "qualityComplaint", ProcessDefinitionPermissions.READ_HISTORY);

    WebappSession session = cockpit("auditor");
    assertThat(read(session, API + "/instances?definitionKey=customerVisit").path("total").asLong()).isZero();
    assertThat(ids(read(session, API + "/instances?maxResults=200"))).doesNotContain(visit.processInstanceId());
    assertThat(read(session, API + "/instances?customer=" + visit.customerCode()).path("total").asLong()).isZero();
    assertThat(session.get(API + "/instances/" + visit.processInstanceId()).statusCode()).isEqualTo(404);
    assertThat(session.get(API + "/instances/" + visit.processInstanceId() + "/diagram").statusCode()).isEqualTo(404);
    for (JsonNode d : read(session, API + "/definitions")) {
      if (!d.path("key").asText().equals("qualityComplaint")) {
        assertThat(d.path("finished").asLong() + d.path("running").asLong()).as(d.toString()).isZero();
      }
    }
    // what the grant still names stays readable
    assertThat(read(session, API + "/instances?definitionKey=qualityComplaint").path("total").asLong())
        .isEqualTo(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("qualityComplaint").count());
  }

  private WebappSession cockpit(String user) {
    WebappSession session = WebappSession.login(port, user, "cockpit");
    assertThat(session.loginStatus()).as("login of " + user).isEqualTo(200);
    return session;
  }

  private JsonNode read(WebappSession session, String path) throws Exception {
    HttpResponse<String> response = session.get(path);
    assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.path("items").forEach(i -> ids.add(i.path("id").asText()));
    return ids;
  }

  private static JsonNode byId(JsonNode items, String id) {
    for (JsonNode i : items) {
      if (id.equals(i.path("id").asText())) {
        return i;
      }
    }
    throw new AssertionError("instance " + id + " not in " + items);
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}

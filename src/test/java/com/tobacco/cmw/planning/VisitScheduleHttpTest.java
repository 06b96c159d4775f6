package com.tobacco.cmw.planning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tobacco.cmw.support.RestClient;
import com.tobacco.cmw.support.SpringTestBase;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The stored schedules over HTTP: a customer manager sees only their own, a regional manager
 * those of their region, an auditor all; the printable view is HTML with Chinese titles.
 */
class VisitScheduleHttpTest extends SpringTestBase {

  @LocalServerPort int port;
  @Autowired WeeklyPlanner planner;
  @Autowired VisitScheduleRepository schedules;
  @Autowired ObjectMapper json;
  RestClient rest;
  LocalDate week;
  long zhangwei;
  long lina;

  @BeforeEach
  void setUp() {
    rest = new RestClient(port);
    week = planner.nextWeekStart().plusWeeks(4);
    planner.draftAndStart("zhangwei", week);
    planner.draftAndStart("lina", week);
    zhangwei = schedules.find("zhangwei", week).orElseThrow().id();
    lina = schedules.find("lina", week).orElseThrow().id();
  }

  @Test
  void aCustomerManagerSeesOnlyTheirOwnSchedules() throws Exception {
    String label = WeeklyPlanner.weekLabel(week);
    assertThat(ids("zhangwei", "/api/visit-schedules?week=" + label)).containsExactly(zhangwei);
    assertThat(ids("zhangwei", "/api/visit-schedules")).contains(zhangwei).doesNotContain(lina);
    assertThat(ids("zhangwei", "/api/visit-schedules?manager=lina")).isEmpty();
    assertThat(ids("lina", "/api/visit-schedules?week=" + week.plusDays(2))).containsExactly(lina);

    HttpResponse<String> own = rest.get("zhangwei", "/api/visit-schedules/" + zhangwei);
    assertThat(own.statusCode()).isEqualTo(200);
    JsonNode detail = json.readTree(own.body());
    assertThat(detail.path("schedule").path("managerId").asText()).isEqualTo("zhangwei");
    assertThat(detail.path("schedule").path("weekLabel").asText()).isEqualTo(label);
    assertThat(detail.path("items").size()).isPositive();
    assertThat(rest.get("zhangwei", "/api/visit-schedules/" + lina).statusCode()).isEqualTo(404);
    assertThat(rest.get("zhangwei", "/api/visit-schedules/" + lina + "/print").statusCode()).isEqualTo(404);
    assertThat(rest.get("lina", "/api/visit-schedules/" + zhangwei).statusCode()).isEqualTo(404);
  }

  @Test
  void aRegionalManagerSeesTheirRegionAndAnAuditorAll() throws Exception {
    String query = "/api/visit-schedules?week=" + WeeklyPlanner.weekLabel(week);
    assertThat(ids("wangfang", query)).containsExactly(zhangwei);
    assertThat(ids("chenjing", query)).containsExactly(lina);
    assertThat(ids("auditor", query)).containsExactlyInAnyOrder(zhangwei, lina);
    assertThat(rest.get("wangfang", "/api/visit-schedules/" + zhangwei).statusCode()).isEqualTo(200);
    assertThat(rest.get("wangfang", "/api/visit-schedules/" + lina).statusCode()).isEqualTo(404);
    assertThat(rest.get("chenjing", "/api/visit-schedules/" + lina + "/print").statusCode()).isEqualTo(200);
  }

  @Test
  void thePrintableViewIsOneTablePerDayWithChineseTitles() {
    HttpResponse<String> page = rest.get("zhangwei", "/api/visit-schedules/" + zhangwei + "/print");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    VisitScheduleRepository.Item first = schedules.items(zhangwei).get(0);
    assertThat(page.body()).contains("<h1>客戶訪問日程表</h1>", "@media print", "張偉", WeeklyPlanner.weekLabel(week),
        WeeklyPlanner.dayLabel(week), first.customerCode(), first.customerName(), "客戶簽名");
    long days = schedules.items(zhangwei).stream().filter(i -> i.status() == VisitScheduleRepository.ItemStatus.PLANNED)
        .map(VisitScheduleRepository.Item::visitDate).distinct().count();
    assertThat(page.body().split("<table>", -1).length - 1).isGreaterThanOrEqualTo((int) days);
  }

  @Test
  void anonymousAndBadRequestsAreRefused() {
    assertThat(rest.get(null, "/api/visit-schedules").statusCode()).isEqualTo(401);
    assertThat(rest.get(null, "/api/visit-schedules/" + zhangwei + "/print").statusCode()).isEqualTo(401);
    HttpResponse<String> bad = rest.get("zhangwei", "/api/visit-schedules?week=2026-W99");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("2026-W49");
    assertThat(rest.get("zhangwei", "/api/visit-schedules/999999999").statusCode()).isEqualTo(404);
  }

  private List<Long> ids(String user, String path) throws Exception {
    HttpResponse<String> r = rest.get(user, path);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    List<Long> ids = new ArrayList<>();
    json.readTree(r.body()).forEach(n -> ids.add(n.path("id").asLong()));
    return ids;
  }
}

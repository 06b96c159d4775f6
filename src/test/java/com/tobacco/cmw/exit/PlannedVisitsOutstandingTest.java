package com.tobacco.cmw.exit;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.cmw.calendar.WorkCalendar;
import com.tobacco.cmw.customer.CustomerRepository;
import com.tobacco.cmw.support.SpringTestBase;
import java.time.DayOfWeek;
import java.time.LocalDate;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Planned schedule visits are outstanding for an exit from today on: a visit still PLANNED in a
 * confirmed week that is over is history, not work to settle, and asks for no verification note.
 */
class PlannedVisitsOutstandingTest extends SpringTestBase {

  @Autowired PlannedVisitsOutstanding planned;
  @Autowired WorkCalendar calendar;
  @Autowired CustomerRepository customers;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcTemplate jdbc;

  ExitFixture fixture;

  @AfterEach
  void cleanUp() {
    fixture.cleanUp();
  }

  @Test
  void aVisitOfAWeekThatIsOverIsNotOutstanding() {
    fixture = new ExitFixture(jdbc, customers, runtimeService);
    LocalDate today = calendar.today();
    String code = fixture.customer("zhangwei", "EAST", today.plusYears(2));
    // weeks far from the demo's schedules (one schedule per manager and week)
    LocalDate lastMonday = today.with(DayOfWeek.MONDAY).minusWeeks(60);
    fixture.schedule("zhangwei", "EAST", lastMonday, "CONFIRMED", code, lastMonday.plusDays(1));
    assertThat(planned.outstanding(code, null)).isEmpty();

    LocalDate nextMonday = today.with(DayOfWeek.MONDAY).plusWeeks(200);
    fixture.schedule("zhangwei", "EAST", nextMonday, "CONFIRMED", code, nextMonday.plusDays(2));
    assertThat(planned.outstanding(code, null)).singleElement()
        .satisfies(item -> assertThat(item.toString()).contains(nextMonday.plusDays(2).toString()).contains("已確認"));
  }
}

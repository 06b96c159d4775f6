package com.tobacco.cmw.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tobacco.cmw.complaint.ComplaintEvidence.Evidence;
import com.tobacco.cmw.support.SpringTestBase;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The evaluation's evidence for a period over the fixture of {@link RegisterFixture}: cases
 * reported in the period, cases closed in it (not the same cases), on time, average working
 * days, open past the whole-case deadline at the period's end, escalations. The fixture's months
 * hold no demo cases, so the figures are the fixture's alone.
 */
class ComplaintEvidenceTest extends SpringTestBase {

  @Autowired JdbcTemplate jdbc;
  @Autowired ComplaintEvidence evidence;
  RegisterFixture fixture;

  @BeforeEach
  void insert() {
    fixture = new RegisterFixture(jdbc);
    fixture.insert();
  }

  @AfterEach
  void delete() {
    fixture.delete();
  }

  @ParameterizedTest(name = "{0} – {1}")
  @CsvSource(nullValues = "-", value = {
      // reported A1 A2 A3 B1 C1; closed A3 (0 d) A1 (3 d); A2 and C1 close in March; B1 due 5 Mar; B1 escalated 27 Feb
      "2026-02-01, 2026-02-28, 5, 2, 2, 100.0, 1.5, 0, 1",
      // to 5 Mar: C1 (2 d) closed too; at the end A2 (due 2 Mar, closed 9 Mar) and B1 (due 5 Mar) are open and late;
      // A2 escalated 3 Mar
      "2026-02-01, 2026-03-05, 5, 3, 3, 100.0, 1.7, 2, 2",
      // March alone: nothing reported; C1 (2 d, on time) and A2 (12 d, late) closed; B1 open past 5 Mar from now on
      "2026-03-01, 2026-03-31, 0, 2, 1, 50.0, 7.0, 1, 1",
      // April and May: D1–D4 and E1 reported, D1–D4 closed (4, 7, 10, 1 d), D3 late and escalated 12 May
      "2026-04-01, 2026-05-31, 5, 4, 3, 75.0, 5.5, 1, 1",
      // a day with two reports (D2, E1) and nothing else closed; B1 still open and late
      "2026-04-30, 2026-04-30, 2, 0, 0, -, -, 1, 0",
      // 勞動節: nothing happens
      "2026-05-01, 2026-05-05, 0, 0, 0, -, -, 1, 0",
  })
  void evidenceOfAPeriod(LocalDate from, LocalDate to, int reported, int closed, int onTime, BigDecimal percent,
                         BigDecimal average, int openOverdue, int escalations) {
    Evidence e = evidence.forPeriod(from, to);
    assertThat(e.reported()).as("reported").isEqualTo(reported);
    assertThat(e.closed()).as("closed").isEqualTo(closed);
    assertThat(e.closedOnTime()).as("on time").isEqualTo(onTime);
    assertThat(e.onTimePercent()).as("percent").isEqualTo(percent);
    assertThat(e.averageResolutionDays()).as("average").isEqualTo(average);
    assertThat(e.openOverdueAtEnd()).as("open overdue").isEqualTo(openOverdue);
    assertThat(e.escalations()).as("escalations").isEqualTo(escalations);
  }

  @Test
  void aPeriodEndingBeforeItStartsIsRefused() {
    assertThatThrownBy(() -> evidence.forPeriod(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 2, 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("測評時段結束早於開始");
  }
}

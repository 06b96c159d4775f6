package com.tobacco.cmw.complaint;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Objective evidence from the complaint register for a period, as the customer-service manager's
 * evaluation (篇2 業務工作 2–4, 管理監督 1) shows it beside the scores: cases reported, cases
 * closed, the share of those closed within the whole-case deadline, the average resolution time
 * in working days, cases still open past their deadline at the period's end, and escalations.
 */
@Component
public class ComplaintEvidence {

  /** Percent and days are null when nothing was closed in the period. */
  public record Evidence(LocalDate from, LocalDate to, int reported, int closed, int closedOnTime,
                         BigDecimal onTimePercent, BigDecimal averageResolutionDays,
                         int openOverdueAtEnd, int escalations) {}

  private final JdbcTemplate jdbc;
  private final ResolutionTime resolution;

  public ComplaintEvidence(JdbcTemplate jdbc, ResolutionTime resolution) {
    this.jdbc = jdbc;
    this.resolution = resolution;
  }

  /** All cases of the company over the period (both days included, company time zone). */
  public Evidence forPeriod(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("測評時段結束早於開始 / period ends before it starts: " + from + " – " + to);
    }
    Timestamp start = Timestamp.from(startOf(from));
    Timestamp end = Timestamp.from(startOf(to.plusDays(1)));
    Integer reported = jdbc.queryForObject(
        "SELECT COUNT(*) FROM cm_complaint_case WHERE reported_at >= ? AND reported_at < ?", Integer.class, start, end);
    List<Instant[]> closedCases = jdbc.query(
        "SELECT reported_at, closed_at, case_due_at FROM cm_complaint_case WHERE closed_at >= ? AND closed_at < ?",
        (rs, i) -> new Instant[] {rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()},
        start, end);
    int onTime = 0;
    long days = 0;
    for (Instant[] c : closedCases) {
      days += resolution.workingDays(c[0], c[1]);
      if (resolution.onTime(c[1], c[2])) {
        onTime++;
      }
    }
    Integer openOverdue = jdbc.queryForObject(
        "SELECT COUNT(*) FROM cm_complaint_case WHERE reported_at < ? AND case_due_at < ? AND (closed_at IS NULL OR closed_at >= ?)",
        Integer.class, end, end, end);
    Integer escalations = jdbc.queryForObject(
        "SELECT COUNT(*) FROM cm_complaint_escalation WHERE escalated_at >= ? AND escalated_at < ?", Integer.class, start, end);
    int closed = closedCases.size();
    BigDecimal percent = closed == 0 ? null
        : BigDecimal.valueOf(onTime * 100L).divide(BigDecimal.valueOf(closed), 1, RoundingMode.HALF_UP);
    BigDecimal average = closed == 0 ? null
        : BigDecimal.valueOf(days).divide(BigDecimal.valueOf(closed), 1, RoundingMode.HALF_UP);
    return new Evidence(from, to, reported, closed, onTime, percent, average, openOverdue, escalations);
  }

  private Instant startOf(LocalDate day) {
    return day.atStartOfDay(resolution.zone()).toInstant();
  }
}

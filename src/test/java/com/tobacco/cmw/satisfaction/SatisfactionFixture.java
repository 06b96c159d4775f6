package com.tobacco.cmw.satisfaction;

import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the satisfaction tests write, and how they remove it: every survey newer than the ones
 * there before the test (demo surveys stay), with its answers, index rows and plans; the running
 * instances of the process; the year's evaluation counter as it was.
 */
final class SatisfactionFixture {

  private final JdbcTemplate jdbc;
  private final RuntimeService runtimeService;
  private final long lastSurveyBefore;
  private final int year;
  private final Integer counterBefore;

  SatisfactionFixture(JdbcTemplate jdbc, RuntimeService runtimeService) {
    this.jdbc = jdbc;
    this.runtimeService = runtimeService;
    this.lastSurveyBefore = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM cm_satisfaction_survey", Long.class);
    this.year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
    this.counterBefore = jdbc.queryForList("SELECT last_number FROM cm_satisfaction_number WHERE eval_year = ?",
        Integer.class, year).stream().findFirst().orElse(null);
  }

  long surveysAfter() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM cm_satisfaction_survey WHERE id > ?", Long.class, lastSurveyBefore);
  }

  long rowsAfter() {
    return jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM cm_satisfaction_response WHERE survey_id > ?) "
        + "+ (SELECT COUNT(*) FROM cm_satisfaction_index WHERE survey_id > ?) "
        + "+ (SELECT COUNT(*) FROM cm_satisfaction_plan WHERE survey_id > ?)", Long.class, lastSurveyBefore,
        lastSurveyBefore, lastSurveyBefore) + surveysAfter();
  }

  long runningInstances() {
    return runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(SatisfactionImprovementProcess.PROCESS_KEY).count();
  }

  void cleanUp() {
    runtimeService.createProcessInstanceQuery().processDefinitionKey(SatisfactionImprovementProcess.PROCESS_KEY).list()
        .forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(), "test clean-up"));
    jdbc.update("DELETE FROM cm_satisfaction_measure WHERE survey_id > ?", lastSurveyBefore);
    jdbc.update("DELETE FROM cm_satisfaction_plan WHERE survey_id > ?", lastSurveyBefore);
    jdbc.update("DELETE FROM cm_satisfaction_index WHERE survey_id > ?", lastSurveyBefore);
    jdbc.update("DELETE FROM cm_satisfaction_response WHERE survey_id > ?", lastSurveyBefore);
    jdbc.update("UPDATE cm_satisfaction_survey SET follows_survey_id = NULL WHERE id > ?", lastSurveyBefore);
    jdbc.update("DELETE FROM cm_satisfaction_survey WHERE id > ?", lastSurveyBefore);
    if (counterBefore == null) {
      jdbc.update("DELETE FROM cm_satisfaction_number WHERE eval_year = ?", year);
    } else {
      jdbc.update("UPDATE cm_satisfaction_number SET last_number = ? WHERE eval_year = ?", counterBefore, year);
    }
  }

  int year() {
    return year;
  }
}

package com.tobacco.cmw.enrollment;

import com.tobacco.cmw.calendar.WorkCalendar;
import com.tobacco.cmw.security.CurrentUser;
import com.tobacco.cmw.security.Roles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who works on an application, read from the application row when needed (BPMN:
 * {@code camunda:candidateGroups="${enrollmentParties.regionalManagers(execution)}"}), never from
 * variables an assignee could change; the due dates of its tasks (working days of the calendar);
 * the customer managers a regional manager may choose from.
 */
@Component("enrollmentParties")
public class EnrollmentParties {

  private final NetworkApplicationRepository applications;
  private final CurrentUser currentUser;
  private final WorkCalendar calendar;
  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final int verificationDays;
  private final int approvalDays;
  private final int firstVisitDays;

  public EnrollmentParties(NetworkApplicationRepository applications, CurrentUser currentUser, WorkCalendar calendar,
                           JdbcTemplate jdbc, ObjectMapper json,
                           @Value("${cmw.enrollment.verification-days:3}") int verificationDays,
                           @Value("${cmw.enrollment.approval-days:2}") int approvalDays,
                           @Value("${cmw.enrollment.first-visit-days:5}") int firstVisitDays) {
    this.applications = applications;
    this.currentUser = currentUser;
    this.calendar = calendar;
    this.jdbc = jdbc;
    this.json = json;
    this.verificationDays = verificationDays;
    this.approvalDays = approvalDays;
    this.firstVisitDays = firstVisitDays;
  }

  /** The company's time zone (today by the engine clock is read in it). */
  public java.time.ZoneId zone() {
    return calendar.zone();
  }

  /** The candidate group of the regional managers of the application's region. */
  public String regionalManagers(DelegateExecution execution) {
    return Roles.regionalManagersOf(applications.ofProcessInstance(execution.getProcessInstanceId()).form().regionCode());
  }

  /** The customer manager who applied. */
  public String applicant(DelegateExecution execution) {
    return applications.ofProcessInstance(execution.getProcessInstanceId()).applicantId();
  }

  /** End of the n-th working day from today, n = cmw.enrollment.verification-days. */
  public Date verificationDue() {
    return calendar.endOfWorkingDaysFromToday(verificationDays);
  }

  /** End of the n-th working day from today, n = cmw.enrollment.approval-days. */
  public Date approvalDue() {
    return calendar.endOfWorkingDaysFromToday(approvalDays);
  }

  /** A deadline as the forms show it: company time, "yyyy-MM-dd HH:mm 前". */
  public String dueText(Date due) {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(due.toInstant().atZone(calendar.zone())) + " 前";
  }

  int firstVisitDays() {
    return firstVisitDays;
  }

  /** The active customer managers of a region: user id → name. */
  public Map<String, String> customerManagersOf(String regionCode) {
    Map<String, String> managers = new LinkedHashMap<>();
    jdbc.query("SELECT user_id, name FROM cm_staff WHERE role = ? AND active = TRUE AND region_code = ? ORDER BY user_id",
        rs -> {
          managers.put(rs.getString(1), rs.getString(2));
        }, Roles.CUSTOMER_MANAGERS, regionCode);
    return managers;
  }

  /** The choices of the approval form's manager field, label and value, as a JSON variable. */
  JsonValue managerChoicesJson(String regionCode) {
    List<Map<String, String>> choices = customerManagersOf(regionCode).entrySet().stream()
        .map(e -> Map.of("label", e.getValue() + " (" + e.getKey() + ")", "value", e.getKey())).toList();
    try {
      return SpinValues.jsonValue(json.writeValueAsString(choices)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The user completing the task in this transaction ("system" when none, e.g. a job). */
  String actor() {
    return currentUser.userId().orElse("system");
  }
}

package com.tobacco.cmw.security;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.tobacco.cmw.config.SetupStep;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The standing access model, in every profile and idempotent: role groups, one group of regional
 * managers per region, the Tasklist filters, and what each role may do. Access to single process
 * instances and tasks is granted by the processes themselves ({@link ProcessAccess}).
 */
@Component
@Order(10)
public class AccessSetup implements SetupStep {

  private static final Logger log = LoggerFactory.getLogger(AccessSetup.class);
  /** Processes a role may start (process keys). */
  static final Map<String, List<String>> STARTABLE = Map.of(
      Roles.CUSTOMER_MANAGERS, List.of("customerVisit", "qualityComplaint", "networkEnrollment", "networkExit",
          "customerInfoChange", "unlicensedSellerReport"),
      Roles.REGIONAL_MANAGERS, List.of("customerVisit", "networkExit", "customerInfoChange", "satisfactionImprovement"),
      Roles.PERFORMANCE_EVALUATORS, List.of("performanceEvaluation"),
      Roles.BRAND_MANAGERS, List.of("promotionSelection"),
      Roles.CUSTOMER_SERVICE_CENTER, List.of("satisfactionImprovement"));
  /** Processes whose tasks a role works on without starting them: READ on the definition (task forms). */
  static final Map<String, List<String>> READABLE = Map.of(
      Roles.CUSTOMER_MANAGERS, List.of("weeklyVisitPlanning", "licenceRenewalReminder", "promotionSelection",
          "satisfactionImprovement"),
      Roles.REGIONAL_MANAGERS, List.of("weeklyVisitPlanning", "qualityComplaint", "networkEnrollment",
          "promotionSelection", "unlicensedSellerReport"),
      Roles.MONOPOLY_DEPARTMENT, List.of("qualityComplaint", "unlicensedSellerReport"),
      Roles.SALES_OPERATIONS, List.of("unlicensedSellerReport"),
      Roles.CUSTOMER_SERVICE_MANAGERS, List.of("qualityComplaint", "performanceEvaluation"));

  private final IdentityService identityService;
  private final FilterService filterService;
  private final TaskService taskService;
  private final Grants grants;
  private final JdbcTemplate jdbc;

  public AccessSetup(IdentityService identityService, FilterService filterService, TaskService taskService,
                     Grants grants, JdbcTemplate jdbc) {
    this.identityService = identityService;
    this.filterService = filterService;
    this.taskService = taskService;
    this.grants = grants;
    this.jdbc = jdbc;
  }

  @Override
  public void run() {
    for (String[] role : Roles.ROLE_GROUPS) {
      ensureGroup(role[0], role[1]);
    }
    for (Map<String, Object> region : jdbc.queryForList("SELECT region_code, name FROM cm_region")) {
      ensureGroup(Roles.regionalManagersOf((String) region.get("region_code")), "區域市場經理 " + region.get("name"));
    }
    for (String[] role : Roles.ROLE_GROUPS) {
      String group = role[0];
      if (!group.equals(Roles.AUDITORS)) {
        grants.toGroup(group, Resources.APPLICATION, "tasklist", ACCESS);
      }
      for (String key : STARTABLE.getOrDefault(group, List.of())) {
        grants.toGroup(group, Resources.PROCESS_DEFINITION, key, READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
        grants.toGroup(group, Resources.PROCESS_INSTANCE, "*", CREATE);
      }
      for (String key : READABLE.getOrDefault(group, List.of())) {
        grants.toGroup(group, Resources.PROCESS_DEFINITION, key, READ);
      }
    }
    auditors();
    ensureFilters();
    log.info("Access model in place: {} role groups, regional groups per region", Roles.ROLE_GROUPS.size());
  }

  /** Auditors read everything, history included, and change nothing. */
  private void auditors() {
    String g = Roles.AUDITORS;
    grants.toGroup(g, Resources.APPLICATION, "cockpit", ACCESS);
    grants.toGroup(g, Resources.PROCESS_DEFINITION, "*", READ, ProcessDefinitionPermissions.READ_HISTORY);
    grants.toGroup(g, Resources.DECISION_DEFINITION, "*", READ, org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY);
    grants.toGroup(g, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", READ);
    grants.toGroup(g, Resources.DEPLOYMENT, "*", READ);
    grants.toGroup(g, Resources.PROCESS_INSTANCE, "*", READ);
    grants.toGroup(g, Resources.TASK, "*", READ);
    grants.toGroup(g, Resources.HISTORIC_PROCESS_INSTANCE, "*", HistoricProcessInstancePermissions.READ);
    grants.toGroup(g, Resources.HISTORIC_TASK, "*", HistoricTaskPermissions.READ);
    grants.toGroup(g, Resources.OPERATION_LOG_CATEGORY, "*", UserOperationLogCategoryPermissions.READ);
  }

  private void ensureGroup(String id, String name) {
    if (identityService.createGroupQuery().groupId(id).singleResult() == null) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType("WORKFLOW");
      identityService.saveGroup(group);
    }
  }

  /**
   * Tasklist filters every user sees: my tasks, my groups' tasks, and the visits one may see
   * (a customer manager their own, a regional manager those of the region: authorizations
   * decide what a filter shows).
   */
  private void ensureFilters() {
    ensureFilter("我的任務 My tasks", -10, taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    ensureFilter("待認領 Group tasks", -5, taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned());
    ensureFilter("客戶訪問 Visits", 0, taskService.createTaskQuery().processDefinitionKey("customerVisit")
        .taskDefinitionKey("Task_VisitCustomer").orderByDueDate().asc());
  }

  private void ensureFilter(String name, int priority, TaskQuery query) {
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filterService.newTaskFilter(name);
      filter.setProperties(Map.of("priority", priority, "description", name, "refresh", true));
      filter.setQuery(query);
      filterService.saveFilter(filter);
    }
    grants.toEveryone(Resources.FILTER, filter.getId(), READ);
  }
}

package com.tobacco.cmw.planning;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.cmw.support.SpringTestBase;
import java.time.LocalDate;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo's first start: zhangwei and lina find next week's drafted schedule in their task list;
 * a second run (a restart on the same database) drafts nothing. The test profile turns the step
 * off ({@code cmw.planning.demo-draft: false}), so it is run here by hand.
 */
class PlanningDemoDraftTest extends SpringTestBase {

  @Autowired WeeklyPlanner planner;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService taskService;
  @Autowired PlanningDemoDraft configuredStep;

  @Test
  void zhangweiAndLinaHaveADraftedScheduleTaskAndASecondStartDraftsNothing() {
    PlanningDemoDraft step = new PlanningDemoDraft(planner, jdbc, new PlanningSettings("0 0 9 ? * FRI", 25, "09:00", true));
    LocalDate week = planner.nextWeekStart();
    int before = count();
    boolean drafted = step.draftOnce();
    // on an empty database the step drafts; when other tests drafted first it must leave them alone
    assertThat(drafted).isEqualTo(before == 0);
    if (!drafted) {
      planner.draftAll(week);
    }
    for (String manager : new String[] {"zhangwei", "lina"}) {
      Task task = taskService.createTaskQuery().processInstanceBusinessKey(WeeklyPlanner.businessKey(manager, week))
          .taskDefinitionKey(WeeklyVisitPlanningProcess.Element.ADJUST).singleResult();
      assertThat(task).as(manager).isNotNull();
      assertThat(task.getAssignee()).isEqualTo(manager);
    }

    int after = count();
    step.run();
    assertThat(step.draftOnce()).isFalse();
    assertThat(count()).isEqualTo(after);
  }

  @Test
  void theTestProfileTurnsTheDemoDraftOff() {
    int before = count();
    configuredStep.run();
    assertThat(count()).isEqualTo(before);
  }

  private int count() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM cm_visit_schedule", Integer.class);
  }
}

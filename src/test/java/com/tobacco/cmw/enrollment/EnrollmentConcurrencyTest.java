package com.tobacco.cmw.enrollment;

import static com.tobacco.cmw.enrollment.NetworkEnrollmentProcess.Var;

import com.tobacco.cmw.calendar.WorkCalendar;
import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.support.SpringTestBase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two applications for one licence at the same moment make exactly one customer. In the plain
 * test engine, not the process-test one: the coverage plugin's event list is not made for
 * instances started on several threads at once.
 */
class EnrollmentConcurrencyTest extends SpringTestBase {

  private static final List<String> MANAGER = List.of("customer-managers");
  private static final List<String> REGIONAL_EAST = List.of("regional-managers", "regional-managers-east");

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired WorkCalendar calendar;
  @Autowired JdbcTemplate jdbc;

  private EnrollmentFixture fixture;

  @BeforeEach
  void setUp() {
    identityService.clearAuthentication();
    fixture = new EnrollmentFixture(jdbc, runtimeService, calendar.today().getYear());
  }

  @AfterEach
  void cleanUp() {
    identityService.clearAuthentication();
    fixture.cleanUp();
  }

  @Test
  void twoApplicationsForOneLicenceAtTheSameTimeMakeExactlyOneCustomer() throws Exception {
    String licence = EnrollmentFixture.eastLicence(17);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Object>> results = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        results.add(pool.submit((Callable<Object>) () -> {
          go.await();
          try {
            return start(licence);
          } catch (InvalidInput e) {
            return e;
          }
        }));
      }
      go.countDown();
      List<Object> outcomes = new ArrayList<>();
      for (Future<Object> f : results) {
        outcomes.add(f.get());
      }
      Assertions.assertThat(outcomes).filteredOn(ProcessInstance.class::isInstance).hasSize(1);
      Assertions.assertThat(outcomes).filteredOn(InvalidInput.class::isInstance).singleElement()
          .satisfies(e -> Assertions.assertThat(((InvalidInput) e).getMessage()).contains("已有進行中的入網申請 RW-"));
      ProcessInstance pi = (ProcessInstance) outcomes.stream().filter(ProcessInstance.class::isInstance).findFirst()
          .orElseThrow();
      Assertions.assertThat(fixture.applications()).isOne();
      complete("zhangwei", MANAGER, pi, Map.of(Var.STORE_EXISTS, true, Var.LICENCE_ORIGINAL_SEEN, true,
          Var.RECOMMENDED_GRADE, 3, Var.VERIFICATION_NOTES, "店鋪位於主街,客流量大"));
      complete("wangfang", REGIONAL_EAST, pi, Map.of(Var.DECISION, "APPROVE"));
      managementService.executeJob(managementService.createJobQuery().processInstanceId(pi.getId()).singleResult().getId());
      Assertions.assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cm_customer WHERE licence_no = ?", Integer.class,
          licence)).isOne();
    } finally {
      pool.shutdownNow();
    }
  }

  private ProcessInstance start(String licence) {
    identityService.setAuthentication("zhangwei", MANAGER);
    try {
      return runtimeService.startProcessInstanceByKey(NetworkEnrollmentProcess.PROCESS_KEY,
          new HashMap<>(EnrollmentFixture.application(licence)));
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void complete(String user, List<String> groups, ProcessInstance pi, Map<String, Object> variables) {
    identityService.setAuthentication(user, groups);
    try {
      taskService.complete(taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
  }
}

package com.tobacco.cmw.complaint;

import static com.tobacco.cmw.complaint.QualityComplaintProcess.Var;

import com.tobacco.cmw.support.SpringTestBase;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Twenty complaints filed at the same moment get twenty distinct, consecutive case numbers. In the
 * plain test engine, not the process-test one: the coverage plugin's event list is not made for
 * instances started on many threads at once.
 */
class CaseNumberConcurrencyTest extends SpringTestBase {

  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;

  private final List<String> started = new ArrayList<>();
  private Integer counterBefore;
  private int year;

  @BeforeEach
  void setUp() {
    year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
    counterBefore = jdbc.queryForList("SELECT last_number FROM cm_complaint_number WHERE case_year = ?", Integer.class,
        year).stream().findFirst().orElse(null);
  }

  @AfterEach
  void cleanUp() {
    for (String piId : started) {
      if (runtimeService.createProcessInstanceQuery().processInstanceId(piId).count() > 0) {
        runtimeService.deleteProcessInstance(piId, "test clean-up");
      }
      jdbc.update("DELETE FROM cm_complaint_step WHERE case_no IN (SELECT case_no FROM cm_complaint_case WHERE process_instance_id = ?)", piId);
      jdbc.update("DELETE FROM cm_complaint_escalation WHERE case_no IN (SELECT case_no FROM cm_complaint_case WHERE process_instance_id = ?)", piId);
      jdbc.update("DELETE FROM cm_complaint_case WHERE process_instance_id = ?", piId);
    }
    if (counterBefore == null) {
      jdbc.update("DELETE FROM cm_complaint_number WHERE case_year = ?", year);
    } else {
      jdbc.update("UPDATE cm_complaint_number SET last_number = ? WHERE case_year = ?", counterBefore, year);
    }
  }

  @Test
  void twentyParallelStartsGetTwentyDistinctConsecutiveNumbers() throws Exception {
    String customer = jdbc.queryForObject("SELECT MIN(customer_code) FROM cm_customer WHERE manager_id = 'zhangwei' "
        + "AND status = 'ACTIVE'", String.class);
    String brand = jdbc.queryForObject("SELECT MIN(brand_code) FROM cm_brand", String.class);
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      List<Callable<ProcessInstance>> starts = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        starts.add(() -> start(customer, brand));
      }
      List<Integer> seqs = new ArrayList<>();
      for (Future<ProcessInstance> f : pool.invokeAll(starts)) {
        seqs.add(Integer.parseInt(f.get().getBusinessKey().substring(8)));
      }
      Assertions.assertThat(seqs).doesNotHaveDuplicates().hasSize(20);
      int first = seqs.stream().min(Integer::compare).orElseThrow();
      Assertions.assertThat(seqs).containsExactlyInAnyOrderElementsOf(IntStream.range(first, first + 20).boxed().toList());
      Assertions.assertThat(first).isEqualTo(counterBefore == null ? 1 : counterBefore + 1);
    } finally {
      pool.shutdownNow();
    }
  }

  private ProcessInstance start(String customer, String brand) {
    Map<String, Object> v = new HashMap<>();
    v.put(Var.CUSTOMER_CODE, customer);
    v.put(Var.BRAND_CODE, brand);
    v.put(Var.QUANTITY, 1);
    v.put(Var.QUANTITY_UNIT, "CARTON");
    v.put(Var.DEFECT_DESCRIPTION, "並發登記");
    identityService.setAuthentication("zhangwei", List.of("customer-managers"));
    try {
      ProcessInstance pi = runtimeService.startProcessInstanceByKey(QualityComplaintProcess.PROCESS_KEY, v);
      synchronized (started) {
        started.add(pi.getId());
      }
      return pi;
    } finally {
      identityService.clearAuthentication();
    }
  }
}

package com.tobacco.cmw.promotion;

import static com.tobacco.cmw.promotion.PromotionFixture.BRAND;
import static com.tobacco.cmw.promotion.PromotionFixture.MANAGER;
import static com.tobacco.cmw.promotion.PromotionFixture.REGIONAL_EAST;
import static com.tobacco.cmw.promotion.PromotionFixture.campaign;
import static com.tobacco.cmw.promotion.PromotionSelectionProcess.Element;
import static com.tobacco.cmw.promotion.PromotionSelectionProcess.Var;
import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.cmw.customer.CustomerRepository;
import com.tobacco.cmw.exit.ExitFixture;
import com.tobacco.cmw.exit.NetworkExitProcess;
import com.tobacco.cmw.support.SpringTestBase;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A chosen customer leaves the network through the real {@code networkExit} while its promotional
 * items are not yet handed out: the exit's verification lists the undelivered hand-out, the
 * approved exit cancels it (items stay in stock) and ends its task, the campaign instance runs on
 * (it has no {@code customerCode}, decision 67) and the other customer's hand-out is signed.
 */
class PromotionExitTest extends SpringTestBase {

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;
  @Autowired CustomerRepository customers;
  @Autowired Campaigns campaigns;
  PromotionFixture fx;
  ExitFixture exitFixture;

  @BeforeEach
  void setUp() {
    fx = new PromotionFixture(runtimeService, taskService, managementService, identityService, jdbc);
    fx.cleanUp();
    exitFixture = new ExitFixture(jdbc, customers, runtimeService);
  }

  @AfterEach
  void cleanUp() {
    fx.cleanUp();
    exitFixture.cleanUp();
  }

  @Test
  void anApprovedExitCancelsTheCustomersPendingHandOutAndTheCampaignGoesOn() {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    String leaving = exitFixture.customer("zhangwei", "EAST", today.plusYears(2));
    String staying = exitFixture.customer("zhangwei", "EAST", today.plusYears(2));
    ProcessInstance pi = fx.start(campaign("EAST", 1000, "海報, 10, 2"));
    fx.runJobs(pi);
    fx.complete("zhangwei", MANAGER, fx.tasks(pi, Element.RECOMMEND).get(0), Map.of());
    fx.runJobs(pi);
    fx.complete("wangfang", REGIONAL_EAST, fx.tasks(pi, Element.REVIEW).get(0), Map.of());
    fx.runJobs(pi);
    fx.complete("liuyang", BRAND, fx.tasks(pi, Element.DECIDE).get(0), Map.of(Var.CHOSEN_CUSTOMERS, leaving + "," + staying));
    assertThat(fx.tasks(pi, Element.HAND_OUT)).hasSize(2);

    ProcessInstance exit = startExit(leaving);
    assertThat((String) runtimeService.getVariable(exit.getId(), NetworkExitProcess.Var.OUTSTANDING_TEXT))
        .contains(pi.getBusinessKey()).contains("促銷品尚未發放");
    complete(exit, "zhangwei", MANAGER, Map.of(NetworkExitProcess.Var.ALL_SETTLED, true,
        NetworkExitProcess.Var.VERIFICATION_NOTES, "促銷品隨退網取消"));
    complete(exit, "wangfang", REGIONAL_EAST, Map.of(NetworkExitProcess.Var.DECISION, "APPROVED"));
    managementService.executeJob(managementService.createJobQuery().processInstanceId(exit.getId()).singleResult().getId());

    assertThat(jdbc.queryForObject("SELECT status FROM cm_customer WHERE customer_code = ?", String.class, leaving))
        .isEqualTo("EXITED");
    Campaigns.Campaign c = campaigns.find(pi.getBusinessKey()).orElseThrow();
    Campaigns.HandOut cancelled = campaigns.handOut(c.id(), leaving).orElseThrow();
    assertThat(cancelled.status()).isEqualTo("CANCELLED");
    assertThat(cancelled.cancelReason()).startsWith("客戶已退網");
    assertThat(cancelled.exitBusinessKey()).isNotBlank();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isOne();
    List<Task> left = fx.tasks(pi, Element.HAND_OUT);
    assertThat(left).singleElement().satisfies(t ->
        assertThat(taskService.getVariable(t.getId(), Var.HAND_OUT_CUSTOMER)).isEqualTo(staying));
    assertThat(campaigns.items(c.id()).get(0).handedOut()).isZero();

    fx.complete("zhangwei", MANAGER, left.get(0), Map.of(Var.SIGNER_NAME, "店主", Var.RECEIPT_CONFIRMED, true,
        Var.SIGNED_ON, today.toString()));
    fx.runJobs(pi);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    Campaigns.Campaign closed = campaigns.find(pi.getBusinessKey()).orElseThrow();
    assertThat(closed.outcome()).isEqualTo("COMPLETED");
    assertThat(campaigns.items(c.id()).get(0).handedOut()).isEqualTo(2);
  }

  private ProcessInstance startExit(String code) {
    identityService.setAuthentication("zhangwei", MANAGER);
    try {
      return runtimeService.startProcessInstanceByKey(NetworkExitProcess.PROCESS_KEY,
          Map.of(NetworkExitProcess.Var.CUSTOMER_CODE, code, NetworkExitProcess.Var.REASON, "STORE_CLOSED"));
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void complete(ProcessInstance pi, String user, List<String> groups, Map<String, Object> variables) {
    String taskId = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();
    identityService.setAuthentication(user, groups);
    try {
      taskService.complete(taskId, variables);
    } finally {
      identityService.clearAuthentication();
    }
  }
}

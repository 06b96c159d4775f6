package com.tobacco.cmw.promotion;

import static com.tobacco.cmw.promotion.PromotionFixture.BRAND;
import static com.tobacco.cmw.promotion.PromotionFixture.MANAGER;
import static com.tobacco.cmw.promotion.PromotionFixture.REGIONAL_EAST;
import static com.tobacco.cmw.promotion.PromotionFixture.REGIONAL_WEST;
import static com.tobacco.cmw.promotion.PromotionFixture.campaign;
import static com.tobacco.cmw.promotion.PromotionSelectionProcess.Element;
import static com.tobacco.cmw.promotion.PromotionSelectionProcess.Var;
import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.support.SpringTestBase;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * §4.2.2 and the stock rule: twenty hand-outs completed at the same moment in parallel
 * threads against a stock smaller than their demand never hand out more than the stock, and
 * those refused change nothing (task kept, hand-out still pending, no receipt lines); they are then
 * closed as not handed out and the campaign ends. A Spring
 * test, not a process test: the coverage plugin's event list is not thread-safe.
 */
class PromotionHandOutConcurrencyTest extends SpringTestBase {

  static final int HAND_OUTS = 20;
  static final int STOCK = 30;
  /** The standard quantity: the decision checks 20 × 1 against the stock of 30. */
  static final int PER_CUSTOMER = 1;
  /** What each hand-out asks for: more than the standard, so together more than the stock. */
  static final int ASKED = 2;

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;
  @Autowired Campaigns campaigns;
  PromotionFixture fx;

  @BeforeEach
  void setUp() {
    fx = new PromotionFixture(runtimeService, taskService, managementService, identityService, jdbc);
    fx.cleanUp();
  }

  @AfterEach
  void cleanUp() {
    fx.cleanUp();
  }

  @Test
  void twentyParallelHandOutsNeverExceedTheStockAndTheRefusedChangeNothing() throws Exception {
    ProcessInstance pi = fx.start(campaign("EAST,WEST", HAND_OUTS, "海報, " + STOCK + ", " + PER_CUSTOMER));
    fx.runJobs(pi);
    Campaigns.Campaign c = campaigns.find(pi.getBusinessKey()).orElseThrow();
    assertThat(c.eligibleCount()).as("eligible demo customers").isGreaterThanOrEqualTo(HAND_OUTS);
    for (Task t : fx.tasks(pi, Element.RECOMMEND)) {
      fx.complete(t.getAssignee(), MANAGER, t, Map.of());
    }
    fx.runJobs(pi);
    for (Task t : fx.tasks(pi, Element.REVIEW)) {
      boolean east = taskService.getIdentityLinksForTask(t.getId()).stream()
          .anyMatch(l -> "regional-managers-east".equals(l.getGroupId()));
      fx.complete(east ? "wangfang" : "chenjing", east ? REGIONAL_EAST : REGIONAL_WEST, t, Map.of());
    }
    fx.runJobs(pi);
    fx.complete("liuyang", BRAND, fx.tasks(pi, Element.DECIDE).get(0), Map.of());
    List<Task> handOuts = fx.tasks(pi, Element.HAND_OUT);
    assertThat(handOuts).hasSize(HAND_OUTS);

    String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    ExecutorService pool = Executors.newFixedThreadPool(HAND_OUTS);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<String>> results = new ArrayList<>();
    for (Task t : handOuts) {
      results.add(pool.submit(() -> {
        go.await();
        for (int attempt = 0; attempt < 20; attempt++) {
          identityService.setAuthentication(t.getAssignee(), MANAGER);
          try {
            taskService.complete(t.getId(), Map.of(Var.HANDED_ITEMS, "海報=" + ASKED, Var.SIGNER_NAME, "店主",
                Var.RECEIPT_CONFIRMED, true, Var.SIGNED_ON, today));
            return "DONE";
          } catch (InvalidInput refused) {
            return "REFUSED " + refused.getMessage();
          } catch (RuntimeException conflict) {
            // a technical conflict of concurrent transactions (lock timeout, optimistic locking): try again
            Thread.sleep(50L * (attempt + 1));
          } finally {
            identityService.clearAuthentication();
          }
        }
        return "GAVE UP";
      }));
    }
    go.countDown();
    List<String> outcomes = new ArrayList<>();
    for (Future<String> f : results) {
      outcomes.add(f.get());
    }
    pool.shutdown();

    long done = outcomes.stream().filter("DONE"::equals).count();
    List<String> refused = outcomes.stream().filter(o -> o.startsWith("REFUSED")).toList();
    assertThat(outcomes).doesNotContain("GAVE UP");
    assertThat(done).isEqualTo(STOCK / ASKED);
    assertThat(refused).hasSize(HAND_OUTS - STOCK / ASKED)
        .allSatisfy(r -> assertThat(r).contains("促銷品「海報」庫存不足"));
    Campaigns.Item item = campaigns.items(c.id()).get(0);
    assertThat(item.handedOut()).isEqualTo(STOCK).isLessThanOrEqualTo(item.stock());
    assertThat(jdbc.queryForObject("SELECT COALESCE(SUM(quantity), 0) FROM cm_promotion_handout_item", Integer.class))
        .isEqualTo(STOCK);
    List<Campaigns.HandOut> rows = campaigns.handOuts(c.id());
    assertThat(rows.stream().filter(h -> h.status().equals("HANDED_OUT")).count()).isEqualTo(done);
    assertThat(rows.stream().filter(h -> h.status().equals("PENDING"))).hasSize(refused.size()).allSatisfy(h -> {
      assertThat(h.signerName()).isNull();
      assertThat(campaigns.lines(h.id())).isEmpty();
    });
    assertThat(fx.tasks(pi, Element.HAND_OUT)).hasSize(refused.size());

    // the stock is gone: the refused hand-outs are closed as not handed out and the campaign ends
    for (Task t : fx.tasks(pi, Element.HAND_OUT)) {
      fx.complete(t.getAssignee(), MANAGER, t, Map.of(Var.HAND_OUT_OUTCOME, "NOT_HANDED_OUT",
          Var.NOT_HANDED_OUT_REASON, "促銷品已發完"));
    }
    fx.runJobs(pi);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(campaigns.find(pi.getBusinessKey()).orElseThrow().status()).isEqualTo("CLOSED");
    assertThat(campaigns.handOuts(c.id()).stream().filter(h -> h.status().equals("NOT_HANDED_OUT")))
        .hasSize(refused.size()).allSatisfy(h -> assertThat(h.cancelReason()).isEqualTo("促銷品已發完"));
    assertThat(campaigns.items(c.id()).get(0).handedOut()).isEqualTo(STOCK);
  }
}

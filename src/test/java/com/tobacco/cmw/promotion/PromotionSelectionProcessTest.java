package com.tobacco.cmw.promotion;

import static com.tobacco.cmw.promotion.PromotionFixture.BRAND;
import static com.tobacco.cmw.promotion.PromotionFixture.MANAGER;
import static com.tobacco.cmw.promotion.PromotionFixture.REGIONAL_EAST;
import static com.tobacco.cmw.promotion.PromotionFixture.REGIONAL_WEST;
import static com.tobacco.cmw.promotion.PromotionFixture.campaign;
import static com.tobacco.cmw.promotion.PromotionSelectionProcess.Element;
import static com.tobacco.cmw.promotion.PromotionSelectionProcess.Var;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.tobacco.cmw.customer.CustomerExited;
import com.tobacco.cmw.exit.OutstandingWork;
import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.support.ProcessTestBase;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every path of {@code promotionSelection} (§3.2, §4.2.1–§4.2.2) on the real application and the
 * demo data: the full campaign over both regions, no eligible customer, nothing forwarded, nobody
 * chosen, a customer's exit during the hand-out; the refusals of bad starts, a lower-ranked
 * recommendation without reason, too many or unknown customers, and bad receipts, each changing
 * nothing. Rows and instances are removed after each test.
 */
class PromotionSelectionProcessTest extends ProcessTestBase {

  static final String ITEMS = "海報, 40, 2\n打火機, 9, 3";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;
  @Autowired Campaigns campaigns;
  @Autowired List<OutstandingWork> outstandingWork;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transactions;

  PromotionFixture fx;

  @BeforeEach
  void setUp() {
    init(engine);
    fx = new PromotionFixture(runtimeService, taskService, managementService, identityService, jdbc);
    fx.cleanUp();
  }

  @AfterEach
  void cleanUp() {
    fx.cleanUp();
    jdbc.update("DELETE FROM cm_region WHERE region_code = 'PTEST'");
  }

  // ---------------------------------------------------------------- paths

  @Test
  void aCampaignOverBothRegionsRunsFromStartToSignedHandOuts() {
    ProcessInstance pi = fx.start(campaign("EAST, west", 3, ITEMS));
    String no = pi.getBusinessKey();
    Assertions.assertThat(no).matches("CX-\\d{4}-00001");
    assertThat(pi).isWaitingAt(Element.EVALUATE);
    Campaigns.Campaign c = campaigns.find(no).orElseThrow();
    Assertions.assertThat(c.regions()).containsExactly("EAST", "WEST");
    Assertions.assertThat(campaigns.items(c.id())).extracting(Campaigns.Item::name, Campaigns.Item::stock,
        Campaigns.Item::perCustomer).containsExactly(Assertions.tuple("海報", 40, 2), Assertions.tuple("打火機", 9, 3));
    fx.runJobs(pi);

    // eligibility: grades 1–3, ACTIVE, in the regions, and exactly those
    List<Campaigns.Candidate> candidates = campaigns.candidates(c.id());
    LocalDate sixMonthsAgo = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusMonths(6);
    List<String> expected = jdbc.queryForList("SELECT customer_code FROM cm_customer WHERE status = 'ACTIVE' AND grade <= 3 "
        + "AND region_code IN ('EAST','WEST') AND customer_code NOT IN (SELECT customer_code FROM cm_visit WHERE "
        + "price_violation = TRUE AND COALESCE(completed_at, created_at) >= ?) ORDER BY customer_code", String.class,
        java.sql.Timestamp.valueOf(sixMonthsAgo.atStartOfDay()));
    Assertions.assertThat(candidates).extracting(Campaigns.Candidate::customerCode).containsExactlyInAnyOrderElementsOf(expected);
    Assertions.assertThat(candidates).allSatisfy(x -> {
      Assertions.assertThat(x.grade()).isBetween(1, 3);
      Assertions.assertThat(x.score()).isBetween(java.math.BigDecimal.ZERO, java.math.BigDecimal.valueOf(100));
    });
    List<Campaigns.Share> shares = campaigns.shares(c.id());
    Assertions.assertThat(shares).extracting(Campaigns.Share::managerId).containsExactlyInAnyOrder("lina", "zhangwei");
    Assertions.assertThat(shares.stream().mapToInt(Campaigns.Share::share).sum()).isEqualTo(3);

    // each manager recommends the top of their list
    List<Task> recommend = fx.tasks(pi, Element.RECOMMEND);
    Assertions.assertThat(recommend).extracting(Task::getAssignee)
        .containsExactlyInAnyOrderElementsOf(shares.stream().filter(s -> s.share() > 0).map(Campaigns.Share::managerId).toList());
    for (Task t : recommend) {
      Assertions.assertThat((String) fx.localVariable(t, Var.RANKING_TEXT)).contains("| 1 |");
      fx.complete(t.getAssignee(), MANAGER, t, Map.of());
    }
    fx.runJobs(pi);
    Map<String, Long> recommendedPerManager = campaigns.candidates(c.id()).stream().filter(Campaigns.Candidate::recommended)
        .collect(Collectors.groupingBy(Campaigns.Candidate::managerId, Collectors.counting()));
    shares.stream().filter(s -> s.share() > 0).forEach(s ->
        Assertions.assertThat(recommendedPerManager.get(s.managerId())).isEqualTo((long) s.share()));

    // the regional managers forward their region's list
    for (Task t : fx.tasks(pi, Element.REVIEW)) {
      boolean east = taskService.getIdentityLinksForTask(t.getId()).stream()
          .anyMatch(l -> "regional-managers-east".equals(l.getGroupId()));
      fx.complete(east ? "wangfang" : "chenjing", east ? REGIONAL_EAST : REGIONAL_WEST, t, Map.of());
    }
    fx.runJobs(pi);

    // the brand manager decides: the default is the forwarded list up to the slots
    Task decide = fx.tasks(pi, Element.DECIDE).get(0);
    assertThat(decide).hasCandidateGroup("brand-managers");
    fx.complete("liuyang", BRAND, decide, Map.of());
    List<Campaigns.Candidate> chosen = campaigns.candidates(c.id()).stream().filter(Campaigns.Candidate::chosen).toList();
    Assertions.assertThat(chosen).hasSize(3);

    // one hand-out per chosen customer, for its manager
    List<Task> handOuts = fx.tasks(pi, Element.HAND_OUT);
    Assertions.assertThat(handOuts).hasSize(3);
    String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    for (Task t : handOuts) {
      String code = (String) fx.localVariable(t, Var.HAND_OUT_CUSTOMER);
      Assertions.assertThat(t.getAssignee()).isEqualTo(jdbc.queryForObject(
          "SELECT manager_id FROM cm_customer WHERE customer_code = ?", String.class, code));
      Assertions.assertThat((String) fx.localVariable(t, Var.HANDED_ITEMS)).isEqualTo("海報=2; 打火機=3");
      fx.complete(t.getAssignee(), MANAGER, t, Map.of(Var.SIGNER_NAME, "店主" + code, Var.RECEIPT_CONFIRMED, true,
          Var.SIGNED_ON, today));
    }
    fx.runJobs(pi);

    assertThat(pi).hasPassedInOrder(Element.START, Element.OPEN_CAMPAIGN, Element.EVALUATE, Element.ANY_ELIGIBLE,
        Element.RECOMMEND, Element.RECORD_RECOMMENDATION, Element.REVIEW, Element.RECORD_REVIEW, Element.ANY_FORWARDED,
        Element.DECIDE, Element.RECORD_DECISION, Element.ANY_CHOSEN, Element.HAND_OUT, Element.RECORD_HAND_OUT,
        Element.END_HANDED_OUT, Element.CLOSE_JOIN, Element.CLOSE, Element.END_CLOSED).isEnded();
    Campaigns.Campaign closed = campaigns.find(no).orElseThrow();
    Assertions.assertThat(closed.status()).isEqualTo("CLOSED");
    Assertions.assertThat(closed.outcome()).isEqualTo("COMPLETED");
    Assertions.assertThat(campaigns.items(c.id())).extracting(Campaigns.Item::handedOut).containsExactly(6, 9);
    Assertions.assertThat(campaigns.handOuts(c.id())).allSatisfy(h -> {
      Assertions.assertThat(h.status()).isEqualTo("HANDED_OUT");
      Assertions.assertThat(h.confirmed()).isTrue();
      Assertions.assertThat(h.signerName()).startsWith("店主");
      Assertions.assertThat(campaigns.lines(h.id())).extracting(Campaigns.HandOutLine::quantity).containsExactly(2, 3);
    });
  }

  @Test
  void aCampaignWithoutEligibleCustomersEndsAsNoEligible() {
    jdbc.update("INSERT INTO cm_region (region_code, name) VALUES ('PTEST', '測試區')");
    ProcessInstance pi = fx.start(campaign("PTEST", 5, ITEMS));
    fx.runJobs(pi);
    assertThat(pi).hasPassed(Element.ANY_ELIGIBLE, Element.CLOSE, Element.END_CLOSED).hasNotPassed(Element.RECOMMEND)
        .isEnded();
    Campaigns.Campaign c = campaigns.find(pi.getBusinessKey()).orElseThrow();
    Assertions.assertThat(c.outcome()).isEqualTo("NO_ELIGIBLE");
    Assertions.assertThat(c.eligibleCount()).isZero();
  }

  @Test
  void whenTheRegionalManagerRemovesEveryCustomerNothingIsForwardedAndTheCampaignEnds() {
    ProcessInstance pi = fx.start(campaign("EAST", 2, ITEMS));
    fx.runJobs(pi);
    Task recommend = fx.tasks(pi, Element.RECOMMEND).get(0);
    fx.complete("zhangwei", MANAGER, recommend, Map.of());
    fx.runJobs(pi);
    Campaigns.Campaign c = campaigns.find(pi.getBusinessKey()).orElseThrow();
    String removals = campaigns.candidates(c.id()).stream().filter(Campaigns.Candidate::recommended)
        .map(x -> x.customerCode() + ": 店面裝修暫停營業").collect(Collectors.joining("\n"));
    Task review = fx.tasks(pi, Element.REVIEW).get(0);
    assertThat(review).hasCandidateGroup("regional-managers-east");
    Assertions.assertThat((String) fx.localVariable(review, Var.REGION_LIST_TEXT)).contains("zhangwei");
    // another region's manager may not review EAST
    Assertions.assertThatThrownBy(() -> fx.complete("chenjing", REGIONAL_WEST, review, Map.of()))
        .isInstanceOf(RuntimeException.class);
    // removing a customer that was not recommended is refused, nothing written
    Assertions.assertThatThrownBy(() -> fx.complete("wangfang", REGIONAL_EAST, fx.tasks(pi, Element.REVIEW).get(0),
            Map.of(Var.REMOVED_CUSTOMERS, "NOPE1: 不存在")))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("NOPE1");
    Assertions.assertThat(fx.count("cm_promotion_review")).isZero();
    taskService.setAssignee(fx.tasks(pi, Element.REVIEW).get(0).getId(), null);
    fx.complete("wangfang", REGIONAL_EAST, fx.tasks(pi, Element.REVIEW).get(0), Map.of(Var.REMOVED_CUSTOMERS, removals,
        Var.REVIEW_COMMENT, "本期不宜促銷"));
    fx.runJobs(pi);
    assertThat(pi).hasPassed(Element.ANY_FORWARDED, Element.CLOSE).hasNotPassed(Element.DECIDE).isEnded();
    Assertions.assertThat(campaigns.find(pi.getBusinessKey()).orElseThrow().outcome()).isEqualTo("NONE_CHOSEN");
    Assertions.assertThat(campaigns.candidates(c.id()).stream().filter(Campaigns.Candidate::recommended))
        .allSatisfy(x -> {
          Assertions.assertThat(x.reviewStatus()).isEqualTo("REMOVED");
          Assertions.assertThat(x.reviewReason()).isEqualTo("店面裝修暫停營業");
        });
  }

  @Test
  void theBrandManagerMayChooseNobodyButNotMoreThanTheSlotsNorUnforwardedCustomers() {
    ProcessInstance pi = toDecision("EAST", 2);
    Campaigns.Campaign c = campaigns.find(pi.getBusinessKey()).orElseThrow();
    Task decide = fx.tasks(pi, Element.DECIDE).get(0);
    String forwarded = campaigns.candidates(c.id()).stream().filter(x -> "FORWARDED".equals(x.reviewStatus()))
        .map(Campaigns.Candidate::customerCode).collect(Collectors.joining(","));
    String notForwarded = campaigns.candidates(c.id()).stream().filter(x -> !x.recommended()).findFirst().orElseThrow()
        .customerCode();
    Assertions.assertThatThrownBy(() -> fx.complete("liuyang", BRAND, decide, Map.of(Var.CHOSEN_CUSTOMERS, notForwarded)))
        .isInstanceOf(InvalidInput.class).hasMessageContaining(notForwarded).hasMessageContaining("不在區域市場經理報送的名單上");
    Assertions.assertThatThrownBy(() -> fx.complete("liuyang", BRAND, fx.tasks(pi, Element.DECIDE).get(0),
            Map.of(Var.CHOSEN_CUSTOMERS, forwarded + "," + notForwarded)))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("最多確定 2 戶");
    // a forwarded customer suspended meanwhile cannot be chosen
    String suspended = forwarded.split(",")[0];
    jdbc.update("UPDATE cm_customer SET status = 'SUSPENDED' WHERE customer_code = ?", suspended);
    try {
      Assertions.assertThatThrownBy(() -> fx.complete("liuyang", BRAND, fx.tasks(pi, Element.DECIDE).get(0),
              Map.of(Var.CHOSEN_CUSTOMERS, suspended)))
          .isInstanceOf(InvalidInput.class).hasMessageContaining("已不是在網客戶").hasMessageContaining(suspended);
    } finally {
      jdbc.update("UPDATE cm_customer SET status = 'ACTIVE' WHERE customer_code = ?", suspended);
    }
    Assertions.assertThat(fx.count("cm_promotion_handout")).isZero();
    fx.complete("liuyang", BRAND, fx.tasks(pi, Element.DECIDE).get(0), Map.of(Var.CHOSEN_CUSTOMERS, ""));
    fx.runJobs(pi);
    assertThat(pi).hasPassed(Element.ANY_CHOSEN, Element.CLOSE).hasNotPassed(Element.HAND_OUT).isEnded();
    Assertions.assertThat(campaigns.find(pi.getBusinessKey()).orElseThrow().outcome()).isEqualTo("NONE_CHOSEN");
  }

  @Test
  void aCustomerWhoExitsLosesItsPendingHandOutAndTheCampaignGoesOnForTheOthers() {
    ProcessInstance pi = toDecision("EAST", 2);
    fx.complete("liuyang", BRAND, fx.tasks(pi, Element.DECIDE).get(0), Map.of());
    List<Task> handOuts = fx.tasks(pi, Element.HAND_OUT);
    Assertions.assertThat(handOuts).hasSize(2);
    String leaving = (String) fx.localVariable(handOuts.get(0), Var.HAND_OUT_CUSTOMER);
    String staying = (String) fx.localVariable(handOuts.get(1), Var.HAND_OUT_CUSTOMER);
    Campaigns.Campaign c = campaigns.find(pi.getBusinessKey()).orElseThrow();

    // the exit's verification lists the undelivered items
    Assertions.assertThat(outstanding(leaving)).singleElement().satisfies(i ->
        Assertions.assertThat(i.text()).contains(pi.getBusinessKey()));

    transactions.executeWithoutResult(s -> events.publishEvent(new CustomerExited(leaving, "許可證註銷", "TC-2026-00099",
        "wangfang", "exit-pi")));

    Assertions.assertThat(outstanding(leaving)).isEmpty();
    Campaigns.HandOut cancelled = campaigns.handOut(c.id(), leaving).orElseThrow();
    Assertions.assertThat(cancelled.status()).isEqualTo("CANCELLED");
    Assertions.assertThat(cancelled.cancelReason()).contains("許可證註銷").contains("TC-2026-00099");
    Assertions.assertThat(campaigns.items(c.id())).extracting(Campaigns.Item::handedOut).containsExactly(0, 0);
    Assertions.assertThat(fx.tasks(pi, Element.HAND_OUT)).singleElement()
        .satisfies(t -> Assertions.assertThat(fx.localVariable(t, Var.HAND_OUT_CUSTOMER)).isEqualTo(staying));
    assertThat(pi).hasPassed(Element.HAND_OUT_CANCELLED, Element.END_HAND_OUT_CANCELLED).isActive();

    Task remaining = fx.tasks(pi, Element.HAND_OUT).get(0);
    fx.complete("zhangwei", MANAGER, remaining, Map.of(Var.SIGNER_NAME, "店主", Var.RECEIPT_CONFIRMED, true,
        Var.SIGNED_ON, LocalDate.now(ZoneId.of("Asia/Shanghai")).toString()));
    fx.runJobs(pi);
    assertThat(pi).isEnded();
    Assertions.assertThat(campaigns.find(pi.getBusinessKey()).orElseThrow().outcome()).isEqualTo("COMPLETED");
    Assertions.assertThat(campaigns.items(c.id())).extracting(Campaigns.Item::handedOut).containsExactly(2, 3);
  }

  @Test
  void aHandOutStaysWithItsCustomerWhateverItsHolderWritesIntoTheVariables() {
    ProcessInstance pi = toDecision("EAST", 2);
    fx.complete("liuyang", BRAND, fx.tasks(pi, Element.DECIDE).get(0), Map.of());
    List<Task> handOuts = fx.tasks(pi, Element.HAND_OUT);
    Assertions.assertThat(handOuts).hasSize(2);
    Task first = handOuts.get(0);
    Task second = handOuts.get(1);
    String a = (String) fx.localVariable(first, Var.HAND_OUT_CUSTOMER);
    String b = (String) fx.localVariable(second, Var.HAND_OUT_CUSTOMER);
    Campaigns.Campaign c = campaigns.find(pi.getBusinessKey()).orElseThrow();

    // a's task, its variable overwritten (PUT task variable) and completed with b's code: a's hand-out is recorded
    taskService.setVariable(first.getId(), Var.HAND_OUT_CUSTOMER, b);
    Map<String, Object> receipt = new HashMap<>(Map.of(Var.SIGNER_NAME, "店主", Var.RECEIPT_CONFIRMED, true,
        Var.SIGNED_ON, LocalDate.now(ZoneId.of("Asia/Shanghai")).toString(), Var.HAND_OUT_CUSTOMER, b));
    fx.complete(first.getAssignee(), MANAGER, first, receipt);
    Assertions.assertThat(campaigns.handOut(c.id(), a).orElseThrow().status()).isEqualTo("HANDED_OUT");
    Assertions.assertThat(campaigns.handOut(c.id(), b).orElseThrow().status()).isEqualTo("PENDING");
    Assertions.assertThat(fx.tasks(pi, Element.HAND_OUT)).extracting(Task::getId).containsExactly(second.getId());

    // b's task says a: b's exit still ends b's task, found by its link and not by the variable
    taskService.setVariable(second.getId(), Var.HAND_OUT_CUSTOMER, a);
    transactions.executeWithoutResult(s -> events.publishEvent(new CustomerExited(b, "許可證註銷", "TC-2026-00098",
        "wangfang", "exit-pi")));
    Assertions.assertThat(campaigns.handOut(c.id(), b).orElseThrow().status()).isEqualTo("CANCELLED");
    Assertions.assertThat(campaigns.handOut(c.id(), a).orElseThrow().status()).isEqualTo("HANDED_OUT");
    fx.runJobs(pi);
    assertThat(pi).hasPassed(Element.END_HAND_OUT_CANCELLED, Element.END_HANDED_OUT).isEnded();
  }

  @Test
  void theDecisionStaysWithinTheStockAndAHandOutThatCannotBeMadeEndsWithItsReason() {
    ProcessInstance pi = toDecision("EAST", 2, "海報, 40, 2\n打火機, 5, 3");
    Campaigns.Campaign c = campaigns.find(pi.getBusinessKey()).orElseThrow();
    // the default choice (2 customers) needs 6 lighters, 5 are left
    Assertions.assertThatThrownBy(() -> fx.complete("liuyang", BRAND, fx.tasks(pi, Element.DECIDE).get(0), Map.of()))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("促銷品「打火機」剩餘 5").hasMessageContaining("最多確定 1 戶");
    Assertions.assertThat(fx.count("cm_promotion_handout")).isZero();
    String one = campaigns.candidates(c.id()).stream().filter(x -> "FORWARDED".equals(x.reviewStatus())).findFirst()
        .orElseThrow().customerCode();
    fx.complete("liuyang", BRAND, fx.tasks(pi, Element.DECIDE).get(0), Map.of(Var.CHOSEN_CUSTOMERS, one));

    Task handOut = fx.tasks(pi, Element.HAND_OUT).get(0);
    Assertions.assertThat(fx.localVariable(handOut, Var.HAND_OUT_OUTCOME)).isEqualTo("HANDED_OUT");
    Assertions.assertThatThrownBy(() -> fx.complete(handOut.getAssignee(), MANAGER, handOut,
            Map.of(Var.HAND_OUT_OUTCOME, "NOT_HANDED_OUT")))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("未能發放的原因");
    Assertions.assertThatThrownBy(() -> fx.complete(handOut.getAssignee(), MANAGER, handOut,
            Map.of(Var.HAND_OUT_OUTCOME, "MAYBE", Var.NOT_HANDED_OUT_REASON, "x")))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("發放結果");
    Assertions.assertThat(campaigns.handOut(c.id(), one).orElseThrow().status()).isEqualTo("PENDING");
    fx.complete(handOut.getAssignee(), MANAGER, handOut, Map.of(Var.HAND_OUT_OUTCOME, "NOT_HANDED_OUT",
        Var.NOT_HANDED_OUT_REASON, "客戶拒收"));
    fx.runJobs(pi);
    assertThat(pi).hasPassed(Element.RECORD_HAND_OUT, Element.END_HANDED_OUT, Element.CLOSE).isEnded();
    Campaigns.HandOut h = campaigns.handOut(c.id(), one).orElseThrow();
    Assertions.assertThat(h.status()).isEqualTo("NOT_HANDED_OUT");
    Assertions.assertThat(h.cancelReason()).isEqualTo("客戶拒收");
    Assertions.assertThat(h.handedBy()).isEqualTo(handOut.getAssignee());
    Assertions.assertThat(campaigns.lines(h.id())).isEmpty();
    Assertions.assertThat(campaigns.items(c.id())).extracting(Campaigns.Item::handedOut).containsExactly(0, 0);
    Assertions.assertThat(campaigns.find(pi.getBusinessKey()).orElseThrow().status()).isEqualTo("CLOSED");
  }

  @Test
  void aDeletedCampaignClosesItsRecordsWithOrWithoutListeners() {
    // deleted with listeners (REST, Cockpit without "skip"): the end listener closes it at once
    ProcessInstance first = toDecision("EAST", 2);
    fx.complete("liuyang", BRAND, fx.tasks(first, Element.DECIDE).get(0), Map.of());
    Campaigns.Campaign c1 = campaigns.find(first.getBusinessKey()).orElseThrow();
    String customer = campaigns.handOuts(c1.id()).get(0).customerCode();
    Assertions.assertThat(outstanding(customer)).hasSize(1);
    runtimeService.deleteProcessInstance(first.getId(), "administrator");
    Assertions.assertThat(campaigns.find(first.getBusinessKey()).orElseThrow()).satisfies(c -> {
      Assertions.assertThat(c.status()).isEqualTo("CLOSED");
      Assertions.assertThat(c.outcome()).isEqualTo("CANCELLED");
    });
    Assertions.assertThat(campaigns.handOuts(c1.id())).allSatisfy(h -> {
      Assertions.assertThat(h.status()).isEqualTo("CANCELLED");
      Assertions.assertThat(h.cancelReason()).isEqualTo(com.tobacco.cmw.process.InstanceRuns.ENDED_NOTE);
    });
    Assertions.assertThat(outstanding(customer)).isEmpty();

    // deleted skipping custom listeners (Cockpit's cancel dialog): closed where the hand-outs are next read
    ProcessInstance second = toDecision("EAST", 2);
    fx.complete("liuyang", BRAND, fx.tasks(second, Element.DECIDE).get(0), Map.of());
    Campaigns.Campaign c2 = campaigns.find(second.getBusinessKey()).orElseThrow();
    runtimeService.deleteProcessInstance(second.getId(), "administrator", true);
    Assertions.assertThat(campaigns.handOuts(c2.id())).allSatisfy(h -> Assertions.assertThat(h.status()).isEqualTo("PENDING"));
    Assertions.assertThat(outstanding(customer)).isEmpty();
    Assertions.assertThat(campaigns.find(second.getBusinessKey()).orElseThrow().outcome()).isEqualTo("CANCELLED");
    Assertions.assertThat(campaigns.handOuts(c2.id())).allSatisfy(h -> {
      Assertions.assertThat(h.status()).isEqualTo("CANCELLED");
      Assertions.assertThat(h.cancelReason()).isEqualTo(com.tobacco.cmw.process.InstanceRuns.ENDED_NOTE);
    });
  }

  @Test
  void everyRecordedTimeFollowsTheEngineClock() {
    java.time.Instant fixed = java.time.Instant.now().minusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(fixed));
    try {
      ProcessInstance pi = toDecision("EAST", 2);
      fx.complete("liuyang", BRAND, fx.tasks(pi, Element.DECIDE).get(0), Map.of(Var.CHOSEN_CUSTOMERS, ""));
      fx.runJobs(pi);
      Campaigns.Campaign c = campaigns.find(pi.getBusinessKey()).orElseThrow();
      Assertions.assertThat(List.of(c.startedAt(), c.decidedAt(), c.closedAt())).containsOnly(fixed);
      Assertions.assertThat(jdbc.queryForList("SELECT recommended_at FROM cm_promotion_candidate WHERE recommended "
          + "UNION SELECT reviewed_at FROM cm_promotion_candidate WHERE reviewed_at IS NOT NULL", java.sql.Timestamp.class))
          .extracting(java.sql.Timestamp::toInstant).containsOnly(fixed);
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }
  }

  // ---------------------------------------------------------------- refusals

  @Test
  void aBadStartIsAnsweredWithEveryProblemAndLeavesNothing() {
    Map<String, Object> bad = campaign("EAST, MOON", 0, "海報, 0, 2\n打火機, 5, x");
    bad.put("brandCode", "NOSUCH");
    bad.put("periodFrom", "2026-12-31");
    bad.put("periodTo", "2026-12-01");
    Assertions.assertThatThrownBy(() -> fx.start(bad)).isInstanceOf(InvalidInput.class)
        .hasMessageContaining("品牌「NOSUCH」不在品牌目錄中").hasMessageContaining("早於開始日")
        .hasMessageContaining("區域「MOON」不存在").hasMessageContaining("名額應為 1–10000")
        .hasMessageContaining("促銷品「海報」的庫存應為").hasMessageContaining("不是整數");
    Map<String, Object> noItems = campaign("EAST", 3, "");
    Assertions.assertThatThrownBy(() -> fx.start(noItems)).isInstanceOf(InvalidInput.class)
        .hasMessageContaining("至少要有一種促銷品");
    Map<String, Object> noRegion = campaign("", 3, ITEMS);
    noRegion.put("periodFrom", "2020-01-01");
    noRegion.put("periodTo", "2020-02-01");
    Assertions.assertThatThrownBy(() -> fx.start(noRegion)).isInstanceOf(InvalidInput.class)
        .hasMessageContaining("請選擇至少一個區域").hasMessageContaining("已於 2020-02-01 結束");
    Assertions.assertThat(runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(PromotionSelectionProcess.PROCESS_KEY).count()).isZero();
    for (String table : PromotionFixture.TABLES) {
      Assertions.assertThat(fx.count(table)).as(table).isZero();
    }
  }

  @Test
  void aLowerRankedRecommendationNeedsAReasonAndTooManyOrUnknownCustomersAreRefused() {
    ProcessInstance pi = fx.start(campaign("EAST", 3, ITEMS));
    fx.runJobs(pi);
    Campaigns.Campaign c = campaigns.find(pi.getBusinessKey()).orElseThrow();
    List<Campaigns.Candidate> list = campaigns.candidatesOf(c.id(), "zhangwei");
    Assertions.assertThat(list.size()).isGreaterThanOrEqualTo(4);
    Task task = fx.tasks(pi, Element.RECOMMEND).get(0);
    Assertions.assertThat(fx.localVariable(task, Var.SHARE)).isEqualTo(3);
    Assertions.assertThat(fx.localVariable(task, Var.RECOMMENDED_CUSTOMERS)).isEqualTo(list.get(0).customerCode() + ", "
        + list.get(1).customerCode() + ", " + list.get(2).customerCode());
    String first = list.get(0).customerCode();
    String second = list.get(1).customerCode();
    String fourth = list.get(3).customerCode();

    Assertions.assertThatThrownBy(() -> fx.complete("zhangwei", MANAGER, task, Map.of(Var.RECOMMENDED_CUSTOMERS,
            first + "," + fourth)))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("推薦 " + fourth + "(第 4 名)而未推薦排名更高的 " + second);
    Assertions.assertThatThrownBy(() -> fx.complete("zhangwei", MANAGER, task, Map.of(Var.RECOMMENDED_CUSTOMERS,
            list.stream().limit(4).map(Campaigns.Candidate::customerCode).collect(Collectors.joining(",")))))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("最多推薦 3 戶");
    Assertions.assertThatThrownBy(() -> fx.complete("zhangwei", MANAGER, task, Map.of(Var.RECOMMENDED_CUSTOMERS,
            first + ",C99999")))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("不在您的推薦名單上:C99999");
    // nothing written, the task is still there
    Assertions.assertThat(campaigns.candidates(c.id())).noneMatch(Campaigns.Candidate::recommended);
    Assertions.assertThat(fx.tasks(pi, Element.RECOMMEND)).hasSize(1);

    Map<String, Object> withReason = new HashMap<>();
    withReason.put(Var.RECOMMENDED_CUSTOMERS, first + "," + fourth);
    withReason.put(Var.RECOMMEND_REASONS, fourth + ": 新店開業,陳列位置好");
    fx.complete("zhangwei", MANAGER, fx.tasks(pi, Element.RECOMMEND).get(0), withReason);
    Map<String, Campaigns.Candidate> after = campaigns.candidates(c.id()).stream()
        .collect(Collectors.toMap(Campaigns.Candidate::customerCode, x -> x));
    Assertions.assertThat(after.get(first).recommended()).isTrue();
    Assertions.assertThat(after.get(fourth).recommended()).isTrue();
    Assertions.assertThat(after.get(fourth).recommendReason()).isEqualTo("新店開業,陳列位置好");
    Assertions.assertThat(after.get(second).recommended()).isFalse();
  }

  @Test
  void aBadReceiptOrMoreThanTheStockIsRefusedAndChangesNothing() {
    ProcessInstance pi = fx.start(campaign("EAST", 1, "海報, 5, 2\n打火機, 3, 1"));
    fx.runJobs(pi);
    fx.complete("zhangwei", MANAGER, fx.tasks(pi, Element.RECOMMEND).get(0), Map.of());
    fx.runJobs(pi);
    fx.complete("wangfang", REGIONAL_EAST, fx.tasks(pi, Element.REVIEW).get(0), Map.of());
    fx.runJobs(pi);
    fx.complete("liuyang", BRAND, fx.tasks(pi, Element.DECIDE).get(0), Map.of());
    Task handOut = fx.tasks(pi, Element.HAND_OUT).get(0);
    Campaigns.Campaign c = campaigns.find(pi.getBusinessKey()).orElseThrow();
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    Assertions.assertThatThrownBy(() -> fx.complete("zhangwei", MANAGER, handOut, Map.of(Var.HANDED_ITEMS, "海報=2; 傘=1",
            Var.SIGNER_NAME, " ", Var.RECEIPT_CONFIRMED, false, Var.SIGNED_ON, today.plusDays(1).toString())))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("「傘」不是本次活動的促銷品").hasMessageContaining("簽收人")
        .hasMessageContaining("簽名確認").hasMessageContaining("在今天之後");
    Assertions.assertThatThrownBy(() -> fx.complete("zhangwei", MANAGER, handOut, Map.of(Var.HANDED_ITEMS, "海報=0",
            Var.SIGNER_NAME, "店主", Var.RECEIPT_CONFIRMED, true, Var.SIGNED_ON, today.minusYears(1).toString())))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("發放數量應為 1–").hasMessageContaining("早於促銷期間開始日");
    Assertions.assertThatThrownBy(() -> fx.complete("zhangwei", MANAGER, handOut, Map.of(Var.HANDED_ITEMS, "海報=2; 打火機=4",
            Var.SIGNER_NAME, "店主", Var.RECEIPT_CONFIRMED, true, Var.SIGNED_ON, today.toString())))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("促銷品「打火機」庫存不足:本次要發放 4,只剩 3");
    // another manager may not hand out zhangwei's customer
    Assertions.assertThatThrownBy(() -> fx.complete("lina", MANAGER, handOut, Map.of(Var.SIGNER_NAME, "店主",
        Var.RECEIPT_CONFIRMED, true, Var.SIGNED_ON, today.toString()))).isInstanceOf(RuntimeException.class);
    Assertions.assertThat(campaigns.items(c.id())).extracting(Campaigns.Item::handedOut).containsExactly(0, 0);
    Assertions.assertThat(campaigns.handOuts(c.id())).singleElement()
        .satisfies(h -> Assertions.assertThat(h.status()).isEqualTo("PENDING"));
    Assertions.assertThat(fx.count("cm_promotion_handout_item")).isZero();
    Assertions.assertThat(fx.tasks(pi, Element.HAND_OUT)).hasSize(1);

    // the customer changes manager meanwhile: the hand-out stays with zhangwei, who holds its task
    String customer = (String) fx.localVariable(handOut, Var.HAND_OUT_CUSTOMER);
    Assertions.assertThat(campaigns.assignee(c.id(), customer)).contains("zhangwei");
    jdbc.update("UPDATE cm_customer SET manager_id = 'lina' WHERE customer_code = ?", customer);
    try {
      fx.complete("zhangwei", MANAGER, handOut, Map.of(Var.HANDED_ITEMS, "海報=2; 打火機=3", Var.SIGNER_NAME, "店主",
          Var.RECEIPT_CONFIRMED, true, Var.SIGNED_ON, today.toString()));
    } finally {
      jdbc.update("UPDATE cm_customer SET manager_id = 'zhangwei' WHERE customer_code = ?", customer);
    }
    Assertions.assertThat(campaigns.items(c.id())).extracting(Campaigns.Item::handedOut).containsExactly(2, 3);
    Assertions.assertThat(campaigns.handOut(c.id(), customer).orElseThrow().handedBy()).isEqualTo("zhangwei");
  }

  // ---------------------------------------------------------------- helpers

  /** A campaign of one region at the brand manager's decision, every recommendation forwarded. */
  private ProcessInstance toDecision(String region, int slots) {
    return toDecision(region, slots, ITEMS);
  }

  private ProcessInstance toDecision(String region, int slots, String items) {
    ProcessInstance pi = fx.start(campaign(region, slots, items));
    fx.runJobs(pi);
    for (Task t : fx.tasks(pi, Element.RECOMMEND)) {
      fx.complete(t.getAssignee(), MANAGER, t, Map.of());
    }
    fx.runJobs(pi);
    for (Task t : fx.tasks(pi, Element.REVIEW)) {
      fx.complete("wangfang", REGIONAL_EAST, t, Map.of());
    }
    fx.runJobs(pi);
    return pi;
  }

  private List<OutstandingWork.Item> outstanding(String customerCode) {
    return outstandingWork.stream().filter(w -> w instanceof PromotionOutstandingWork)
        .flatMap(w -> w.outstanding(customerCode, null).stream()).toList();
  }
}

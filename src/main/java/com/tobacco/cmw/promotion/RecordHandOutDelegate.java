package com.tobacco.cmw.promotion;

import static com.tobacco.cmw.promotion.PromotionSelectionProcess.Var;

import com.tobacco.cmw.process.EngineClock;
import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.process.Variables;
import com.tobacco.cmw.process.YearCounter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Checks and records one hand-out and its 《宣傳促銷品簽收單》 (§4.2.2): items of the campaign with
 * whole quantities, signed by the customer (name, confirmed, a date not in the future and not
 * before the campaign starts). Each item is taken from the campaign's stock by a guarded update,
 * so concurrent hand-outs never hand out more than the stock; one that would answers 400 naming
 * the item and what is left, the task stays and nothing is written. A hand-out that cannot be
 * made (stock gone, customer refused) ends with outcome {@code NOT_HANDED_OUT} and its reason,
 * taking nothing from stock, so every campaign can end.
 */
@Component("recordPromotionHandOut")
public class RecordHandOutDelegate implements JavaDelegate {

  static final String NOT_HANDED_OUT = "NOT_HANDED_OUT";

  private final Campaigns campaigns;
  private final Callers callers;
  private final PromotionParties parties;
  private final EngineClock clock;
  private final YearCounter locks;

  public RecordHandOutDelegate(Campaigns campaigns, Callers callers, PromotionParties parties, EngineClock clock,
                               YearCounter locks) {
    this.campaigns = campaigns;
    this.callers = callers;
    this.parties = parties;
    this.clock = clock;
    this.locks = locks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PromotionVariables.keepOnly(execution, PromotionVariables.PROCESS);
    Campaigns.Campaign campaign = campaigns.require(execution.getProcessInstanceId());
    // the hand-out linked to this branch when its task was created: its customer, not the variable
    Campaigns.HandOut linked = campaigns.handOutOf(HandOutExecution.idOf(execution))
        .orElseThrow(() -> new IllegalStateException("no hand-out linked to execution " + execution.getId()));
    String code = linked.customerCode();
    // the customer's manager now, or whoever holds the task (it stays with the manager it was given to)
    String manager = campaigns.assignee(campaign.id(), code)
        .filter(holder -> holder.equals(callers.caller(holder))).orElse(parties.currentManager(code));
    callers.requireUser(manager, Var.HANDED_ITEMS, "向客戶 " + code + " 發放促銷品 / hand out to " + code);
    Campaigns.HandOut handOut = java.util.Optional.of(linked)
        .filter(h -> h.status().equals("PENDING"))
        .orElseThrow(() -> InvalidInput.inForm(Var.HANDED_ITEMS, "客戶 " + code + " 的促銷品已不是待發放 / the hand-out to "
            + code + " is no longer pending"));

    Object outcome = execution.getVariable(Var.HAND_OUT_OUTCOME);
    if (outcome != null && !"HANDED_OUT".equals(outcome)) {
      if (!NOT_HANDED_OUT.equals(outcome)) {
        throw InvalidInput.inForm(Var.HAND_OUT_OUTCOME, "發放結果應為「已發放」或「未能發放」:" + outcome
            + " / the outcome is HANDED_OUT or NOT_HANDED_OUT");
      }
      // §4.2.2 leaves no hand-out open for ever: stock gone, customer refused… with the reason
      String reason = Variables.requiredText(execution, Var.NOT_HANDED_OUT_REASON, "未能發放的原因", 500,
          m -> InvalidInput.inForm(Var.NOT_HANDED_OUT_REASON, m));
      if (!campaigns.notHandedOut(handOut.id(), reason, callers.caller(manager), clock.now())) {
        throw InvalidInput.inForm(Var.HANDED_ITEMS, "客戶 " + code + " 的促銷品已不是待發放 / the hand-out to " + code
            + " is no longer pending");
      }
      return;
    }

    List<String> problems = new ArrayList<>();
    Function<String, RuntimeException> collect = m -> {
      problems.add(m);
      return new IllegalStateException(m);
    };
    String signer = null;
    try {
      signer = Variables.requiredText(execution, Var.SIGNER_NAME, "簽收人", 60, collect);
    } catch (IllegalStateException collected) {
      // listed
    }
    if (!Variables.flag(execution, Var.RECEIPT_CONFIRMED, "客戶已簽收確認", m -> InvalidInput.inForm(Var.RECEIPT_CONFIRMED, m))) {
      problems.add("客戶未在《宣傳促銷品簽收單》上簽名確認 / the customer has not confirmed the receipt");
    }
    LocalDate signedOn = null;
    try {
      signedOn = Variables.requiredDate(execution, Var.SIGNED_ON, "簽收日期", clock.zone(), collect);
      LocalDate today = clock.today();
      if (signedOn.isAfter(today)) {
        problems.add("簽收日期 " + signedOn + " 在今天之後 / the date signed is in the future");
      } else if (signedOn.isBefore(campaign.periodFrom())) {
        problems.add("簽收日期 " + signedOn + " 早於促銷期間開始日 " + campaign.periodFrom()
            + " / signed before the campaign period starts");
      }
    } catch (IllegalStateException collected) {
      // listed
    }
    Map<String, Integer> quantities = PromotionInput.quantities(execution.getVariable(Var.HANDED_ITEMS), problems);
    Map<String, Campaigns.Item> items = campaigns.items(campaign.id()).stream()
        .collect(Collectors.toMap(Campaigns.Item::name, i -> i));
    for (String name : quantities.keySet()) {
      if (!items.containsKey(name)) {
        problems.add("「" + name + "」不是本次活動的促銷品(" + String.join("、", items.keySet()) + ")/ " + name
            + " is not an item of this campaign");
      }
    }
    if (!problems.isEmpty()) {
      throw InvalidInput.inForm(Var.HANDED_ITEMS, "簽收單有誤 / the receipt is incomplete:\n- " + String.join("\n- ", problems));
    }

    locks.waitForLocks();
    // items are taken in the order of their id, whatever order the form lists them in: two
    // hand-outs of the same items then lock the item rows in the same order and cannot deadlock
    List<Map.Entry<String, Integer>> byItemId = quantities.entrySet().stream()
        .sorted(java.util.Comparator.comparingLong(e -> items.get(e.getKey()).id())).toList();
    for (Map.Entry<String, Integer> e : byItemId) {
      Campaigns.Item item = items.get(e.getKey());
      if (!campaigns.take(item.id(), e.getValue())) {
        int left = campaigns.items(campaign.id()).stream().filter(i -> i.id() == item.id()).findFirst()
            .map(i -> i.stock() - i.handedOut()).orElse(0);
        throw InvalidInput.inForm(Var.HANDED_ITEMS, "促銷品「" + item.name() + "」庫存不足:本次要發放 " + e.getValue()
            + ",只剩 " + left + "(庫存 " + item.stock() + ")/ not enough " + item.name() + ": " + e.getValue()
            + " asked, " + left + " left of " + item.stock());
      }
    }
    if (!campaigns.handedOut(handOut.id(), signer, signedOn, callers.caller(manager), clock.now())) {
      throw InvalidInput.inForm(Var.HANDED_ITEMS, "客戶 " + code + " 的促銷品已不是待發放 / the hand-out to " + code
          + " is no longer pending");
    }
    for (Map.Entry<String, Integer> e : quantities.entrySet()) {
      campaigns.insertLine(handOut.id(), items.get(e.getKey()).id(), e.getValue());
    }
  }
}

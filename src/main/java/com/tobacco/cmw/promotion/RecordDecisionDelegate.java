package com.tobacco.cmw.promotion;

import static com.tobacco.cmw.promotion.PromotionSelectionProcess.Var;

import com.tobacco.cmw.process.EngineClock;
import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.security.Roles;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Checks and records the brand manager's choice (§4.2.2 品牌經理確定促銷客戶): only forwarded
 * customers, at most the campaign's slots; opens one pending hand-out per chosen customer. Choosing
 * nobody is allowed and ends the campaign (outcome NONE_CHOSEN).
 */
@Component("recordPromotionDecision")
public class RecordDecisionDelegate implements JavaDelegate {

  private final Campaigns campaigns;
  private final Callers callers;
  private final EngineClock clock;

  public RecordDecisionDelegate(Campaigns campaigns, Callers callers, EngineClock clock) {
    this.campaigns = campaigns;
    this.callers = callers;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    callers.requireGroup(Roles.BRAND_MANAGERS, Var.CHOSEN_CUSTOMERS, "確定促銷客戶 / decide the customers");
    PromotionVariables.keepOnly(execution, PromotionVariables.PROCESS);
    Campaigns.Campaign campaign = campaigns.require(execution.getProcessInstanceId());
    List<String> codes = PromotionInput.codes(execution.getVariable(Var.CHOSEN_CUSTOMERS), "確定的促銷客戶",
        m -> InvalidInput.inForm(Var.CHOSEN_CUSTOMERS, m));
    Set<String> forwarded = campaigns.candidates(campaign.id()).stream().filter(c -> "FORWARDED".equals(c.reviewStatus()))
        .map(Campaigns.Candidate::customerCode).collect(Collectors.toSet());
    List<String> unknown = codes.stream().filter(c -> !forwarded.contains(c)).toList();
    StringBuilder problems = new StringBuilder();
    if (!unknown.isEmpty()) {
      problems.append("不在區域市場經理報送的名單上:").append(String.join("、", unknown)).append(" / not forwarded by a regional manager: ")
          .append(String.join(", ", unknown));
    }
    List<String> inactive = campaigns.notActive(codes.stream().filter(forwarded::contains).toList());
    if (!inactive.isEmpty()) {
      problems.append(problems.isEmpty() ? "" : "\n").append("已不是在網客戶(已退網或暫停),不能確定:")
          .append(String.join("、", inactive)).append(" / no longer active: ").append(String.join(", ", inactive));
    }
    if (codes.size() > campaign.slots()) {
      problems.append(problems.isEmpty() ? "" : "\n").append("最多確定 ").append(campaign.slots()).append(" 戶(名額),您選了 ")
          .append(codes.size()).append(" 戶 / at most ").append(campaign.slots()).append(" customers (the slots)");
    }
    for (Campaigns.Item item : campaigns.items(campaign.id())) {
      int left = item.stock() - item.handedOut();
      long needed = (long) codes.size() * item.perCustomer();
      if (needed > left) {
        problems.append(problems.isEmpty() ? "" : "\n").append("促銷品「").append(item.name()).append("」剩餘 ").append(left)
            .append(",不夠 ").append(codes.size()).append(" 戶各發標準數量 ").append(item.perCustomer()).append("(需要 ")
            .append(needed).append("),最多確定 ").append(left / item.perCustomer()).append(" 戶 / not enough ")
            .append(item.name()).append(": ").append(left).append(" left, ").append(needed).append(" needed for ")
            .append(codes.size()).append(" customers at ").append(item.perCustomer()).append(" each");
      }
    }
    if (!problems.isEmpty()) {
      throw InvalidInput.inForm(Var.CHOSEN_CUSTOMERS, problems.toString());
    }
    // the forwarded list of every region (with scores) was for the brand manager only: once decided
    // it leaves the instance, so the hand-out holders cannot read it through the task's variables
    execution.getProcessInstance().removeVariableLocal(Var.FORWARDED_TEXT);
    execution.getProcessInstance().removeVariableLocal(Var.CHOSEN_CUSTOMERS);
    Instant now = clock.now();
    campaigns.choose(campaign.id(), codes);
    codes.forEach(code -> campaigns.insertHandOut(campaign.id(), code, now));
    campaigns.decided(campaign.id(), callers.caller("system"), now);
    execution.setVariable(Var.CHOSEN_COUNT, codes.size());
  }
}

package com.tobacco.cmw.promotion;

import static com.tobacco.cmw.promotion.PromotionSelectionProcess.Var;

import com.tobacco.cmw.process.EngineClock;
import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.process.Variables;
import com.tobacco.cmw.security.Roles;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Checks and records a regional manager's review of the region's recommendations (§4.2.1 交區域市場經理):
 * every recommended customer is forwarded to the brand manager unless removed with a reason. A
 * removal of a customer that was not recommended in the region answers 400, nothing written.
 */
@Component("recordPromotionRegionReview")
public class RecordRegionReviewDelegate implements JavaDelegate {

  private final Campaigns campaigns;
  private final Callers callers;
  private final EngineClock clock;

  public RecordRegionReviewDelegate(Campaigns campaigns, Callers callers, EngineClock clock) {
    this.campaigns = campaigns;
    this.callers = callers;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String region = (String) execution.getVariable(Var.REVIEW_REGION);
    PromotionVariables.keepOnly(execution, PromotionVariables.PROCESS);
    callers.requireGroup(Roles.regionalManagersOf(region), Var.REMOVED_CUSTOMERS, "審核本區域的推薦 / review this region");
    Campaigns.Campaign campaign = campaigns.require(execution.getProcessInstanceId());
    Map<String, String> removed = PromotionInput.reasons(execution.getVariable(Var.REMOVED_CUSTOMERS), "刪除的客戶及理由",
        m -> InvalidInput.inForm(Var.REMOVED_CUSTOMERS, m));
    Set<String> recommended = campaigns.candidates(campaign.id()).stream()
        .filter(c -> c.recommended() && c.regionCode().equals(region)).map(Campaigns.Candidate::customerCode)
        .collect(Collectors.toSet());
    List<String> unknown = removed.keySet().stream().filter(c -> !recommended.contains(c)).toList();
    if (!unknown.isEmpty()) {
      throw InvalidInput.inForm(Var.REMOVED_CUSTOMERS, "不是本區域推薦的客戶,不能刪除:" + String.join("、", unknown)
          + " / not recommended in this region: " + String.join(", ", unknown));
    }
    String comment = Variables.optionalText(execution, Var.REVIEW_COMMENT, "審核意見", 1000,
        m -> InvalidInput.inForm(Var.REVIEW_COMMENT, m));
    campaigns.review(campaign.id(), region, removed, comment, callers.caller("system"), clock.now());
    campaigns.status(campaign.id(), "REVIEWING");
  }
}

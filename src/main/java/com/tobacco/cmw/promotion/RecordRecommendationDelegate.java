package com.tobacco.cmw.promotion;

import static com.tobacco.cmw.promotion.PromotionSelectionProcess.Var;

import com.tobacco.cmw.process.EngineClock;
import com.tobacco.cmw.process.InvalidInput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Checks and records one customer manager's recommendations (§4.2.1 優先推選較優秀的客戶): only
 * customers of their ranked list, at most their share, and a reason for every recommended customer
 * ranked below one left out. Any problem answers 400 naming the customers; the task stays and
 * nothing is written.
 */
@Component("recordPromotionRecommendation")
public class RecordRecommendationDelegate implements JavaDelegate {

  private final Campaigns campaigns;
  private final Callers callers;
  private final EngineClock clock;

  public RecordRecommendationDelegate(Campaigns campaigns, Callers callers, EngineClock clock) {
    this.campaigns = campaigns;
    this.callers = callers;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String manager = (String) execution.getVariable(Var.RECOMMENDER);
    PromotionVariables.keepOnly(execution, PromotionVariables.PROCESS);
    callers.requireUser(manager, Var.RECOMMENDED_CUSTOMERS, "推薦其客戶 / recommend their customers");
    Campaigns.Campaign campaign = campaigns.require(execution.getProcessInstanceId());
    Function<String, RuntimeException> error = m -> InvalidInput.inForm(Var.RECOMMENDED_CUSTOMERS, m);
    List<String> codes = PromotionInput.codes(execution.getVariable(Var.RECOMMENDED_CUSTOMERS), "推薦的客戶", error);
    Map<String, String> reasons = PromotionInput.reasons(execution.getVariable(Var.RECOMMEND_REASONS), "推薦理由",
        m -> InvalidInput.inForm(Var.RECOMMEND_REASONS, m));
    int share = campaigns.share(campaign.id(), manager).map(Campaigns.Share::share).orElse(0);
    List<Campaigns.Candidate> list = campaigns.candidatesOf(campaign.id(), manager);
    // a customer exited or suspended since the evaluation cannot be recommended, nor is it "passed over"
    Set<String> notActive = new HashSet<>(campaigns.notActive(list.stream().map(Campaigns.Candidate::customerCode).toList()));
    String problem = problem(codes, reasons, share, list, notActive);
    List<String> inactive = codes.stream().filter(notActive::contains).toList();
    if (!inactive.isEmpty()) {
      problem = (problem == null ? "" : problem + "\n") + "已不是在網客戶(已退網或暫停),不能推薦:" + String.join("、", inactive)
          + " / no longer active: " + String.join(", ", inactive);
    }
    if (problem != null) {
      throw InvalidInput.inForm(Var.RECOMMENDED_CUSTOMERS, problem);
    }
    Map<String, String> kept = new HashMap<>();
    codes.forEach(code -> {
      if (reasons.containsKey(code)) {
        kept.put(code, reasons.get(code));
      }
    });
    campaigns.recommend(campaign.id(), manager, codes, kept, callers.caller(manager), clock.now());
  }

  /** What is wrong with a recommendation, or null: the rules of §4.2.1 as the form explains them. */
  static String problem(List<String> codes, Map<String, String> reasons, int share,
                        List<Campaigns.Candidate> rankedList) {
    return problem(codes, reasons, share, rankedList, Set.of());
  }

  /**
   * As above, where the customers of {@code inactive} (exited or suspended since the evaluation)
   * can no longer be recommended and so are never passed over: the next active customers of the
   * list need no reason.
   */
  static String problem(List<String> codes, Map<String, String> reasons, int share,
                        List<Campaigns.Candidate> rankedList, Set<String> inactive) {
    Map<String, Integer> rank = new LinkedHashMap<>();
    rankedList.forEach(c -> rank.put(c.customerCode(), c.managerRank()));
    List<String> problems = new ArrayList<>();
    List<String> unknown = codes.stream().filter(c -> !rank.containsKey(c)).toList();
    if (!unknown.isEmpty()) {
      problems.add("不在您的推薦名單上:" + String.join("、", unknown) + " / not on your ranked list: " + String.join(", ", unknown));
    }
    if (codes.size() > share) {
      problems.add("最多推薦 " + share + " 戶,您推薦了 " + codes.size() + " 戶 / your share is " + share + ", you recommended "
          + codes.size());
    }
    Set<String> chosen = new HashSet<>(codes);
    for (String code : codes) {
      Integer r = rank.get(code);
      if (r == null || reasons.containsKey(code)) {
        continue;
      }
      List<String> passedOver = rank.entrySet().stream()
          .filter(e -> e.getValue() < r && !chosen.contains(e.getKey()) && !inactive.contains(e.getKey()))
          .map(e -> e.getKey() + "(第 " + e.getValue() + " 名)").collect(Collectors.toList());
      if (!passedOver.isEmpty()) {
        problems.add("推薦 " + code + "(第 " + r + " 名)而未推薦排名更高的 " + String.join("、", passedOver)
            + ",請在推薦理由中寫明「" + code + ": 理由」/ " + code + " (rank " + r + ") is recommended while higher-ranked "
            + String.join(", ", passedOver) + " is left out: give the reason as \"" + code + ": reason\"");
      }
    }
    return problems.isEmpty() ? null : String.join("\n", problems);
  }
}

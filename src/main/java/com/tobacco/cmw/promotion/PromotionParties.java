package com.tobacco.cmw.promotion;

import com.tobacco.cmw.customer.BrandRepository;
import com.tobacco.cmw.customer.CustomerRepository;
import com.tobacco.cmw.security.Roles;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What the model asks while it runs ({@code ${promotionParties.…}}): who works each task, the
 * collections the multi-instance steps run over, and the texts and defaults the forms show. All
 * read from the campaign's tables at the moment they are asked, never from process variables
 * (an assignee can change variables through the REST API).
 */
@Component("promotionParties")
public class PromotionParties {

  private final Campaigns campaigns;
  private final CustomerRepository customers;
  private final BrandRepository brands;

  public PromotionParties(Campaigns campaigns, CustomerRepository customers, BrandRepository brands) {
    this.campaigns = campaigns;
    this.customers = customers;
    this.brands = brands;
  }

  // ---------------------------------------------------------------- who and over what

  /** The customer managers with a share &gt; 0: one recommendation task each. */
  public List<String> recommenders(DelegateExecution execution) {
    Campaigns.Campaign c = campaigns.require(execution.getProcessInstanceId());
    return new ArrayList<>(campaigns.shares(c.id()).stream().filter(s -> s.share() > 0).map(Campaigns.Share::managerId)
        .toList());
  }

  /** The regions with at least one recommended customer: one review each. */
  public List<String> regionsToReview(DelegateExecution execution) {
    Campaigns.Campaign c = campaigns.require(execution.getProcessInstanceId());
    return new ArrayList<>(campaigns.candidates(c.id()).stream().filter(Campaigns.Candidate::recommended)
        .map(Campaigns.Candidate::regionCode).collect(Collectors.toCollection(LinkedHashSet::new)));
  }

  public int forwardedCount(DelegateExecution execution) {
    Campaigns.Campaign c = campaigns.require(execution.getProcessInstanceId());
    return (int) campaigns.candidates(c.id()).stream().filter(x -> "FORWARDED".equals(x.reviewStatus())).count();
  }

  public int chosenCount(DelegateExecution execution) {
    return chosenCustomers(execution).size();
  }

  /** The chosen customers: one hand-out each. */
  public List<String> chosenCustomers(DelegateExecution execution) {
    Campaigns.Campaign c = campaigns.require(execution.getProcessInstanceId());
    return new ArrayList<>(campaigns.candidates(c.id()).stream().filter(Campaigns.Candidate::chosen)
        .map(Campaigns.Candidate::customerCode).sorted().toList());
  }

  /** Candidate group of a region's review. */
  public String regionGroup(String regionCode) {
    return Roles.regionalManagersOf(regionCode);
  }

  /** The customer's manager now (a manager change while the campaign runs sends the hand-out to the new one). */
  public String currentManager(String customerCode) {
    return customers.find(customerCode).map(com.tobacco.cmw.customer.Customer::managerId)
        .orElseThrow(() -> new IllegalStateException("unknown customer " + customerCode));
  }

  // ---------------------------------------------------------------- form texts and defaults

  /** The campaign in one line: number, brand, period, slots. */
  public String campaignText(Campaigns.Campaign c) {
    String brand = brands.find(c.brandCode()).map(b -> b.name() + "(" + b.brandCode() + ")").orElse(c.brandCode());
    return c.campaignNo() + " " + brand + ",期間 " + c.periodFrom() + " 至 " + c.periodTo() + ",名額 " + c.slots() + " 戶";
  }

  public int share(DelegateExecution execution, String managerId) {
    Campaigns.Campaign c = campaigns.require(execution.getProcessInstanceId());
    return campaigns.share(c.id(), managerId).map(Campaigns.Share::share).orElse(0);
  }

  /** A manager's ranked list as a Markdown table: rank, customer, grade, score and its parts. */
  public String ranking(DelegateExecution execution, String managerId) {
    Campaigns.Campaign c = campaigns.require(execution.getProcessInstanceId());
    StringBuilder text = new StringBuilder("| 排名 | 客戶 | 等級 | 綜合得分 | 銷量(條) | 增長 | 價格規範 | 配合度 | 滿意度 |\n"
        + "|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Campaigns.Candidate x : campaigns.candidatesOf(c.id(), managerId)) {
      text.append("| ").append(x.managerRank()).append(" | ").append(x.customerCode()).append(" ")
          .append(x.storeName()).append(" | ").append(x.grade()).append(" | **").append(x.score()).append("** | ")
          .append(x.volumeCartons().stripTrailingZeros().toPlainString()).append(" | ").append(pct(x.growthPart()))
          .append(" | ").append(pct(x.compliancePart())).append(" | ").append(pct(x.cooperationPart())).append(" | ")
          .append(pct(x.satisfactionPart())).append(" |\n");
    }
    return text.toString();
  }

  /** The default recommendation: the manager's top customers up to the share. */
  public String defaultRecommendation(DelegateExecution execution, String managerId) {
    Campaigns.Campaign c = campaigns.require(execution.getProcessInstanceId());
    int share = share(execution, managerId);
    List<String> listed = campaigns.candidatesOf(c.id(), managerId).stream().map(Campaigns.Candidate::customerCode).toList();
    List<String> inactive = campaigns.notActive(listed);
    return listed.stream().filter(code -> !inactive.contains(code)).limit(share).collect(Collectors.joining(", "));
  }

  /** The region's recommended customers for the regional manager. */
  public String regionList(DelegateExecution execution, String regionCode) {
    Campaigns.Campaign c = campaigns.require(execution.getProcessInstanceId());
    StringBuilder text = new StringBuilder("| 客戶 | 客戶經理 | 名單排名 | 綜合得分 | 推薦理由 |\n|---|---|---:|---:|---|\n");
    for (Campaigns.Candidate x : campaigns.candidates(c.id())) {
      if (x.recommended() && x.regionCode().equals(regionCode)) {
        text.append("| ").append(x.customerCode()).append(" ").append(x.storeName()).append(" | ").append(x.managerId())
            .append(" | ").append(x.managerRank()).append(" | ").append(x.score()).append(" | ")
            .append(x.recommendReason() == null ? "" : x.recommendReason()).append(" |\n");
      }
    }
    return text.toString();
  }

  /** The forwarded customers of all regions, best score first, for the brand manager. */
  public String forwarded(DelegateExecution execution) {
    Campaigns.Campaign c = campaigns.require(execution.getProcessInstanceId());
    StringBuilder text = new StringBuilder("| 客戶 | 區域 | 客戶經理 | 綜合得分 |\n|---|---|---|---:|\n");
    for (Campaigns.Candidate x : campaigns.candidates(c.id())) {
      if ("FORWARDED".equals(x.reviewStatus())) {
        text.append("| ").append(x.customerCode()).append(" ").append(x.storeName()).append(" | ")
            .append(x.regionCode()).append(" | ").append(x.managerId()).append(" | ").append(x.score()).append(" |\n");
      }
    }
    return text.toString();
  }

  /** The default choice: the forwarded customers, best score first, up to the slots. */
  public String defaultChoice(DelegateExecution execution) {
    Campaigns.Campaign c = campaigns.require(execution.getProcessInstanceId());
    List<String> forwarded = campaigns.candidates(c.id()).stream().filter(x -> "FORWARDED".equals(x.reviewStatus()))
        .map(Campaigns.Candidate::customerCode).toList();
    List<String> inactive = campaigns.notActive(forwarded);
    return forwarded.stream().filter(code -> !inactive.contains(code)).limit(c.slots()).collect(Collectors.joining(", "));
  }

  /** Before the brand manager decides: the forwarded list and the default choice as process variables. */
  public void prepareDecision(DelegateExecution execution) {
    execution.setVariable(PromotionSelectionProcess.Var.FORWARDED_TEXT, forwarded(execution));
    execution.setVariable(PromotionSelectionProcess.Var.CHOSEN_CUSTOMERS, defaultChoice(execution));
  }

  /** The hand-out in words: customer and the standard quantities. */
  public String handOutText(DelegateExecution execution, String customerCode) {
    Campaigns.Campaign c = campaigns.require(execution.getProcessInstanceId());
    String store = customers.find(customerCode).map(com.tobacco.cmw.customer.Customer::storeName).orElse("");
    return "客戶 " + customerCode + " " + store + ";標準發放:" + campaigns.items(c.id()).stream()
        .map(i -> i.name() + " " + i.perCustomer()).collect(Collectors.joining("、"));
  }

  /** The default quantities handed out: each item's standard quantity, {@code 名稱=數量; …}. */
  public String defaultItems(DelegateExecution execution) {
    Campaigns.Campaign c = campaigns.require(execution.getProcessInstanceId());
    return campaigns.items(c.id()).stream().map(i -> i.name() + "=" + i.perCustomer()).collect(Collectors.joining("; "));
  }

  private static String pct(BigDecimal part) {
    return part.multiply(BigDecimal.valueOf(100)).setScale(0, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
  }

  static String upper(String s) {
    return s == null ? null : s.strip().toUpperCase(Locale.ROOT);
  }
}

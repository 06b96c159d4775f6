package com.tobacco.cmw.promotion;

import com.tobacco.cmw.customer.SatisfactionAnswers;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The comprehensive evaluation of a campaign (綜合測評, §4.2.1): finds the eligible customers
 * (grade eligible by {@link PromotionEligibility}, {@code ACTIVE}, in the campaign's regions, no
 * price violation on a visit in the 6 months before the evaluation day), gathers the facts of
 * each, scores them by {@link ComprehensiveScore}, ranks them per customer manager, divides the
 * slots ({@link SlotShares}) and stores candidates and shares.
 */
@Service
public class CandidateEvaluation {

  /** The outcome: eligible customers and the managers with a share &gt; 0 (the recommenders). */
  public record Outcome(int eligible, List<String> recommenders) {}

  private record Customer(String code, String regionCode, String managerId, int grade, String businessType) {}

  private final JdbcTemplate jdbc;
  private final Campaigns campaigns;
  private final PromotionEligibility eligibility;
  private final SatisfactionAnswers satisfaction;
  private final ComprehensiveScore.Weights weights;
  private final ZoneId zone;

  public CandidateEvaluation(JdbcTemplate jdbc, Campaigns campaigns, PromotionEligibility eligibility,
                             SatisfactionAnswers satisfaction,
                             @Value("${cmw.promotion.score.volume-weight:35}") double volume,
                             @Value("${cmw.promotion.score.growth-weight:15}") double growth,
                             @Value("${cmw.promotion.score.compliance-weight:20}") double compliance,
                             @Value("${cmw.promotion.score.cooperation-weight:15}") double cooperation,
                             @Value("${cmw.promotion.score.satisfaction-weight:15}") double satisfactionWeight,
                             @Value("${cmw.promotion.score.neutral-part:0.5}") double neutral,
                             @Value("${cmw.promotion.score.growth-cap:0.5}") double growthCap,
                             @Value("${cmw.timezone:Asia/Shanghai}") String zone) {
    this.jdbc = jdbc;
    this.campaigns = campaigns;
    this.eligibility = eligibility;
    this.satisfaction = satisfaction;
    this.weights = new ComprehensiveScore.Weights(volume, growth, compliance, cooperation, satisfactionWeight, neutral,
        growthCap);
    this.zone = ZoneId.of(zone);
  }

  public ComprehensiveScore.Weights weights() {
    return weights;
  }

  public Outcome evaluate(Campaigns.Campaign campaign) {
    LocalDate asOf = campaign.evaluatedOn();
    List<Customer> eligible = eligibleCustomers(campaign, asOf);
    Map<String, BigDecimal> volume = cartons(campaign.brandCode(), asOf.minusMonths(6), asOf);
    Map<String, BigDecimal> previous = cartons(campaign.brandCode(), asOf.minusMonths(6).minusYears(1), asOf.minusYears(1));
    Map<String, int[]> checks = priceChecks(asOf.minusMonths(12), asOf);
    Map<String, int[]> visits = cooperation(asOf.minusMonths(12), asOf);
    BigDecimal max = eligible.stream().map(c -> volume.getOrDefault(c.code(), BigDecimal.ZERO))
        .max(Comparator.naturalOrder()).orElse(BigDecimal.ZERO);

    record Scored(Customer customer, ComprehensiveScore.Facts facts, ComprehensiveScore.Result result) {}
    Map<String, List<Scored>> byManager = new LinkedHashMap<>();
    for (Customer c : eligible) {
      int[] check = checks.getOrDefault(c.code(), new int[2]);
      int[] visit = visits.getOrDefault(c.code(), new int[2]);
      BigDecimal answers = satisfaction.latest(c.code(), asOf.minusMonths(12), asOf)
          .map(SatisfactionAnswers.Latest::average).orElse(null);
      ComprehensiveScore.Facts facts = new ComprehensiveScore.Facts(volume.getOrDefault(c.code(), BigDecimal.ZERO),
          previous.getOrDefault(c.code(), BigDecimal.ZERO), check[0], check[1], visit[0], visit[1], answers);
      byManager.computeIfAbsent(c.managerId(), k -> new ArrayList<>())
          .add(new Scored(c, facts, ComprehensiveScore.of(facts, max, weights)));
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    Map<String, String> regionOf = new HashMap<>();
    for (Map.Entry<String, List<Scored>> e : byManager.entrySet()) {
      List<Scored> list = e.getValue();
      list.sort(Comparator.comparing((Scored s) -> s.result().score()).reversed()
          .thenComparing(Comparator.comparing((Scored s) -> s.facts().volumeCartons()).reversed())
          .thenComparing(s -> s.customer().code()));
      int rank = 0;
      for (Scored s : list) {
        campaigns.insertCandidate(campaign.id(), s.customer().code(), s.customer().regionCode(), e.getKey(),
            s.customer().grade(), ++rank, s.facts(), s.result());
      }
      counts.put(e.getKey(), list.size());
      regionOf.put(e.getKey(), list.get(0).customer().regionCode());
    }
    Map<String, Integer> shares = SlotShares.divide(campaign.slots(), counts);
    List<String> recommenders = new ArrayList<>();
    shares.forEach((manager, share) -> {
      campaigns.insertShare(campaign.id(), manager, regionOf.get(manager), counts.get(manager), share);
      if (share > 0) {
        recommenders.add(manager);
      }
    });
    campaigns.evaluated(campaign.id(), eligible.size());
    return new Outcome(eligible.size(), recommenders);
  }

  private List<Customer> eligibleCustomers(Campaigns.Campaign campaign, LocalDate asOf) {
    String in = String.join(",", campaign.regions().stream().map(r -> "?").toList());
    List<Customer> active = jdbc.query("SELECT customer_code, region_code, manager_id, grade, business_type FROM cm_customer "
            + "WHERE status = 'ACTIVE' AND region_code IN (" + in + ") ORDER BY customer_code",
        (rs, i) -> new Customer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5)),
        campaign.regions().toArray());
    Set<String> violators = new HashSet<>(jdbc.queryForList("SELECT DISTINCT customer_code FROM cm_visit "
            + "WHERE price_violation = TRUE AND COALESCE(completed_at, created_at) >= ? AND COALESCE(completed_at, created_at) < ?",
        String.class, start(asOf.minusMonths(6)), start(asOf.plusDays(1))));
    Map<String, Boolean> cache = eligibility.newCache();
    return active.stream().filter(c -> !violators.contains(c.code()))
        .filter(c -> eligibility.eligible(c.grade(), c.businessType(), cache)).toList();
  }

  /** The brand's cartons per customer ordered in [from, to). */
  private Map<String, BigDecimal> cartons(String brandCode, LocalDate from, LocalDate to) {
    Map<String, BigDecimal> result = new HashMap<>();
    jdbc.query("SELECT customer_code, SUM(quantity_cartons) FROM cm_sales_line WHERE brand_code = ? AND order_date >= ? "
            + "AND order_date < ? GROUP BY customer_code",
        rs -> {
          result.put(rs.getString(1), rs.getBigDecimal(2));
        }, brandCode, Date.valueOf(from), Date.valueOf(to));
    return result;
  }

  /** Per customer: done visits in [from, to] with a price check, and those without a violation. */
  private Map<String, int[]> priceChecks(LocalDate from, LocalDate to) {
    Map<String, int[]> result = new HashMap<>();
    jdbc.query("SELECT v.customer_code, COUNT(*), SUM(CASE WHEN v.price_violation THEN 0 ELSE 1 END) FROM cm_visit v "
            + "WHERE v.status = 'DONE' AND v.completed_at >= ? AND v.completed_at < ? AND EXISTS (SELECT 1 FROM "
            + "cm_visit_brand_check b WHERE b.visit_id = v.id AND b.shelf_price_pack IS NOT NULL) GROUP BY v.customer_code",
        rs -> {
          result.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3)});
        }, start(from), start(to.plusDays(1)));
    return result;
  }

  /** Per customer: visits planned in [from, to] (not cancelled), and those done with the customer's confirmation. */
  private Map<String, int[]> cooperation(LocalDate from, LocalDate to) {
    Map<String, int[]> result = new HashMap<>();
    jdbc.query("SELECT v.customer_code, COUNT(*), SUM(CASE WHEN v.status = 'DONE' AND s.customer_confirmed THEN 1 ELSE 0 END) "
            + "FROM cm_visit v LEFT JOIN cm_sign_in_record s ON s.visit_id = v.id WHERE v.status <> 'CANCELLED' "
            + "AND v.planned_date >= ? AND v.planned_date <= ? GROUP BY v.customer_code",
        rs -> {
          result.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3)});
        }, Date.valueOf(from), Date.valueOf(to));
    return result;
  }

  private Timestamp start(LocalDate day) {
    return Timestamp.from(day.atStartOfDay(zone).toInstant());
  }
}

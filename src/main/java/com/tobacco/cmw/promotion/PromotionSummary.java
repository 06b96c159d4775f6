package com.tobacco.cmw.promotion;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * A campaign's summary, readable while it runs and after it ends: counts of eligible, recommended,
 * forwarded and chosen customers, each item handed out against its stock, and every receipt.
 */
@Service
public class PromotionSummary {

  public record ItemLine(String name, int stock, int perCustomer, int handedOut, int left) {}

  public record Receipt(String customerCode, String storeName, String managerId, String status, String signerName,
                        LocalDate signedOn, String handedBy, Instant handedAt, String cancelReason,
                        List<Campaigns.HandOutLine> items) {}

  public record CandidateLine(String customerCode, String storeName, String regionCode, String managerId, int grade,
                              int managerRank, BigDecimal score, BigDecimal volumePart, BigDecimal growthPart,
                              BigDecimal compliancePart, BigDecimal cooperationPart, BigDecimal satisfactionPart,
                              boolean recommended, String recommendReason, String reviewStatus, String reviewReason,
                              boolean chosen) {}

  public record Summary(String campaignNo, String brandCode, LocalDate periodFrom, LocalDate periodTo, int slots,
                        List<String> regions, String status, String outcome, String startedBy, Instant startedAt,
                        LocalDate evaluatedOn, int eligible, int recommended, int forwarded, int chosen,
                        int handedOut, int cancelled, int pending, List<Campaigns.Share> shares, List<ItemLine> items,
                        List<Receipt> receipts, List<CandidateLine> candidates) {}

  private final Campaigns campaigns;

  public PromotionSummary(Campaigns campaigns) {
    this.campaigns = campaigns;
  }

  public Summary of(Campaigns.Campaign c) {
    List<Campaigns.Candidate> candidates = campaigns.candidates(c.id());
    List<Campaigns.HandOut> handOuts = campaigns.handOuts(c.id());
    java.util.Map<String, Campaigns.Candidate> byCode = new java.util.HashMap<>();
    candidates.forEach(x -> byCode.put(x.customerCode(), x));
    List<Receipt> receipts = handOuts.stream().map(h -> new Receipt(h.customerCode(),
        byCode.containsKey(h.customerCode()) ? byCode.get(h.customerCode()).storeName() : null,
        byCode.containsKey(h.customerCode()) ? byCode.get(h.customerCode()).managerId() : null, h.status(),
        h.signerName(), h.signedOn(), h.handedBy(), h.handedAt(), h.cancelReason(), campaigns.lines(h.id()))).toList();
    return new Summary(c.campaignNo(), c.brandCode(), c.periodFrom(), c.periodTo(), c.slots(), c.regions(), c.status(),
        c.outcome(), c.startedBy(), c.startedAt(), c.evaluatedOn(), candidates.size(),
        (int) candidates.stream().filter(Campaigns.Candidate::recommended).count(),
        (int) candidates.stream().filter(x -> "FORWARDED".equals(x.reviewStatus())).count(),
        (int) candidates.stream().filter(Campaigns.Candidate::chosen).count(),
        count(handOuts, "HANDED_OUT"), count(handOuts, "CANCELLED") + count(handOuts, "NOT_HANDED_OUT"), count(handOuts, "PENDING"),
        campaigns.shares(c.id()),
        campaigns.items(c.id()).stream().map(i -> new ItemLine(i.name(), i.stock(), i.perCustomer(), i.handedOut(),
            i.stock() - i.handedOut())).toList(),
        receipts,
        candidates.stream().map(x -> new CandidateLine(x.customerCode(), x.storeName(), x.regionCode(), x.managerId(),
            x.grade(), x.managerRank(), x.score(), x.volumePart(), x.growthPart(), x.compliancePart(),
            x.cooperationPart(), x.satisfactionPart(), x.recommended(), x.recommendReason(), x.reviewStatus(),
            x.reviewReason(), x.chosen())).toList());
  }

  private static int count(List<Campaigns.HandOut> handOuts, String status) {
    return (int) handOuts.stream().filter(h -> h.status().equals(status)).count();
  }
}

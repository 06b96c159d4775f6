package com.tobacco.cmw.promotion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a campaign's slots are divided among the customer managers of its regions (§4.2.1): in
 * proportion to each manager's eligible customers, by the largest-remainder method. Each manager
 * first gets the whole part of slots × eligible / all eligible; the slots left go one each to the
 * largest remainders (ties: more eligible customers first, then user id). With at least as many
 * slots as eligible customers every manager may recommend all of theirs. A share never exceeds
 * the manager's eligible customers, and the shares add up to min(slots, all eligible).
 */
public final class SlotShares {

  private SlotShares() {}

  /** {@code eligible}: manager id → eligible customers (> 0); the shares in the same order. */
  public static Map<String, Integer> divide(int slots, Map<String, Integer> eligible) {
    int total = eligible.values().stream().mapToInt(Integer::intValue).sum();
    Map<String, Integer> shares = new LinkedHashMap<>();
    if (total <= slots) {
      shares.putAll(eligible);
      return shares;
    }
    record Quota(String manager, int eligible, long remainder) {}
    List<Quota> quotas = new ArrayList<>();
    int given = 0;
    for (Map.Entry<String, Integer> e : eligible.entrySet()) {
      long product = (long) slots * e.getValue();
      int whole = (int) (product / total);
      shares.put(e.getKey(), whole);
      given += whole;
      quotas.add(new Quota(e.getKey(), e.getValue(), product % total));
    }
    quotas.sort(Comparator.comparingLong(Quota::remainder).reversed()
        .thenComparing(Comparator.comparingInt(Quota::eligible).reversed())
        .thenComparing(Quota::manager));
    for (int i = 0; i < slots - given; i++) {
      shares.merge(quotas.get(i).manager(), 1, Integer::sum);
    }
    return shares;
  }
}

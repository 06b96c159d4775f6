package com.tobacco.cmw.promotion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The text formats the promotion's forms submit (Camunda Forms have no editable tables), read
 * strictly: every problem of a field is collected and answered in one message.
 *
 * <ul>
 *   <li>items: one per line, {@code 名稱, 庫存, 每戶標準數量} (name, stock, standard quantity per customer);</li>
 *   <li>customer codes: separated by commas, spaces, semicolons or new lines;</li>
 *   <li>reasons: one per line, {@code 客戶代碼: 理由} (customer code, colon, reason);</li>
 *   <li>quantities handed out: {@code 名稱=數量}, separated by semicolons or new lines.</li>
 * </ul>
 */
public final class PromotionInput {

  public static final int MAX_ITEMS = 20;
  public static final int MAX_QUANTITY = 1_000_000;
  public static final int MAX_ITEM_NAME = 60;
  /** Characters an item name may not contain: they separate the quantities handed out ({@code 名稱=數量; …}). */
  static final String RESERVED_IN_NAME = "=::;;";

  /** An item of the campaign as given at the start. */
  public record ItemSpec(String name, int stock, int perCustomer) {}

  private PromotionInput() {}

  /** Items of a campaign; problems are added to {@code problems}. */
  public static List<ItemSpec> items(String text, List<String> problems) {
    List<ItemSpec> items = new ArrayList<>();
    if (text == null || text.isBlank()) {
      problems.add("至少要有一種促銷品 / at least one promotional item is required");
      return items;
    }
    Set<String> names = new LinkedHashSet<>();
    int line = 0;
    for (String raw : text.split("\\R")) {
      line++;
      if (raw.isBlank()) {
        continue;
      }
      String[] parts = raw.strip().split("\\s*[,,|\\t]\\s*");
      if (parts.length != 3) {
        problems.add("促銷品第 " + line + " 行應為「名稱, 庫存, 每戶標準數量」:「" + raw.strip() + "」/ item line " + line
            + " must be: name, stock, quantity per customer");
        continue;
      }
      String name = parts[0].strip();
      if (name.isEmpty() || name.length() > MAX_ITEM_NAME) {
        problems.add("促銷品第 " + line + " 行的名稱應為 1–" + MAX_ITEM_NAME + " 字 / item line " + line + ": name of 1–"
            + MAX_ITEM_NAME + " characters");
        continue;
      }
      if (name.matches(".*[" + RESERVED_IN_NAME + "].*")) {
        problems.add("促銷品「" + name + "」的名稱不能含有「: : = ; ;」(發放數量以「名稱=數量; …」填寫)/ item name " + name
            + " must not contain : = or ; (they separate the quantities handed out)");
        continue;
      }
      if (!names.add(name.toLowerCase(Locale.ROOT))) {
        problems.add("促銷品「" + name + "」重複 / item " + name + " is listed twice");
        continue;
      }
      Integer stock = positive(parts[1], "促銷品「" + name + "」的庫存", "stock of " + name, problems);
      Integer per = positive(parts[2], "促銷品「" + name + "」的每戶標準數量", "quantity per customer of " + name, problems);
      if (stock != null && per != null) {
        if (per > stock) {
          problems.add("促銷品「" + name + "」的每戶標準數量 " + per + " 大於庫存 " + stock + " / quantity per customer of "
              + name + " exceeds its stock");
        } else {
          items.add(new ItemSpec(name, stock, per));
        }
      }
    }
    if (names.isEmpty()) {
      problems.add("至少要有一種促銷品 / at least one promotional item is required");
    } else if (names.size() > MAX_ITEMS) {
      problems.add("促銷品最多 " + MAX_ITEMS + " 種 / at most " + MAX_ITEMS + " items");
    }
    return items;
  }

  /** Customer codes in the order given, without duplicates (a duplicate is a problem). */
  public static List<String> codes(Object value, String label, Function<String, RuntimeException> error) {
    List<String> codes = new ArrayList<>();
    if (value == null) {
      return codes;
    }
    Set<String> seen = new LinkedHashSet<>();
    Iterable<?> parts = value instanceof Iterable<?> list ? list : List.of(value.toString().split("[,,;;、\\s]+"));
    for (Object part : parts) {
      String code = part == null ? "" : part.toString().strip().toUpperCase(Locale.ROOT);
      if (code.isEmpty()) {
        continue;
      }
      if (code.length() > 20) {
        throw error.apply("「" + label + "」中的客戶代碼太長:「" + code + "」/ customer code too long");
      }
      if (!seen.add(code)) {
        throw error.apply("「" + label + "」中客戶 " + code + " 重複 / customer " + code + " is listed twice");
      }
      codes.add(code);
    }
    return codes;
  }

  /** Reasons per customer code: lines {@code CODE: reason}. */
  public static Map<String, String> reasons(Object value, String label, Function<String, RuntimeException> error) {
    Map<String, String> reasons = new LinkedHashMap<>();
    if (value == null || value.toString().isBlank()) {
      return reasons;
    }
    for (String raw : value.toString().split("\\R")) {
      if (raw.isBlank()) {
        continue;
      }
      String[] parts = raw.strip().split("\\s*[::]\\s*", 2);
      if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
        throw error.apply("「" + label + "」每行應為「客戶代碼: 理由」:「" + raw.strip() + "」/ each line of " + label
            + " must be: customer code: reason");
      }
      String reason = parts[1].strip();
      if (reason.length() > 500) {
        throw error.apply("「" + label + "」中的理由最多 500 字 / a reason is longer than 500");
      }
      reasons.put(parts[0].strip().toUpperCase(Locale.ROOT), reason);
    }
    return reasons;
  }

  /** Quantities handed out per item name: {@code 名稱=數量; …}. */
  public static Map<String, Integer> quantities(Object value, List<String> problems) {
    Map<String, Integer> quantities = new LinkedHashMap<>();
    if (value == null || value.toString().isBlank()) {
      problems.add("請填寫發放的促銷品及數量 / the items handed out are required");
      return quantities;
    }
    for (String raw : value.toString().split("[;;\\n\\r]+")) {
      if (raw.isBlank()) {
        continue;
      }
      String[] parts = raw.strip().split("\\s*[=::]\\s*", 2);
      if (parts.length != 2 || parts[0].isBlank()) {
        problems.add("發放數量應為「名稱=數量」:「" + raw.strip() + "」/ write each item as name=quantity");
        continue;
      }
      String name = parts[0].strip();
      Integer quantity = positive(parts[1], "「" + name + "」的發放數量", "quantity of " + name, problems);
      if (quantity != null && quantities.put(name, quantity) != null) {
        problems.add("促銷品「" + name + "」重複 / item " + name + " is listed twice");
      }
    }
    if (quantities.isEmpty() && problems.isEmpty()) {
      problems.add("請填寫發放的促銷品及數量 / the items handed out are required");
    }
    return quantities;
  }

  /** A whole number ≥ 1 (and at most {@link #MAX_QUANTITY}), or null after adding the problem. */
  static Integer positive(String text, String label, String english, List<String> problems) {
    try {
      int n = Integer.parseInt(text.strip());
      if (n < 1 || n > MAX_QUANTITY) {
        problems.add(label + "應為 1–" + MAX_QUANTITY + " 的整數:" + n + " / " + english + " must be 1–" + MAX_QUANTITY);
        return null;
      }
      return n;
    } catch (NumberFormatException e) {
      problems.add(label + "不是整數:「" + text.strip() + "」/ " + english + " is not a whole number");
      return null;
    }
  }
}

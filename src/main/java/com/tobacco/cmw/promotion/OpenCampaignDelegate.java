package com.tobacco.cmw.promotion;

import static com.tobacco.cmw.promotion.PromotionSelectionProcess.Var;

import com.tobacco.cmw.customer.Brand;
import com.tobacco.cmw.customer.BrandRepository;
import com.tobacco.cmw.process.EngineClock;
import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.process.Variables;
import com.tobacco.cmw.process.YearNumbers;
import com.tobacco.cmw.security.CurrentUser;
import com.tobacco.cmw.security.Grants;
import com.tobacco.cmw.security.Roles;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Opens a campaign (§3.2, §4.2): checks brand, period, regions, slots and items all at once and
 * answers every problem in one message; takes the next campaign number CX-yyyy-nnnnn as business
 * key; writes the campaign and its items; lets the brand managers read the instance. Runs in the
 * starter's transaction: a refused start leaves nothing behind, not even a number.
 */
@Component("openPromotionCampaign")
public class OpenCampaignDelegate implements JavaDelegate {

  static final int MAX_SLOTS = 10_000;

  private final BrandRepository brands;
  private final Campaigns campaigns;
  private final CampaignNumbers numbers;
  private final EngineClock clock;
  private final CurrentUser currentUser;
  private final Grants grants;
  private final PromotionParties parties;
  private final JdbcTemplate jdbc;

  public OpenCampaignDelegate(BrandRepository brands, Campaigns campaigns, CampaignNumbers numbers, EngineClock clock,
                              CurrentUser currentUser, Grants grants, PromotionParties parties, JdbcTemplate jdbc) {
    this.brands = brands;
    this.campaigns = campaigns;
    this.numbers = numbers;
    this.clock = clock;
    this.currentUser = currentUser;
    this.grants = grants;
    this.parties = parties;
    this.jdbc = jdbc;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // a start over /engine-rest may give any variable (customerCode would expose the campaign to
    // an exit's clean-up): only the start fields stay
    PromotionVariables.keepOnly(execution, PromotionVariables.START);
    List<String> problems = new ArrayList<>();
    Function<String, RuntimeException> collect = message -> {
      problems.add(message);
      return new IllegalStateException(message);
    };
    LocalDate today = clock.today();

    Brand brand = null;
    String brandCode = text(execution, Var.BRAND_CODE, "品牌", 20, collect);
    if (brandCode != null) {
      brand = brands.find(brandCode.toUpperCase(Locale.ROOT)).or(() -> brands.find(brandCode)).orElse(null);
      if (brand == null) {
        problems.add("品牌「" + brandCode + "」不在品牌目錄中 / unknown brand " + brandCode);
      }
    }
    LocalDate from = date(execution, Var.PERIOD_FROM, "促銷期間自", collect);
    LocalDate to = date(execution, Var.PERIOD_TO, "促銷期間至", collect);
    if (from != null && to != null) {
      if (to.isBefore(from)) {
        problems.add("促銷期間的結束日 " + to + " 早於開始日 " + from + " / the period ends before it starts");
      } else if (to.isBefore(today)) {
        problems.add("促銷期間已於 " + to + " 結束 / the period is already over");
      } else if (from.isAfter(today.plusYears(1))) {
        problems.add("促銷期間最多在一年之後開始 / the period starts more than a year ahead");
      }
    }
    List<String> regions = regions(execution.getVariable(Var.REGIONS), problems);
    Integer slots = slots(execution.getVariable(Var.SLOTS), problems);
    Object itemsValue = execution.getVariable(Var.ITEMS);
    List<PromotionInput.ItemSpec> items = PromotionInput.items(itemsValue == null ? null : itemsValue.toString(), problems);
    String note = text(execution, Var.NOTE, "說明", 1000, collect, false);

    if (!problems.isEmpty()) {
      throw InvalidInput.atStart("促銷活動不能發起 / the campaign cannot start:\n- " + String.join("\n- ", problems));
    }

    String starter = currentUser.userId().orElse("system");
    YearNumbers.Number number = numbers.next(today.getYear());
    String campaignNo = number.text();
    long id = campaigns.insert(campaignNo, number.year(), number.seq(), execution.getProcessInstanceId(),
        brand.brandCode(), from, to, slots, regions, note, today, starter, clock.now());
    int itemNo = 0;
    for (PromotionInput.ItemSpec item : items) {
      campaigns.insertItem(id, ++itemNo, item);
    }
    execution.setProcessBusinessKey(campaignNo);
    grants.toGroupOnNewResource(Roles.BRAND_MANAGERS, Resources.PROCESS_INSTANCE, execution.getProcessInstanceId(),
        Permissions.READ);

    execution.setVariable(Var.CAMPAIGN_NO, campaignNo);
    execution.setVariable(Var.BRAND_CODE, brand.brandCode());
    execution.setVariable(Var.PERIOD_FROM, from.toString());
    execution.setVariable(Var.PERIOD_TO, to.toString());
    execution.setVariable(Var.REGIONS, String.join(",", regions));
    execution.setVariable(Var.SLOTS, slots);
    execution.setVariable(Var.CAMPAIGN_TEXT, parties.campaignText(campaigns.require(execution.getProcessInstanceId())));
  }

  private static String text(DelegateExecution execution, String name, String label, int max,
                             Function<String, RuntimeException> collect) {
    return text(execution, name, label, max, collect, true);
  }

  private static String text(DelegateExecution execution, String name, String label, int max,
                             Function<String, RuntimeException> collect, boolean required) {
    try {
      return required ? Variables.requiredText(execution, name, label, max, collect)
          : Variables.optionalText(execution, name, label, max, collect);
    } catch (IllegalStateException collected) {
      return null;
    }
  }

  private LocalDate date(DelegateExecution execution, String name, String label, Function<String, RuntimeException> collect) {
    try {
      return Variables.requiredDate(execution, name, label, clock.zone(), collect);
    } catch (IllegalStateException collected) {
      return null;
    }
  }

  private List<String> regions(Object value, List<String> problems) {
    Set<String> regions = new LinkedHashSet<>();
    if (value != null) {
      Iterable<?> parts = value instanceof Iterable<?> list ? list : List.of(value.toString().split("[,,;;、\\s]+"));
      for (Object part : parts) {
        if (part != null && !part.toString().isBlank()) {
          regions.add(part.toString().strip().toUpperCase(Locale.ROOT));
        }
      }
    }
    if (regions.isEmpty()) {
      problems.add("請選擇至少一個區域 / at least one region is required");
    }
    for (String region : regions) {
      Optional<Integer> known = jdbc.queryForList("SELECT 1 FROM cm_region WHERE region_code = ?", Integer.class, region)
          .stream().findFirst();
      if (known.isEmpty()) {
        problems.add("區域「" + region + "」不存在 / unknown region " + region);
      }
    }
    return new ArrayList<>(regions);
  }

  private static Integer slots(Object value, List<String> problems) {
    BigDecimal n;
    try {
      n = Variables.number(value, "促銷客戶名額", message -> new IllegalStateException(message));
    } catch (IllegalStateException e) {
      problems.add("促銷客戶名額不是數字:「" + value + "」/ slots is not a number");
      return null;
    }
    if (n == null) {
      problems.add("請填寫促銷客戶名額 / slots is required");
      return null;
    }
    if (n.stripTrailingZeros().scale() > 0 || n.compareTo(BigDecimal.ONE) < 0 || n.compareTo(BigDecimal.valueOf(MAX_SLOTS)) > 0) {
      problems.add("促銷客戶名額應為 1–" + MAX_SLOTS + " 的整數:" + n.toPlainString() + " / slots must be a whole number 1–"
          + MAX_SLOTS);
      return null;
    }
    return n.intValueExact();
  }
}

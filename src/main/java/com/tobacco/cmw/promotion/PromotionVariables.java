package com.tobacco.cmw.promotion;

import static com.tobacco.cmw.promotion.PromotionSelectionProcess.Var;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only variables a campaign instance carries at its top level. A campaign serves many
 * customers, so it must never carry {@code customerCode} (an approved exit deletes every running
 * instance with that variable, decision 67) nor {@code managerId} (a manager change moves the
 * tasks of such instances): a start over {@code /engine-rest} and every task completion can add
 * any variable to the instance, so the opening step and each recording step remove whatever is
 * not on this list. The tables hold the campaign's truth; these variables only show it and steer
 * the gateways.
 */
final class PromotionVariables {

  private static final Logger log = LoggerFactory.getLogger(PromotionVariables.class);

  /** The start fields (start form, {@code POST /api/promotions}). */
  static final Set<String> START = Set.of(Var.BRAND_CODE, Var.PERIOD_FROM, Var.PERIOD_TO, Var.REGIONS, Var.SLOTS,
      Var.ITEMS, Var.NOTE);

  /** Everything the campaign instance may hold at its top level while it runs. */
  static final Set<String> PROCESS = Set.of(Var.BRAND_CODE, Var.PERIOD_FROM, Var.PERIOD_TO, Var.REGIONS, Var.SLOTS,
      Var.ITEMS, Var.NOTE, Var.CAMPAIGN_NO, Var.CAMPAIGN_TEXT, Var.ELIGIBLE_COUNT, Var.CHOSEN_COUNT, Var.OUTCOME,
      Var.FORWARDED_TEXT, Var.CHOSEN_CUSTOMERS);
  // FORWARDED_TEXT and CHOSEN_CUSTOMERS live only while the brand manager decides (RecordDecisionDelegate)

  private PromotionVariables() {}

  /** Removes every top-level variable of the instance not in {@code allowed}; answers the names removed. */
  static List<String> keepOnly(DelegateExecution execution, Set<String> allowed) {
    DelegateExecution instance = execution.getProcessInstance();
    List<String> foreign = instance.getVariableNamesLocal().stream().filter(name -> !allowed.contains(name)).sorted()
        .toList();
    foreign.forEach(instance::removeVariableLocal);
    if (!foreign.isEmpty()) {
      log.warn("Promotion instance {}: variables {} removed at {} (not variables of a campaign)",
          execution.getProcessInstanceId(), foreign, execution.getCurrentActivityId());
    }
    return foreign;
  }
}

package com.tobacco.cmw.promotion;

import com.tobacco.cmw.exit.OutstandingWork;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * At an exit's verification (退網核實): the customer's promotional items not yet handed out, one
 * line per running campaign. The exit ends them ({@link PromotionCustomerExitListener}).
 */
@Component
class PromotionOutstandingWork implements OutstandingWork {

  private final PendingHandOuts pending;

  PromotionOutstandingWork(PendingHandOuts pending) {
    this.pending = pending;
  }

  @Override
  public int order() {
    return 60;
  }

  @Override
  public List<Item> outstanding(String customerCode, String exitProcessInstanceId) {
    return pending.of(customerCode).stream()
        .map(row -> new Item("未發放的促銷品 undelivered promotion", "促銷活動 " + row.get("campaign_no") + "(品牌 "
            + row.get("brand_code") + ")的促銷品尚未發放"))
        .toList();
  }
}

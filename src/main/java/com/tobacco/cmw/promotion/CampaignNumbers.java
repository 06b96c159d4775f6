package com.tobacco.cmw.promotion;

import com.tobacco.cmw.process.YearCounter;
import com.tobacco.cmw.process.YearNumbers;
import org.springframework.stereotype.Component;

/**
 * Campaign numbers {@code CX-yyyy-nnnnn} of promotion selections, on {@code cm_promotion_number}.
 */
@Component
public class CampaignNumbers extends YearNumbers {

  public CampaignNumbers(YearCounter counter) {
    super(counter, "cm_promotion_number", "campaign_year", "CX");
  }
}

package com.tobacco.cmw.unlicensed;

import com.tobacco.cmw.process.YearCounter;
import com.tobacco.cmw.process.YearNumbers;
import org.springframework.stereotype.Component;

/**
 * Case numbers {@code WZ-yyyy-nnnnn} (無證) of unlicensed-seller reports, on {@code cm_unlicensed_number}.
 */
@Component
public class ReportNumbers extends YearNumbers {

  public ReportNumbers(YearCounter counter) {
    super(counter, "cm_unlicensed_number", "case_year", "WZ");
  }
}

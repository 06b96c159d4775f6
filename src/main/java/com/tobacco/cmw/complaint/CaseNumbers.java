package com.tobacco.cmw.complaint;

import com.tobacco.cmw.process.YearCounter;
import com.tobacco.cmw.process.YearNumbers;
import org.springframework.stereotype.Component;

/**
 * Case numbers {@code ZL-yyyy-nnnnn} of quality complaints, on {@code cm_complaint_number}.
 */
@Component
public class CaseNumbers extends YearNumbers {

  public CaseNumbers(YearCounter counter) {
    super(counter, "cm_complaint_number", "case_year", "ZL");
  }
}

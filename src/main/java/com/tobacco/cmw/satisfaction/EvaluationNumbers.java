package com.tobacco.cmw.satisfaction;

import com.tobacco.cmw.process.YearCounter;
import com.tobacco.cmw.process.YearNumbers;
import org.springframework.stereotype.Component;

/**
 * Evaluation numbers {@code MY-yyyy-nnnnn} (滿意度), the business key of a satisfaction evaluation, on
 * {@code cm_satisfaction_number}.
 */
@Component
public class EvaluationNumbers extends YearNumbers {

  public EvaluationNumbers(YearCounter counter) {
    super(counter, "cm_satisfaction_number", "eval_year", "MY");
  }
}

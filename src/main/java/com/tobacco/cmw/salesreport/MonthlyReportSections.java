package com.tobacco.cmw.salesreport;

import static com.tobacco.cmw.salesreport.MonthlySalesReportProcess.Var;

import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.salesreport.MonthlyReportContent.Sections;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Reads the sections a–d the manager submitted and refuses empty, too short or unfinished ones. */
@Component
public class MonthlyReportSections {

  private final int minLength;

  public MonthlyReportSections(@Value("${cmw.report.min-section-length:20}") int minLength) {
    this.minLength = minLength;
  }

  public Sections read(VariableScope scope) {
    Sections s = new Sections(text(scope, Var.OVERALL_ANALYSIS), text(scope, Var.PROBLEMS_AND_MEASURES),
        text(scope, Var.CUSTOMER_OPINIONS), text(scope, Var.FORECAST_ANALYSIS));
    List<String> problems = SectionDrafts.problemsOf(s, minLength);
    if (!problems.isEmpty()) {
      throw InvalidInput.inForm(Var.OVERALL_ANALYSIS, String.join(";", problems) + " / sections a–d must be written (at least "
          + minLength + " characters each, no 【請填寫…】 left)");
    }
    return s;
  }

  private static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : value.toString().strip();
  }
}

package com.tobacco.cmw.visit;

import static com.tobacco.cmw.visit.CustomerVisitProcess.Var;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Checks the submitted visit report in the transaction of the completing user, so a typing
 * error is answered on the form and the task stays open with nothing written. The report is
 * written after the transaction boundary by {@link RecordVisitDelegate}.
 */
@Component("checkVisitReport")
public class CheckVisitReportDelegate implements JavaDelegate {

  private final VisitReportReader reader;

  public CheckVisitReportDelegate(VisitReportReader reader) {
    this.reader = reader;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reader.read(execution, VisitType.valueOf((String) execution.getVariable(Var.VISIT_TYPE)));
  }
}

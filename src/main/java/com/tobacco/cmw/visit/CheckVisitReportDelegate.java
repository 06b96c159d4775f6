package com.tobacco.cmw.visit;

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
  private final VisitRepository visits;

  public CheckVisitReportDelegate(VisitReportReader reader, VisitRepository visits) {
    this.reader = reader;
    this.visits = visits;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reader.read(execution, visits.ofProcessInstance(execution.getProcessInstanceId()).type());
  }
}

package com.tobacco.cmw.visit;

import com.tobacco.cmw.customer.BrandRepository;
import com.tobacco.cmw.process.InvalidInput;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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
  private final BrandRepository brands;

  public CheckVisitReportDelegate(VisitReportReader reader, VisitRepository visits, BrandRepository brands) {
    this.reader = reader;
    this.visits = visits;
    this.brands = brands;
  }

  @Override
  public void execute(DelegateExecution execution) {
    VisitRepository.Visit visit = visits.ofProcessInstance(execution.getProcessInstanceId());
    VisitReport report = reader.read(execution, visit.type());
    // every brand the form listed must be counted and its price checked: none may be dropped
    Set<String> submitted = report.brandChecks().stream().map(BrandCheck::brandCode).collect(Collectors.toSet());
    List<String> missing = visit.checkedBrands().stream().filter(code -> !submitted.contains(code)).toList();
    if (!missing.isEmpty()) {
      var catalogue = brands.byCode();
      throw InvalidInput.inForm(CustomerVisitProcess.Var.BRAND_CHECKS, "請核對全部品牌的庫存與價格,缺少:"
          + String.join("、", missing.stream().map(code -> catalogue.get(code).name()).toList())
          + " / every listed brand must be checked");
    }
  }
}

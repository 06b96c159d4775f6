package com.tobacco.cmw.unlicensed;

import static com.tobacco.cmw.unlicensed.UnlicensedSellerReportProcess.Var;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * When the regional manager's review opens: the open reports of the region whose place matches
 * this one ({@link PlaceKeys}), as the choices of the form's "duplicate of" field (task-local,
 * label and value), and a line saying how many there are.
 */
@Component("unlicensedReviewForm")
public class ReviewTaskForm implements TaskListener {

  private final UnlicensedReportRepository reports;
  private final UnlicensedParties parties;
  private final ObjectMapper json;

  public ReviewTaskForm(UnlicensedReportRepository reports, UnlicensedParties parties, ObjectMapper json) {
    this.reports = reports;
    this.parties = parties;
    this.json = json;
  }

  @Override
  public void notify(DelegateTask task) {
    UnlicensedReportRepository.Report report = reports.ofProcessInstance(task.getProcessInstanceId());
    List<Map<String, String>> choices = candidates(report).stream()
        .map(r -> Map.of("label", r.caseNo() + " " + r.place() + "(" + parties.dayTime(r.reportedAt()) + " 舉報,"
            + r.status().label() + ")", "value", r.caseNo()))
        .toList();
    try {
      task.setVariableLocal(Var.DUPLICATE_CANDIDATES, SpinValues.jsonValue(json.writeValueAsString(choices)).create());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    task.setVariableLocal(Var.DUPLICATE_HINT, choices.isEmpty()
        ? "本區域沒有同一地點尚未辦結的舉報,請轉交專賣部門。"
        : "本區域有 " + choices.size() + " 件同一地點尚未辦結的舉報,若為同一無證經營者可作重複舉報併案。");
  }

  /** The open reports of the report's region at a matching place, oldest first. */
  List<UnlicensedReportRepository.Report> candidates(UnlicensedReportRepository.Report report) {
    return reports.openOfRegion(report.regionCode(), report.caseNo()).stream()
        .filter(r -> PlaceKeys.matches(r.placeKey(), report.placeKey()))
        .toList();
  }
}

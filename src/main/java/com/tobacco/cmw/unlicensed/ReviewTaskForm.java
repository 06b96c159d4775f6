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
 * When the regional manager's review opens: the open reports of the region, as the choices of the
 * form's "duplicate of" field (task-local, label and value) — exactly the reports the server accepts
 * as an original. Those whose place matches this one ({@link PlaceKeys}) come first, marked
 * 【同一地點】: the matching is a help, not a rule, as the same stall is written in many ways. A line
 * says how many match.
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
    List<UnlicensedReportRepository.Report> candidates = candidates(report);
    long matching = candidates.stream().filter(r -> matches(r, report)).count();
    List<Map<String, String>> choices = candidates.stream()
        .map(r -> Map.of("label", (matches(r, report) ? "【同一地點】" : "") + r.caseNo() + " " + r.place() + "("
            + parties.dayTime(r.reportedAt()) + " 舉報," + r.status().label() + ")", "value", r.caseNo()))
        .toList();
    try {
      task.setVariableLocal(Var.DUPLICATE_CANDIDATES, SpinValues.jsonValue(json.writeValueAsString(choices)).create());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    task.setVariableLocal(Var.DUPLICATE_HINT, matching == 0
        ? "本區域沒有同一地點尚未辦結的舉報,請轉交專賣部門(若確為其他地點寫法不同的同一無證經營者,也可從選單併案)。"
        : "本區域有 " + matching + " 件同一地點尚未辦結的舉報(選單中標【同一地點】),若為同一無證經營者可作重複舉報併案。");
  }

  /** The open reports of the report's region (not itself), those at a matching place first, each oldest first. */
  List<UnlicensedReportRepository.Report> candidates(UnlicensedReportRepository.Report report) {
    List<UnlicensedReportRepository.Report> open = reports.openOfRegion(report.regionCode(), report.caseNo());
    return java.util.stream.Stream.concat(open.stream().filter(r -> matches(r, report)),
        open.stream().filter(r -> !matches(r, report))).toList();
  }

  private static boolean matches(UnlicensedReportRepository.Report a, UnlicensedReportRepository.Report b) {
    return PlaceKeys.matches(a.placeKey(), b.placeKey());
  }
}

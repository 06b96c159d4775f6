package com.tobacco.cmw.complaint;

import static com.tobacco.cmw.complaint.QualityComplaintProcess.Var;

import com.tobacco.cmw.security.ProcessAccess;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On every complaint task but their own review: the regional managers of the customer's region
 * may see it (not work on it). On an escalation notice, the escalations not yet noticed are shown on the task.
 */
@Component("complaintTaskOversight")
public class ComplaintTaskOversight implements TaskListener {

  private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final ProcessAccess access;
  private final ComplaintCaseRepository cases;
  private final ResolutionTime time;

  public ComplaintTaskOversight(ProcessAccess access, ComplaintCaseRepository cases, ResolutionTime time) {
    this.access = access;
    this.cases = cases;
    this.time = time;
  }

  @Override
  public void notify(DelegateTask task) {
    ComplaintCaseRepository.ComplaintCase c = cases.ofProcessInstance(task.getProcessInstanceId());
    if (!QualityComplaintProcess.Element.REVIEW.equals(task.getTaskDefinitionKey())) {
      // the review's candidates are the region's managers already (the engine grants them the task)
      access.grantTaskOversight(task.getId(), c.regionCode());
    }
    if (QualityComplaintProcess.Element.NOTICE_ESCALATION.equals(task.getTaskDefinitionKey())) {
      String summary = cases.escalations(c.caseNo()).stream().filter(e -> e.noticedBy() == null)
          .map(e -> stepName(e.step()) + " 逾期(期限 " + DAY_TIME.format(e.dueAt().atZone(time.zone())) + ")")
          .collect(Collectors.joining(";"));
      task.setVariableLocal(Var.ESCALATION_SUMMARY, summary);
    }
  }

  static String stepName(String step) {
    return switch (step) {
      case "INSPECTION" -> "現場查看";
      case "REVIEW" -> "區域市場經理審核";
      case "REPLACEMENT" -> "調換";
      default -> "整個案件";
    };
  }
}

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
 * Every task also gets read-only texts for its form (task-local, never read back): its deadline as
 * local date and time, the inspection, the review and the approved quantity in words with the
 * unit reported, instead of instants, true/false and codes.
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
    setDisplayTexts(task, c);
  }

  private void setDisplayTexts(DelegateTask task, ComplaintCaseRepository.ComplaintCase c) {
    if (task.getDueDate() != null) {
      task.setVariableLocal(Var.DUE_TEXT, DAY_TIME.format(task.getDueDate().toInstant().atZone(time.zone())) + " 前");
    }
    String inspection = inspectionText(c);
    if (inspection != null) {
      task.setVariableLocal(Var.INSPECTION_TEXT, inspection);
    }
    String review = reviewText(c);
    if (review != null) {
      task.setVariableLocal(Var.REVIEW_TEXT, review);
    }
    if (c.approvedQuantity() != null) {
      task.setVariableLocal(Var.APPROVED_QUANTITY_TEXT, quantityText(c.approvedQuantity(), c.quantityUnit()));
    }
  }

  static String inspectionText(ComplaintCaseRepository.ComplaintCase c) {
    if (c.inspectedAt() == null) {
      return null;
    }
    String text = (Boolean.TRUE.equals(c.defectConfirmed()) ? "確認卷煙不合格" : "未確認質量問題")
        + ",原因:" + causeName(c.cause());
    return c.inspectionNotes() == null ? text : text + ";說明:" + c.inspectionNotes();
  }

  static String reviewText(ComplaintCaseRepository.ComplaintCase c) {
    if (c.reviewDecision() == null) {
      return null;
    }
    String text = switch (c.reviewDecision()) {
      case QualityComplaintProcess.APPROVED -> "同意調換 " + quantityText(c.approvedQuantity(), c.quantityUnit());
      case QualityComplaintProcess.REJECTED -> "不同意調換";
      default -> "需補充資料";
    };
    if (c.reviewComment() != null) {
      text += ":" + c.reviewComment();
    }
    if (c.replacedQuantity() != null) {
      text += ";已調換 " + quantityText(c.replacedQuantity(), c.quantityUnit()) + ",客戶確認人 " + c.customerConfirmation();
    }
    return text;
  }

  private static String causeName(String cause) {
    for (ComplaintCause value : ComplaintCause.values()) {
      if (value.name().equals(cause)) {
        return value.chineseName();
      }
    }
    return cause;
  }

  private static String quantityText(Integer quantity, String unit) {
    return quantity + " " + ComplaintParties.unitName(unit);
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

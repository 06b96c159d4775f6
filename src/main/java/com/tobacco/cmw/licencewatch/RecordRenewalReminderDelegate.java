package com.tobacco.cmw.licencewatch;

import static com.tobacco.cmw.licencewatch.LicenceRenewalReminderProcess.Var;

import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.process.Variables;
import com.tobacco.cmw.security.CurrentUser;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the customer manager did about the expiring licence: the day the customer was told
 * (not in the future) and notes. Checked and recorded in the manager's transaction.
 */
@Component("recordRenewalReminder")
public class RecordRenewalReminderDelegate implements JavaDelegate {

  private final LicenceWatchRepository watch;
  private final CurrentUser currentUser;
  private final ZoneId zone;

  public RecordRenewalReminderDelegate(LicenceWatchRepository watch, CurrentUser currentUser,
                                       @Value("${cmw.timezone:Asia/Shanghai}") String zone) {
    this.watch = watch;
    this.currentUser = currentUser;
    this.zone = ZoneId.of(zone);
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate informedOn = Variables.requiredDate(execution, Var.INFORMED_ON, "告知客戶日期", zone,
        message -> InvalidInput.inForm(Var.INFORMED_ON, message));
    LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone);
    if (informedOn.isAfter(today)) {
      throw InvalidInput.inForm(Var.INFORMED_ON, "告知客戶日期不能晚於今天(" + today + "):「" + informedOn
          + "」/ informedOn must not be in the future");
    }
    String notes = Variables.optionalText(execution, Var.REMINDER_NOTES, "備註", 2000,
        message -> InvalidInput.inForm(Var.REMINDER_NOTES, message));
    watch.reminderDone(execution.getProcessInstanceId(), currentUser.userId().orElse("system"), Instant.now(), informedOn,
        notes);
    execution.setVariable(Var.INFORMED_ON, informedOn.toString());
  }
}

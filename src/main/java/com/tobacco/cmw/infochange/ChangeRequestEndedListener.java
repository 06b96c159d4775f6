package com.tobacco.cmw.infochange;

import com.tobacco.cmw.process.InstanceRuns;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * At the end of every {@code customerInfoChange} instance, also one an administrator cancels in
 * Cockpit or over REST: a request still OPEN becomes REFUSED with the note that its instance
 * ended, so its fields are free for a new request. A deletion that skips custom listeners is
 * caught by {@link ChangeRequestRepository#openApprovalFields}.
 */
@Component("customerInfoChangeEnded")
public class ChangeRequestEndedListener implements ExecutionListener {

  private final JdbcTemplate jdbc;

  public ChangeRequestEndedListener(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void notify(DelegateExecution execution) {
    jdbc.update("UPDATE cm_customer_change_request SET status = 'REFUSED', outcome_note = ? "
        + "WHERE process_instance_id = ? AND status = 'OPEN'", InstanceRuns.ENDED_NOTE, execution.getProcessInstanceId());
  }
}

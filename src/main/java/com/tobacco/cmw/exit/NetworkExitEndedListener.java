package com.tobacco.cmw.exit;

import com.tobacco.cmw.process.InstanceRuns;
import java.sql.Timestamp;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * At the end of every {@code networkExit} instance, also one an administrator cancels in Cockpit
 * or over REST: an application still running (VERIFYING, APPROVING, or APPROVED before the exit
 * was applied) becomes WITHDRAWN and frees the customer for a new application. A deletion that
 * skips custom listeners is caught by {@link NetworkExitRepository#running}.
 */
@Component("networkExitEnded")
public class NetworkExitEndedListener implements ExecutionListener {

  private final JdbcTemplate jdbc;

  public NetworkExitEndedListener(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void notify(DelegateExecution execution) {
    jdbc.update("UPDATE cm_network_exit SET status = 'WITHDRAWN', withdrawn_reason = ?, completed_at = ?, "
            + "open_customer_code = NULL WHERE process_instance_id = ? AND open_customer_code IS NOT NULL",
        InstanceRuns.ENDED_NOTE, Timestamp.from(Instant.now()), execution.getProcessInstanceId());
  }
}

package com.tobacco.cmw.enrollment;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Listeners of {@code networkEnrollment}: the end of an instance and the applicant's note of a rejection. */
public final class ApplicationListeners {

  private ApplicationListeners() {}

  /**
   * At the end of every instance, also one cancelled by an administrator: an application still
   * open becomes CANCELLED, and its hold on the licence is freed either way.
   */
  @Component("networkApplicationEnded")
  public static class Ended implements ExecutionListener {

    private final NetworkApplicationRepository applications;

    public Ended(NetworkApplicationRepository applications) {
      this.applications = applications;
    }

    @Override
    public void notify(DelegateExecution execution) {
      String no = execution.getProcessBusinessKey();
      if (no == null) {
        return; // the start was refused: nothing was written
      }
      applications.find(no).ifPresent(app -> {
        if (!app.status().ended()) {
          applications.ended(no, NetworkApplicationRepository.Status.CANCELLED, Instant.now());
        }
        applications.releaseLicence(no);
      });
    }
  }

  /** The applicant has read the rejection (Task_NoteRejection completed). */
  @Component("enrollmentRejectionNoted")
  public static class RejectionNoted implements TaskListener {

    private final NetworkApplicationRepository applications;

    public RejectionNoted(NetworkApplicationRepository applications) {
      this.applications = applications;
    }

    @Override
    public void notify(DelegateTask task) {
      applications.rejectionNoted(task.getExecution().getProcessBusinessKey(), Instant.now());
    }
  }
}

package com.tobacco.cmw.planning;

import com.tobacco.cmw.calendar.WorkCalendar;
import com.tobacco.cmw.customer.Customer;
import com.tobacco.cmw.customer.CustomerRepository;
import com.tobacco.cmw.customer.CustomerStatus;
import com.tobacco.cmw.visit.CustomerVisitProcess;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Starts one regular {@code customerVisit} per planned visit of the confirmed schedule, due on its
 * day, and links it to its item. Items already linked are skipped and the whole step is one
 * transaction, so a retried job never starts two visits for one item. A customer no longer
 * active or no longer the manager's is skipped with a note; a day already past (the step ran
 * late) moves to the first working day from today.
 */
@Component("startPlannedVisits")
public class StartPlannedVisitsDelegate implements JavaDelegate {

  private final VisitScheduleRepository schedules;
  private final CustomerRepository customers;
  private final WorkCalendar calendar;
  private final RuntimeService runtime;

  public StartPlannedVisitsDelegate(VisitScheduleRepository schedules, CustomerRepository customers,
                                    WorkCalendar calendar, RuntimeService runtime) {
    this.schedules = schedules;
    this.customers = customers;
    this.calendar = calendar;
    this.runtime = runtime;
  }

  @Override
  public void execute(DelegateExecution execution) {
    VisitScheduleRepository.Schedule schedule = schedules.ofProcessInstance(execution.getProcessInstanceId());
    if (schedule.status() == VisitScheduleRepository.Status.DRAFT) {
      throw new IllegalStateException("schedule " + schedule.businessKey() + " is not confirmed");
    }
    LocalDate earliest = calendar.firstWorkingDayOnOrAfter(calendar.today());
    for (VisitScheduleRepository.Item item : schedules.items(schedule.id())) {
      if (item.status() != VisitScheduleRepository.ItemStatus.PLANNED || item.visitProcessInstanceId() != null) {
        continue;
      }
      Optional<Customer> customer = customers.find(item.customerCode());
      if (customer.isEmpty() || customer.get().status() == CustomerStatus.EXITED
          || customer.get().status() == CustomerStatus.APPLIED) {
        schedules.markSkipped(item.id(), "客戶已不在網,未發起訪問 / customer no longer active");
        continue;
      }
      if (!customer.get().managerId().equals(schedule.managerId())) {
        schedules.markSkipped(item.id(), "客戶已轉由 " + customer.get().managerId() + " 負責 / customer moved to "
            + customer.get().managerId());
        continue;
      }
      LocalDate day = item.visitDate().isBefore(earliest) ? earliest : item.visitDate();
      ProcessInstance visit = runtime.startProcessInstanceByKey(CustomerVisitProcess.PROCESS_KEY, item.customerCode(),
          Map.of(CustomerVisitProcess.Var.CUSTOMER_CODE, item.customerCode(),
              CustomerVisitProcess.Var.PLANNED_DATE, day.toString()));
      if (!schedules.markStarted(item.id(), visit.getId(), day)) {
        throw new IllegalStateException("schedule item " + item.id() + " was linked to a visit meanwhile");
      }
    }
  }
}

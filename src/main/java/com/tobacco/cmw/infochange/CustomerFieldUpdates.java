package com.tobacco.cmw.infochange;

import com.tobacco.cmw.customer.Customer;
import com.tobacco.cmw.customer.CustomerRepository;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes one changed field of a customer and its line in the change history, in the caller's
 * transaction. The update is conditional on the old value, so a change decided on stale data
 * never overwrites someone else's; the grade goes through {@link CustomerRepository#changeGrade}
 * so that the grade log has it too.
 */
@Component
public class CustomerFieldUpdates {

  private final JdbcTemplate jdbc;
  private final CustomerRepository customers;

  public CustomerFieldUpdates(JdbcTemplate jdbc, CustomerRepository customers) {
    this.jdbc = jdbc;
    this.customers = customers;
  }

  /** Applies the field; false when the customer's value is no longer {@code oldValue} (nothing written). */
  public boolean apply(Customer customer, ChangeField field, String oldValue, String newValue, String reason,
                       String changedBy, Instant at, String processInstanceId) {
    if (field == ChangeField.GRADE) {
      Customer seen = withGrade(customer, Integer.parseInt(oldValue));
      try {
        customers.changeGrade(seen, Integer.parseInt(newValue), reason, null, changedBy,
            CustomerInfoChangeProcess.PROCESS_KEY, processInstanceId);
      } catch (IllegalStateException stale) {
        return false;
      }
      return true;
    }
    Object oldTyped = field == ChangeField.LICENCE_EXPIRY && oldValue != null ? LocalDate.parse(oldValue) : oldValue;
    Object newTyped = field == ChangeField.LICENCE_EXPIRY ? LocalDate.parse(newValue) : newValue;
    // the column name comes from the enum, never from input
    int updated = jdbc.update("UPDATE cm_customer SET " + field.column() + " = ?, updated_at = ? WHERE customer_code = ? AND "
        + field.column() + " IS NOT DISTINCT FROM ?", newTyped, Timestamp.from(at), customer.customerCode(), oldTyped);
    if (updated != 1) {
      return false;
    }
    customers.recordChange(new CustomerRepository.Change(customer.customerCode(), field.column(), oldValue, newValue,
        reason, changedBy, at, CustomerInfoChangeProcess.PROCESS_KEY, processInstanceId));
    return true;
  }

  private static Customer withGrade(Customer c, int grade) {
    return new Customer(c.customerCode(), c.storeName(), c.licenceNo(), c.licenceExpiry(), c.address(), c.regionCode(),
        c.managerId(), grade, c.businessType(), c.contactName(), c.phone(), c.status(), c.entryDate(), c.exitDate(),
        c.exitReason());
  }
}

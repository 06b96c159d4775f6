package com.tobacco.cmw.support;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;

/** Removing what a test's customer visits wrote: the instance, the visit rows, the stock they counted. */
public final class VisitRows {

  private VisitRows() {}

  /** Ends the visit's instance if it still runs and deletes the visit and every row linked to it. */
  public static void delete(RuntimeService runtimeService, JdbcTemplate jdbc, String processInstanceId) {
    if (runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0) {
      runtimeService.deleteProcessInstance(processInstanceId, "test clean-up");
    }
    for (Long visitId : jdbc.queryForList("SELECT id FROM cm_visit WHERE process_instance_id = ?", Long.class,
        processInstanceId)) {
      for (String table : List.of("cm_visit_brand_check", "cm_sign_in_record", "cm_special_visit_record",
          "cm_downgrade_request", "cm_unlicensed_sighting")) {
        jdbc.update("DELETE FROM " + table + " WHERE visit_id = ?", visitId);
      }
      jdbc.update("DELETE FROM cm_visit WHERE id = ?", visitId);
    }
  }

  /** The stock rows of the customers now, to put back with {@link #restoreStock}. */
  public static List<Map<String, Object>> stockOf(JdbcTemplate jdbc, Collection<String> customers) {
    return customers.stream()
        .flatMap(c -> jdbc.queryForList("SELECT * FROM cm_stock WHERE customer_code = ?", c).stream()).toList();
  }

  /** The customers' stock as {@link #stockOf} saw it. */
  public static void restoreStock(JdbcTemplate jdbc, Collection<String> customers, List<Map<String, Object>> rows) {
    customers.forEach(c -> jdbc.update("DELETE FROM cm_stock WHERE customer_code = ?", c));
    for (Map<String, Object> row : rows) {
      jdbc.update("INSERT INTO cm_stock (customer_code, brand_code, quantity_cartons, counted_at, visit_id) VALUES (?,?,?,?,?)",
          row.get("CUSTOMER_CODE"), row.get("BRAND_CODE"), row.get("QUANTITY_CARTONS"), row.get("COUNTED_AT"),
          row.get("VISIT_ID"));
    }
  }
}

package com.tobacco.cmw.salesimport;

import com.tobacco.cmw.customer.SalesMonthChanges;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Spring tests share one database: the import tests remove what they imported, so other
 * tests see the demo data as generated.
 */
final class ImportCleanup {

  private ImportCleanup() {}

  static void removeImportedData(JdbcTemplate jdbc) {
    // deleting sales lines changes their months, as for any other writer of sales lines
    new SalesMonthChanges(jdbc).markDays(
        jdbc.queryForList("SELECT DISTINCT order_date FROM cm_sales_line WHERE import_id IS NOT NULL", java.time.LocalDate.class));
    jdbc.update("DELETE FROM cm_sales_line WHERE import_id IS NOT NULL");
    jdbc.update("DELETE FROM cm_customer_change WHERE reason LIKE '數據導入%'");
    jdbc.update("DELETE FROM cm_customer WHERE customer_code LIKE 'C3%'");
    jdbc.update("DELETE FROM cm_brand WHERE brand_code LIKE 'B9%'");
  }
}

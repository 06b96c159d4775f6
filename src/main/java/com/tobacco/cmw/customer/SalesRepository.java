package com.tobacco.cmw.customer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Sales lines from the ordering system (cm_sales_line); aggregation happens in SQL. */
@Repository
public class SalesRepository {

  /** Cartons of one brand a customer ordered in a period. */
  public record BrandVolume(String brandCode, BigDecimal cartons) {}

  private final JdbcTemplate jdbc;

  public SalesRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Cartons of one brand in a longer history and in a recent window ending on the same day. */
  public record RecentVolume(String brandCode, BigDecimal historyCartons, BigDecimal windowCartons) {}

  /**
   * Per brand the customer ordered on days in [historyFrom, to]: the cartons of that history and
   * of the window [windowFrom, to], largest history first; one grouped query.
   */
  public List<RecentVolume> recentVolumes(String customerCode, LocalDate historyFrom, LocalDate windowFrom, LocalDate to) {
    return jdbc.query("SELECT brand_code, SUM(quantity_cartons), "
            + "SUM(CASE WHEN order_date >= ? THEN quantity_cartons ELSE 0 END) FROM cm_sales_line "
            + "WHERE customer_code = ? AND order_date BETWEEN ? AND ? GROUP BY brand_code ORDER BY 2 DESC, brand_code",
        (rs, i) -> new RecentVolume(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3)),
        windowFrom, customerCode, historyFrom, to);
  }

  /** Cartons per brand ordered by the customer on days in [from, to], largest first. */
  public List<BrandVolume> volumeByBrand(String customerCode, LocalDate from, LocalDate to) {
    return jdbc.query("SELECT brand_code, SUM(quantity_cartons) FROM cm_sales_line "
            + "WHERE customer_code = ? AND order_date BETWEEN ? AND ? GROUP BY brand_code ORDER BY 2 DESC, brand_code",
        (rs, i) -> new BrandVolume(rs.getString(1), rs.getBigDecimal(2)), customerCode, from, to);
  }
}

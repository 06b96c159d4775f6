package com.tobacco.cmw.security;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Staff known to the business tables: role and region of a user (table cm_staff). */
@Repository
public class StaffDirectory {

  public record Staff(String userId, String name, String role, String regionCode, boolean active) {}

  private static final String COLUMNS = "SELECT user_id, name, role, region_code, active FROM cm_staff ";
  private static final RowMapper<Staff> STAFF =
      (rs, i) -> new Staff(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5));

  private final JdbcTemplate jdbc;

  public StaffDirectory(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Staff> find(String userId) {
    return jdbc.query(COLUMNS + "WHERE user_id = ?", STAFF, userId).stream().findFirst();
  }

  /**
   * The active customer managers that have a region, by user id: those the scheduled work (weekly
   * schedule, monthly report) is done for; one without a region has no regional manager to tell.
   */
  public List<Staff> activeCustomerManagers() {
    return jdbc.query(COLUMNS + "WHERE role = ? AND active = TRUE AND region_code IS NOT NULL ORDER BY user_id", STAFF,
        Roles.CUSTOMER_MANAGERS);
  }

  public void save(Staff staff) {
    int updated = jdbc.update("UPDATE cm_staff SET name = ?, role = ?, region_code = ?, active = ? WHERE user_id = ?",
        staff.name(), staff.role(), staff.regionCode(), staff.active(), staff.userId());
    if (updated == 0) {
      jdbc.update("INSERT INTO cm_staff (user_id, name, role, region_code, active) VALUES (?, ?, ?, ?, ?)",
          staff.userId(), staff.name(), staff.role(), staff.regionCode(), staff.active());
    }
  }
}

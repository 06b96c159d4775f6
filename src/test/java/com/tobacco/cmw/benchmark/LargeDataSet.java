package com.tobacco.cmw.benchmark;

import com.tobacco.cmw.security.Roles;
import com.tobacco.cmw.customer.SalesMonthChanges;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The large data set of the scheduled-work benchmark: {@code regions} regions, {@code managers}
 * customer managers spread over them, {@code customersPerManager} active customers each, and
 * {@code linesPerMonth} sales lines in each of {@code months} months ending with the month before
 * {@code lastMonth + 1}. Written with set-based {@code INSERT … SELECT} (a cross join of the
 * customers with a small table of order slots), portable between H2 and PostgreSQL, so that 13
 * million lines take minutes rather than hours. Deterministic: the same parameters give the same
 * data.
 *
 * <p>Codes: regions {@code R01…}, managers {@code bm001…} (role customer-managers), customers
 * {@code K000001…}; the brands are those already in the catalogue (the demo's B001–B020).
 */
final class LargeDataSet {

  record Size(int regions, int managers, int customersPerManager, int months, int linesPerMonth) {
    int customers() {
      return managers * customersPerManager;
    }
  }

  /** What was written and how long it took. */
  record Written(int customers, long salesLines, long customerMillis, long salesMillis) {}

  private static final int CHUNK = 500;

  private final JdbcTemplate jdbc;

  LargeDataSet(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  static String managerId(int i) {
    return String.format(Locale.ROOT, "bm%03d", i + 1);
  }

  static String regionCode(int r) {
    return String.format(Locale.ROOT, "R%02d", r + 1);
  }

  Written write(Size size, YearMonth lastMonth) {
    long t0 = System.nanoTime();
    writeStaffAndCustomers(size);
    long t1 = System.nanoTime();
    List<String> brands = jdbc.queryForList("SELECT brand_code FROM cm_brand ORDER BY brand_code", String.class);
    if (brands.isEmpty()) {
      throw new IllegalStateException("the brand catalogue is empty; the large data set uses the catalogue's brands");
    }
    jdbc.execute("CREATE TABLE bench_slot (k INT NOT NULL, brand_code VARCHAR(20) NOT NULL, order_date DATE NOT NULL)");
    int customers = size.customers();
    // slots per customer: ceil(lines / customers); the last slot only for the first customers, so the total is exact
    int slots = (size.linesPerMonth() + customers - 1) / customers;
    int lastSlotCustomers = size.linesPerMonth() - (slots - 1) * customers;
    long lines = 0;
    for (int m = size.months() - 1; m >= 0; m--) {
      YearMonth month = lastMonth.minusMonths(m);
      jdbc.update("DELETE FROM bench_slot");
      List<Object[]> rows = new ArrayList<>();
      for (int k = 0; k < slots; k++) {
        // each brand in turn, the orders of a customer spread over the first 28 days of the month
        LocalDate day = month.atDay(1 + (k * 7) % 28 + (k / 4) % 7);
        if (day.getMonthValue() != month.getMonthValue()) {
          day = month.atEndOfMonth();
        }
        rows.add(new Object[] {k, brands.get(k % brands.size()), Date.valueOf(day)});
      }
      jdbc.batchUpdate("INSERT INTO bench_slot (k, brand_code, order_date) VALUES (?, ?, ?)", rows);
      // a seasonal factor per calendar month (Spring Festival high, summer low) and a slow trend
      int season = switch (month.getMonthValue()) {
        case 1, 2 -> 14;
        case 6, 7, 8 -> 9;
        case 12 -> 12;
        default -> 10;
      };
      int trend = 100 + (size.months() - 1 - m);
      // cartons with one decimal: (1…9) × season × trend / 1000
      String cartons = String.format(Locale.ROOT,
          "CAST(CAST(((MOD(c.idx * 31 + s.k * 17 + %d, 9) + 1) * %d * %d) / 100 AS DECIMAL(12,2)) / 10 AS DECIMAL(12,2))",
          month.getMonthValue() * 7, season, trend);
      // in chunks of customers: small transactions keep the database's undo log and file small
      for (int from = 0; from < customers; from += CHUNK) {
        lines += jdbc.update("INSERT INTO cm_sales_line (customer_code, order_date, brand_code, quantity_cartons, amount, source_key) "
            + "SELECT c.customer_code, s.order_date, s.brand_code, " + cartons + ", "
            + "CAST(" + cartons + " * b.wholesale_price_carton AS DECIMAL(14,2)), "
            + "CONCAT('bench:', ?, ':', c.customer_code, ':', CAST(s.k AS VARCHAR(6))) "
            + "FROM bench_customer c CROSS JOIN bench_slot s JOIN cm_brand b ON b.brand_code = s.brand_code "
            + "WHERE c.idx >= ? AND c.idx < ? AND (s.k < ? OR c.idx < ?)",
            month.toString(), from, Math.min(from + CHUNK, customers), slots - 1, lastSlotCustomers);
      }
    }
    // as every writer of sales lines: the months written are marked changed for the monthly summary
    List<YearMonth> written = new ArrayList<>();
    for (int m = size.months() - 1; m >= 0; m--) {
      written.add(lastMonth.minusMonths(m));
    }
    new SalesMonthChanges(jdbc).mark(written);
    jdbc.execute("DROP TABLE bench_slot");
    jdbc.execute("DROP TABLE bench_customer");
    long t2 = System.nanoTime();
    return new Written(customers, lines, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
  }

  private void writeStaffAndCustomers(Size size) {
    List<Object[]> regions = new ArrayList<>();
    for (int r = 0; r < size.regions(); r++) {
      regions.add(new Object[] {regionCode(r), "區域" + (r + 1)});
    }
    jdbc.batchUpdate("INSERT INTO cm_region (region_code, name) VALUES (?, ?)", regions);
    List<Object[]> staff = new ArrayList<>();
    for (int i = 0; i < size.managers(); i++) {
      staff.add(new Object[] {managerId(i), "客戶經理" + (i + 1), Roles.CUSTOMER_MANAGERS, regionCode(i % size.regions())});
    }
    jdbc.batchUpdate("INSERT INTO cm_staff (user_id, name, role, region_code, active) VALUES (?, ?, ?, ?, TRUE)", staff);
    jdbc.execute("CREATE TABLE bench_customer (idx INT PRIMARY KEY, customer_code VARCHAR(20) NOT NULL)");
    List<Object[]> customers = new ArrayList<>();
    List<Object[]> index = new ArrayList<>();
    LocalDate expiry = LocalDate.now().plusYears(3);
    for (int c = 0; c < size.customers(); c++) {
      int manager = c / size.customersPerManager();
      String code = String.format(Locale.ROOT, "K%06d", c + 1);
      // 12 digits: area 330199, holder type 1 or 2, serial
      String licence = String.format(Locale.ROOT, "330199%d%05d", 1 + c % 2, c + 1);
      int grade = 1 + (c * 7) % 5;
      customers.add(new Object[] {code, "測試零售戶" + (c + 1), licence, Date.valueOf(expiry), "測試路" + (c + 1) + "號",
          regionCode(manager % size.regions()), managerId(manager), grade, "便利店", Date.valueOf(LocalDate.of(2020, 1, 1))});
      index.add(new Object[] {c, code});
      if (customers.size() == 5000) {
        flushCustomers(customers, index);
      }
    }
    flushCustomers(customers, index);
  }

  private void flushCustomers(List<Object[]> customers, List<Object[]> index) {
    jdbc.batchUpdate("INSERT INTO cm_customer (customer_code, store_name, licence_no, licence_expiry, address, region_code, "
        + "manager_id, grade, business_type, status, entry_date) VALUES (?,?,?,?,?,?,?,?,?,'ACTIVE',?)", customers);
    jdbc.batchUpdate("INSERT INTO bench_customer (idx, customer_code) VALUES (?, ?)", index);
    customers.clear();
    index.clear();
  }
}

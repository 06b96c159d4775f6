package com.tobacco.cmw.demo;

import com.tobacco.cmw.customer.Brand;
import com.tobacco.cmw.customer.Customer;
import com.tobacco.cmw.customer.SalesMonthChanges;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Weekly orders with a plausible seasonal pattern: a peak before the Spring Festival
 * (January–February), a summer dip, a lift before National Day, and a slow upward trend.
 * Better grades order more and more expensive brands. The months written are marked changed
 * ({@link SalesMonthChanges}).
 */
final class DemoSales {

  /** Monthly factors, January first. */
  static final double[] SEASON = {1.45, 1.25, 0.85, 0.95, 1.00, 0.90, 0.85, 0.88, 1.05, 1.15, 0.95, 1.10};
  private static final int BATCH = 5_000;

  private final JdbcTemplate jdbc;
  private final Random random;

  DemoSales(JdbcTemplate jdbc, Random random) {
    this.jdbc = jdbc;
    this.random = random;
  }

  /** Sales from {@code months} months before {@code firstOfThisMonth} up to yesterday; returns the line count. */
  int generate(List<Customer> customers, List<Brand> catalogue, LocalDate firstOfThisMonth, int months) {
    LocalDate from = firstOfThisMonth.minusMonths(months);
    LocalDate to = LocalDate.now().minusDays(1);
    List<Object[]> batch = new ArrayList<>(BATCH);
    int count = 0;
    for (int c = 0; c < customers.size(); c++) {
      Customer customer = customers.get(c);
      // each customer has a basket of 4–8 brands, nearer to expensive classes for better grades
      int basketSize = 4 + random.nextInt(5);
      List<Brand> basket = new ArrayList<>();
      while (basket.size() < basketSize) {
        Brand b = catalogue.get(random.nextInt(catalogue.size()));
        int wantClass = Math.min(5, Math.max(1, customer.grade() + random.nextInt(3) - 1));
        if (!basket.contains(b) && Math.abs(b.priceClass() - wantClass) <= 1) {
          basket.add(b);
        }
      }
      double size = (6 - customer.grade()) * (0.6 + random.nextDouble());
      LocalDate end = customer.exitDate() != null ? customer.exitDate() : to;
      for (LocalDate d = from; !d.isAfter(end); d = d.plusDays(1)) {
        if (!DemoData.isOrderDay(d, c)) {
          continue;
        }
        double trend = 1 + 0.03 * (d.getYear() - from.getYear() + d.getDayOfYear() / 365.0);
        double season = SEASON[d.getMonthValue() - 1];
        for (Brand b : basket) {
          double mean = size * season * trend * (b.priceClass() <= 2 ? 0.6 : 1.2);
          int cartons = (int) Math.round(mean + random.nextGaussian() * mean * 0.25);
          if (cartons <= 0) {
            continue;
          }
          batch.add(new Object[] {customer.customerCode(), d, b.brandCode(), cartons,
              DemoData.yuan(cartons * DemoCatalogue.wholesale(b)), "demo:" + customer.customerCode() + ":" + d + ":" + b.brandCode()});
          count++;
          if (batch.size() == BATCH) {
            flush(batch);
          }
        }
      }
    }
    flush(batch);
    // every month written is marked changed, so a summary made before (of an older database) is redone
    List<YearMonth> written = new ArrayList<>();
    for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
      written.add(m);
    }
    new SalesMonthChanges(jdbc).mark(written);
    return count;
  }

  private void flush(List<Object[]> batch) {
    if (!batch.isEmpty()) {
      jdbc.batchUpdate("INSERT INTO cm_sales_line (customer_code, order_date, brand_code, quantity_cartons, amount, source_key) "
          + "VALUES (?,?,?,?,?,?)", batch);
      batch.clear();
    }
  }
}

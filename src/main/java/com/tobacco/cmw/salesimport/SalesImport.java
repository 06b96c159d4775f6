package com.tobacco.cmw.salesimport;

import java.math.BigDecimal;
import java.math.RoundingMode;
import com.tobacco.cmw.customer.SalesMonthChanges;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Sales lines of the ordering system, written straight into {@code cm_sales_line} in batches
 * (each line marked with the import and its row), inside the import's transaction. The key ({@code source_key}):
 * {@code order:<order number>:<line number>} when the file gives order numbers, else
 * {@code day:<customer>:<order date>:<brand>} (one line per customer, brand and day, the key the
 * demo data uses under the prefix {@code demo:}). A line with a key already stored replaces it.
 * The months of every line inserted, replaced (its old and its new date) or deleted are collected
 * while writing and marked changed once each at the end ({@link SalesMonthChanges}), in the same
 * transaction: a rejected import, rolled back, marks nothing.
 */
final class SalesImport extends ImportTarget {

  static final Column CUSTOMER = Column.required("客戶編碼", "customer code", 20, "客户编码", "customer_code", "客戶代碼", "客户代码");
  static final Column ORDER_DATE = Column.required("訂單日期", "order date", 20, "订单日期", "order_date", "日期");
  static final Column BRAND = Column.required("品牌編碼", "brand code", 20, "品牌编码", "brand_code", "卷煙編碼", "卷烟编码");
  static final Column QUANTITY = Column.required("數量(條)", "quantity (cartons)", 20, "数量(条)", "數量", "数量", "quantity",
      "quantity_cartons");
  static final Column AMOUNT = Column.required("金額(元)", "amount (yuan)", 20, "金额(元)", "金額", "金额", "amount");
  static final Column ORDER_NO = Column.optional("訂單號", "order number", 40, "订单号", "order_no");
  static final Column LINE_NO = Column.optional("行號", "line number", 10, "行号", "line_no");
  static final List<Column> COLUMNS = List.of(CUSTOMER, ORDER_DATE, BRAND, QUANTITY, AMOUNT, ORDER_NO, LINE_NO);

  private final Set<String> customers = new HashSet<>();
  private final Map<String, BigDecimal> wholesale = new HashMap<>();
  private final BigDecimal tolerance;
  private final LocalDate today;
  /** The days of the generated demo lines, which day keys replace too; null without demo lines. */
  private final LocalDate demoFrom;
  private final LocalDate demoTo;
  private long written;
  private long replaced;
  /** The months this import changed, marked at the end. */
  private final Set<YearMonth> changedMonths = new HashSet<>();

  static final String DAY = "day:";
  static final String DEMO = "demo:";

  SalesImport(JdbcTemplate jdbc, long importId, BigDecimal tolerance, LocalDate today) {
    super(jdbc, importId);
    this.tolerance = tolerance;
    this.today = today;
    jdbc.query("SELECT customer_code FROM cm_customer", rs -> {
      customers.add(rs.getString(1));
    });
    jdbc.query("SELECT brand_code, wholesale_price_carton FROM cm_brand", rs -> {
      wholesale.put(rs.getString(1), rs.getBigDecimal(2));
    });
    LocalDate[] demo = jdbc.queryForObject("SELECT MIN(order_date), MAX(order_date) FROM cm_sales_line WHERE source_key LIKE 'demo:%'",
        (rs, i) -> new LocalDate[] {rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)});
    demoFrom = demo[0];
    demoTo = demo[1];
  }

  @Override
  List<Column> columns() {
    return COLUMNS;
  }

  @Override
  Object[] validate(long row, Values v) {
    int before = v.reasons.size();
    String customer = v.text(CUSTOMER);
    LocalDate date = v.date(ORDER_DATE);
    String brand = v.text(BRAND);
    BigDecimal quantity = v.positive(QUANTITY, 2);
    BigDecimal amount = v.notNegative(AMOUNT, 2);
    String orderNo = v.optionalText(ORDER_NO);
    String lineNo = v.optionalText(LINE_NO);
    if (date != null && date.isAfter(today)) {
      v.reasons.add("「訂單日期」" + date + " 晚於今天 / order date " + date + " is in the future");
    }
    if (!customer.isEmpty() && !customers.contains(customer)) {
      v.reasons.add("客戶編碼「" + customer + "」不存在 / unknown customer " + customer);
    }
    BigDecimal price = brand.isEmpty() ? null : wholesale.get(brand);
    if (!brand.isEmpty() && price == null) {
      v.reasons.add("品牌編碼「" + brand + "」不存在 / unknown brand " + brand);
    }
    if (price != null && quantity != null && amount != null) {
      BigDecimal expected = quantity.multiply(price).setScale(2, RoundingMode.HALF_UP);
      if (amount.subtract(expected).abs().compareTo(expected.multiply(tolerance)) > 0) {
        String pct = tolerance.movePointRight(2).stripTrailingZeros().toPlainString();
        v.reasons.add("「金額(元)」" + amount.toPlainString() + " 與 數量 × 批發價 = " + expected.toPlainString() + " 相差超過 " + pct
            + "% / amount " + amount.toPlainString() + " differs from quantity × wholesale price " + expected.toPlainString()
            + " by more than " + pct + "%");
      }
    }
    if (orderNo != null && lineNo == null && v.reasons.size() == before) {
      v.reasons.add("填寫了「訂單號」時「行號」不能為空 / line number is required with an order number");
    }
    if (v.reasons.size() > before) {
      return null;
    }
    String key = orderNo != null ? "order:" + orderNo + ":" + lineNo : DAY + customer + ":" + date + ":" + brand;
    return new Object[] {importId, row, customer, date, brand, quantity, amount, key};
  }

  /**
   * Per batch, set-based: one query finds which keys are stored. A key written earlier by this
   * import makes the row a duplicate; a key stored before is replaced in place (an UPDATE of the
   * line, cheaper than delete and insert); the other rows are inserted. The demo line of a day
   * key is deleted. Lines are marked with the import and their row.
   */
  @Override
  void write(List<Object[]> batch, RejectSink sink) {
    Map<String, Long> first = new HashMap<>();
    List<Object[]> rows = new ArrayList<>(batch.size());
    for (Object[] r : batch) {
      Long earlier = first.putIfAbsent((String) r[7], (Long) r[1]);
      if (earlier != null) {
        sink.reject((Long) r[1], duplicate((String) r[7], earlier));
      } else {
        rows.add(r);
      }
    }
    if (rows.isEmpty()) {
      return;
    }
    Map<String, Long> ours = new HashMap<>();
    Set<String> stored = new HashSet<>();
    jdbc.query("SELECT source_key, import_id, import_row, order_date FROM cm_sales_line WHERE source_key IN (" + marks(rows.size())
        + ")", rs -> {
      long by = rs.getLong(2);
      if (!rs.wasNull() && by == importId) {
        ours.put(rs.getString(1), rs.getLong(3));
      } else {
        stored.add(rs.getString(1));
        // a replaced line may move to another month: its old month changes too
        changedMonths.add(YearMonth.from(rs.getDate(4).toLocalDate()));
      }
    }, keys(rows));
    List<Object[]> inserts = new ArrayList<>(rows.size());
    List<Object[]> updates = new ArrayList<>();
    for (Object[] r : rows) {
      String key = (String) r[7];
      Long earlier = ours.get(key);
      if (earlier != null) {
        sink.reject((Long) r[1], duplicate(key, earlier));
      } else if (stored.contains(key)) {
        updates.add(new Object[] {r[2], r[3], r[4], r[5], r[6], r[0], r[1], key});
        changedMonths.add(YearMonth.from((LocalDate) r[3]));
      } else {
        inserts.add(r);
        // also the month of a demo line this one replaces: the same day
        changedMonths.add(YearMonth.from((LocalDate) r[3]));
      }
    }
    if (demoFrom != null) {
      List<Object> demoKeys = new ArrayList<>();
      for (Object[] r : inserts) {
        String key = (String) r[7];
        LocalDate day = (LocalDate) r[3];
        if (key.startsWith(DAY) && !day.isBefore(demoFrom) && !day.isAfter(demoTo)) {
          demoKeys.add(DEMO + key.substring(DAY.length()));
        }
      }
      if (!demoKeys.isEmpty()) {
        replaced += jdbc.update("DELETE FROM cm_sales_line WHERE source_key IN (" + marks(demoKeys.size()) + ")", demoKeys.toArray());
      }
    }
    if (!updates.isEmpty()) {
      jdbc.batchUpdate("UPDATE cm_sales_line SET customer_code = ?, order_date = ?, brand_code = ?, quantity_cartons = ?, amount = ?, "
          + "import_id = ?, import_row = ? WHERE source_key = ?", updates);
      replaced += updates.size();
    }
    if (!inserts.isEmpty()) {
      jdbc.batchUpdate("INSERT INTO cm_sales_line (import_id, import_row, customer_code, order_date, brand_code, quantity_cartons, "
          + "amount, source_key) VALUES (?,?,?,?,?,?,?,?)", inserts);
    }
    written += updates.size() + inserts.size();
  }

  private static Object[] keys(List<Object[]> rows) {
    Object[] keys = new Object[rows.size()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = rows.get(i)[7];
    }
    return keys;
  }

  private static String marks(int n) {
    return String.join(",", java.util.Collections.nCopies(n, "?"));
  }

  private static String duplicate(String key, long first) {
    boolean order = key.startsWith("order:");
    return "與第 " + first + " 行重複(" + (order ? "同一訂單號和行號" : "同一客戶、訂單日期和品牌") + ")/ duplicate of row " + first
        + " (" + (order ? "same order and line number" : "same customer, order date and brand") + ")";
  }

  @Override
  void checkWritten(RejectSink sink) {
    // duplicates were found batch by batch
  }

  @Override
  Merged merge(String user, Set<Long> rejectedRows) {
    // the lines are in place; in a partial import the rejected rows were never written
    new SalesMonthChanges(jdbc).mark(changedMonths);
    return new Merged(written, replaced);
  }
}

package com.tobacco.cmw.salesimport;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Sales lines of the ordering system into {@code cm_sales_line}. The key ({@code source_key}):
 * {@code order:<order number>:<line number>} when the file gives order numbers, else
 * {@code day:<customer>:<order date>:<brand>} (one line per customer, brand and day, the key the
 * demo data uses under the prefix {@code demo:}). A line with a key already stored replaces it.
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
  }

  @Override
  List<Column> columns() {
    return COLUMNS;
  }

  @Override
  String stageTable() {
    return "cm_import_sales_stage";
  }

  @Override
  String stageInsertSql() {
    return "INSERT INTO cm_import_sales_stage (import_id, row_no, customer_code, order_date, brand_code, quantity_cartons, "
        + "amount, source_key) VALUES (?,?,?,?,?,?,?,?)";
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
    String key = orderNo != null ? "order:" + orderNo + ":" + lineNo : "day:" + customer + ":" + date + ":" + brand;
    return new Object[] {importId, row, customer, date, brand, quantity, amount, key};
  }

  @Override
  void checkStaged(RejectSink sink) {
    duplicates("source_key", (key, first) -> {
      boolean order = key.startsWith("order:");
      return "與第 " + first + " 行重複(" + (order ? "同一訂單號和行號" : "同一客戶、訂單日期和品牌") + ")/ duplicate of row " + first
          + " (" + (order ? "same order and line number" : "same customer, order date and brand") + ")";
    }, sink);
  }

  @Override
  Merged merge(String user) {
    long replaced = jdbc.update("DELETE FROM cm_sales_line WHERE source_key IN "
        + "(SELECT source_key FROM cm_import_sales_stage WHERE import_id = ?)", importId);
    // a line of a day replaces the generated demo line of the same customer, day and brand
    replaced += jdbc.update("DELETE FROM cm_sales_line WHERE source_key IN (SELECT 'demo:' || SUBSTRING(source_key, 5) "
        + "FROM cm_import_sales_stage WHERE import_id = ? AND source_key LIKE 'day:%')", importId);
    long imported = jdbc.update("INSERT INTO cm_sales_line (customer_code, order_date, brand_code, quantity_cartons, amount, source_key) "
        + "SELECT customer_code, order_date, brand_code, quantity_cartons, amount, source_key FROM cm_import_sales_stage "
        + "WHERE import_id = ?", importId);
    return new Merged(imported, replaced);
  }
}

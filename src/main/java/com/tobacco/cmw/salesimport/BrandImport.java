package com.tobacco.cmw.salesimport;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** The brand catalogue into {@code cm_brand}, keyed by brand code: a known code is updated. */
final class BrandImport extends StagedTarget {

  static final Column CODE = Column.required("品牌編碼", "brand code", 20, "品牌编码", "brand_code", "卷煙編碼", "卷烟编码");
  static final Column NAME = Column.required("品牌名稱", "brand name", 60, "品牌名称", "name", "brand_name", "卷煙名稱", "卷烟名称");
  static final Column PRICE_CLASS = Column.required("價類", "price class", 10, "价类", "price_class");
  static final Column WHOLESALE = Column.required("批發價(元/條)", "wholesale price per carton", 20, "批发价(元/条)", "批發價", "批发价",
      "wholesale_price_carton");
  static final Column MIN_PACK = Column.required("最低零售價(元/包)", "minimum retail price per pack", 20, "最低零售价(元/包)",
      "min_retail_price_pack");
  static final Column MIN_CARTON = Column.required("最低零售價(元/條)", "minimum retail price per carton", 20, "最低零售价(元/条)",
      "min_retail_price_carton");
  static final List<Column> COLUMNS = List.of(CODE, NAME, PRICE_CLASS, WHOLESALE, MIN_PACK, MIN_CARTON);

  BrandImport(JdbcTemplate jdbc, long importId) {
    super(jdbc, importId);
  }

  @Override
  List<Column> columns() {
    return COLUMNS;
  }

  @Override
  String stageTable() {
    return "cm_import_brand_stage";
  }

  @Override
  String stageInsertSql() {
    return "INSERT INTO cm_import_brand_stage (import_id, row_no, brand_code, name, price_class, wholesale_price_carton, "
        + "min_retail_price_pack, min_retail_price_carton) VALUES (?,?,?,?,?,?,?,?)";
  }

  @Override
  Object[] validate(long row, Values v) {
    int before = v.reasons.size();
    String code = v.text(CODE);
    String name = v.text(NAME);
    Integer priceClass = v.integer(PRICE_CLASS, 1, 5);
    BigDecimal wholesale = v.positive(WHOLESALE, 2);
    BigDecimal pack = v.positive(MIN_PACK, 2);
    BigDecimal carton = v.positive(MIN_CARTON, 2);
    if (v.reasons.size() > before) {
      return null;
    }
    return new Object[] {importId, row, code, name, priceClass, wholesale, pack, carton};
  }

  @Override
  void checkWritten(RejectSink sink) {
    duplicates("brand_code", "同一品牌編碼", "same brand code", sink);
  }

  @Override
  Merged mergeStaged(String user) {
    Long replaced = jdbc.queryForObject("SELECT COUNT(*) FROM cm_import_brand_stage s JOIN cm_brand b "
        + "ON b.brand_code = s.brand_code WHERE s.import_id = ?", Long.class, importId);
    long imported = jdbc.update("MERGE INTO cm_brand b USING (SELECT * FROM cm_import_brand_stage WHERE import_id = ?) s "
        + "ON (b.brand_code = s.brand_code) "
        + "WHEN MATCHED THEN UPDATE SET name = s.name, price_class = s.price_class, "
        + "wholesale_price_carton = s.wholesale_price_carton, min_retail_price_pack = s.min_retail_price_pack, "
        + "min_retail_price_carton = s.min_retail_price_carton "
        + "WHEN NOT MATCHED THEN INSERT (brand_code, name, price_class, wholesale_price_carton, min_retail_price_pack, "
        + "min_retail_price_carton) VALUES (s.brand_code, s.name, s.price_class, s.wholesale_price_carton, "
        + "s.min_retail_price_pack, s.min_retail_price_carton)", importId);
    return new Merged(imported, replaced == null ? 0 : replaced);
  }
}

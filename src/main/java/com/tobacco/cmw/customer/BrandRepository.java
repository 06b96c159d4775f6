package com.tobacco.cmw.customer;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The brand catalogue (cm_brand). */
@Repository
public class BrandRepository {

  private static final RowMapper<Brand> MAPPER = (rs, i) -> new Brand(rs.getString(1), rs.getString(2), rs.getInt(3),
      rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6));
  private static final String SELECT = "SELECT brand_code, name, price_class, wholesale_price_carton, "
      + "min_retail_price_pack, min_retail_price_carton FROM cm_brand";

  private final JdbcTemplate jdbc;

  public BrandRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public List<Brand> all() {
    return jdbc.query(SELECT + " ORDER BY price_class, brand_code", MAPPER);
  }

  public Optional<Brand> find(String brandCode) {
    return jdbc.query(SELECT + " WHERE brand_code = ?", MAPPER, brandCode).stream().findFirst();
  }

  public Map<String, Brand> byCode() {
    return all().stream().collect(Collectors.toMap(Brand::brandCode, Function.identity()));
  }

  public void insert(Brand b) {
    jdbc.update("INSERT INTO cm_brand (brand_code, name, price_class, wholesale_price_carton, min_retail_price_pack, "
            + "min_retail_price_carton) VALUES (?,?,?,?,?,?)",
        b.brandCode(), b.name(), b.priceClass(), b.wholesalePriceCarton(), b.minRetailPricePack(), b.minRetailPriceCarton());
  }
}

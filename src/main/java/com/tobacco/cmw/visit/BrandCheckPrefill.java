package com.tobacco.cmw.visit;

import com.tobacco.cmw.customer.Brand;
import com.tobacco.cmw.customer.BrandRepository;
import com.tobacco.cmw.customer.SalesRepository;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The brands a visit checks (§4.1.3 c, f) and the customer's sales rate per brand, both as of
 * the day the visit opened: the form shows them, the check requires every one of them, and the
 * record computes the order suggestion from the same rates, so all three agree.
 */
@Component
public class BrandCheckPrefill {

  /** Brands pre-filled in the visit form: those the customer ordered in this many days. */
  static final int BRAND_HISTORY_DAYS = 90;
  static final int MAX_BRAND_ROWS = 12;

  private final BrandRepository brands;
  private final SalesRepository sales;
  private final OrderSuggestion orderSuggestion;

  public BrandCheckPrefill(BrandRepository brands, SalesRepository sales, OrderSuggestion orderSuggestion) {
    this.brands = brands;
    this.sales = sales;
    this.orderSuggestion = orderSuggestion;
  }

  /** Rows for the brands the customer ordered lately (else the catalogue's first), with rate and target stock. */
  public List<BrandCheck> rows(String customerCode, LocalDate openedOn) {
    List<SalesRepository.RecentVolume> volumes = sales.recentVolumes(customerCode,
        openedOn.minusDays(BRAND_HISTORY_DAYS), openedOn.minusDays(orderSuggestion.salesWindowDays()), openedOn.minusDays(1));
    Map<String, BigDecimal> windowCartons = volumes.stream().collect(
        Collectors.toMap(SalesRepository.RecentVolume::brandCode, SalesRepository.RecentVolume::windowCartons));
    List<Brand> catalogue = brands.all();
    Map<String, Brand> byCode = catalogue.stream().collect(Collectors.toMap(Brand::brandCode, b -> b));
    List<String> codes = volumes.stream().map(SalesRepository.RecentVolume::brandCode).limit(MAX_BRAND_ROWS).toList();
    if (codes.isEmpty()) {
      codes = catalogue.stream().map(Brand::brandCode).limit(MAX_BRAND_ROWS).toList();
    }
    List<BrandCheck> rows = new ArrayList<>();
    for (String brandCode : codes) {
      Brand brand = byCode.get(brandCode);
      BigDecimal rate = orderSuggestion.dailyRate(windowCartons.getOrDefault(brandCode, BigDecimal.ZERO));
      rows.add(new BrandCheck(brandCode, brand.name(), brand.minRetailPricePack(), rate,
          orderSuggestion.targetStock(rate), null, null));
    }
    return rows;
  }

  /** Cartons a day per brand over the sales window before {@code openedOn}. */
  public Map<String, BigDecimal> dailyRates(String customerCode, LocalDate openedOn) {
    return sales.volumeByBrand(customerCode, openedOn.minusDays(orderSuggestion.salesWindowDays()), openedOn.minusDays(1))
        .stream().collect(Collectors.toMap(SalesRepository.BrandVolume::brandCode, v -> orderSuggestion.dailyRate(v.cartons())));
  }
}

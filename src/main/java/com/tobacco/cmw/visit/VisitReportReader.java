package com.tobacco.cmw.visit;

import static com.tobacco.cmw.visit.CustomerVisitProcess.Var;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tobacco.cmw.customer.Brand;
import com.tobacco.cmw.customer.BrandRepository;
import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.process.Variables;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Reads and checks the visit form's variables. Every rule the form states (required, ranges)
 * is checked again here, because REST clients bypass the form; a failed check names the field
 * and the row, in Chinese and English. Minimum prices come from the catalogue, never from the
 * submitted rows.
 */
@Component
public class VisitReportReader {

  static final BigDecimal MAX_STOCK = new BigDecimal("100000");
  static final BigDecimal MAX_PRICE = new BigDecimal("9999");

  private final BrandRepository brands;
  private final ObjectMapper json;

  public VisitReportReader(BrandRepository brands, ObjectMapper json) {
    this.brands = brands;
    this.json = json;
  }

  public VisitReport read(VariableScope scope, VisitType type) {
    Function<String, RuntimeException> error = m -> InvalidInput.inForm("visit", m);
    String passed = Variables.requiredText(scope, Var.INFO_PASSED_ON, "a) 向客戶傳遞的信息", 2000, error);
    String collected = Variables.requiredText(scope, Var.INFO_COLLECTED, "b) 向客戶收集的信息", 2000, error);
    List<BrandCheck> checks = brandChecks(scope.getVariable(Var.BRAND_CHECKS));
    String display = Variables.requiredText(scope, Var.DISPLAY_WORK, "d) 柜臺擺放出樣、標價簽", 2000, error);
    String lawful = Variables.requiredText(scope, Var.LAWFUL_OBSERVATION, "e) 銷售情況與守法經營", 2000, error);
    String special = type == VisitType.SPECIAL
        ? Variables.requiredText(scope, Var.SPECIAL_HANDLING, "特殊情況處理結果", 2000, error)
        : Variables.optionalText(scope, Var.SPECIAL_HANDLING, "特殊情況處理結果", 2000, error);
    VisitReport.UnlicensedSighting sighting = null;
    if (Variables.flag(scope, Var.UNLICENSED_SELLER_SEEN, "發現無證經營", error)) {
      sighting = new VisitReport.UnlicensedSighting(
          Variables.requiredText(scope, Var.UNLICENSED_PLACE, "無證經營地點", 200, error),
          Variables.requiredText(scope, Var.UNLICENSED_DESCRIPTION, "無證經營情況描述", 2000, error));
    }
    String signer = Variables.requiredText(scope, Var.CUSTOMER_SIGNER_NAME, "客戶簽名確認(姓名)", 60, error);
    if (!Variables.flag(scope, Var.CUSTOMER_CONFIRMED, "客戶已簽名確認", error)) {
      throw error.apply("訪問須經客戶在記錄簿上簽名確認後才能完成 (§4.1.4) / the customer must confirm the visit");
    }
    return new VisitReport(passed, collected, checks, display, lawful, special, sighting, signer);
  }

  /** The rows as submitted: a Json variable, a list of maps, or JSON text from a REST client. */
  List<BrandCheck> brandChecks(Object value) {
    if (value == null) {
      return List.of();
    }
    JsonNode rows;
    try {
      // a Json variable prints as JSON; a deserialized list or map is written back to JSON
      String text = value instanceof String s ? s
          : value instanceof java.util.Collection<?> || value instanceof Map<?, ?> ? json.writeValueAsString(value)
          : value.toString();
      rows = json.readTree(text);
    } catch (JsonProcessingException e) {
      throw InvalidInput.inForm(Var.BRAND_CHECKS, "庫存與價格檢查的資料格式不正確 / brandChecks is not a JSON list");
    }
    if (!rows.isArray()) {
      throw InvalidInput.inForm(Var.BRAND_CHECKS, "庫存與價格檢查應為清單 / brandChecks must be a list");
    }
    Map<String, Brand> catalogue = brands.byCode();
    Set<String> seen = new HashSet<>();
    List<BrandCheck> result = new ArrayList<>();
    int rowNo = 0;
    for (JsonNode row : rows) {
      rowNo++;
      final String where = "第 " + rowNo + " 行";
      Function<String, RuntimeException> error = m -> InvalidInput.inForm(Var.BRAND_CHECKS, where + " " + m);
      String code = text(row, "brandCode");
      Brand brand = code == null ? null : catalogue.get(code);
      if (brand == null) {
        throw error.apply("品牌代碼「" + (code == null ? "" : code) + "」不在品牌目錄中 / unknown brand");
      }
      if (!seen.add(code)) {
        throw error.apply("品牌 " + brand.name() + " 重複 / brand listed twice");
      }
      String label = brand.name();
      BigDecimal stock = Variables.number(raw(row, "stockCartons"), label + " 庫存(條)", error);
      if (stock == null) {
        throw error.apply("請填寫 " + label + " 的庫存(條) / stock is required");
      }
      if (stock.signum() < 0 || stock.compareTo(MAX_STOCK) > 0) {
        throw error.apply(label + " 的庫存應在 0 至 " + MAX_STOCK + " 條之間,填寫的是 " + stock.toPlainString()
            + " / stock must be between 0 and " + MAX_STOCK);
      }
      BigDecimal price = Variables.number(raw(row, "shelfPricePack"), label + " 貨架價格(元/包)", error);
      if (price != null && (price.signum() <= 0 || price.compareTo(MAX_PRICE) > 0)) {
        throw error.apply(label + " 的貨架價格應大於 0 且不超過 " + MAX_PRICE + " 元/包 / shelf price out of range");
      }
      result.add(new BrandCheck(code, brand.name(), brand.minRetailPricePack(),
          Variables.number(raw(row, "dailySales"), "dailySales", error),
          Variables.number(raw(row, "targetStock"), "targetStock", error), stock, price));
    }
    return result;
  }

  private static String text(JsonNode row, String field) {
    JsonNode node = row.get(field);
    return node == null || node.isNull() || node.asText().isBlank() ? null : node.asText().strip();
  }

  private static Object raw(JsonNode row, String field) {
    JsonNode node = row.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    return node.isNumber() ? node.decimalValue() : node.asText();
  }
}

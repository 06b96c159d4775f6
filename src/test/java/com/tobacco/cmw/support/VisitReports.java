package com.tobacco.cmw.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tobacco.cmw.visit.CustomerVisitProcess.Var;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A valid visit report as a customer manager submits it, for tests and benchmarks. */
public final class VisitReports {

  private VisitReports() {}

  /**
   * The pre-filled brand rows (the {@code brandChecks} variable as JSON) with stock 2 and a shelf
   * price one yuan above the minimum; row {@code belowMinRow} (if not null) one yuan below it.
   */
  public static List<Map<String, Object>> filledRows(ObjectMapper json, String brandChecksJson, Integer belowMinRow) {
    List<Map<String, Object>> rows = read(json, brandChecksJson);
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> row = rows.get(i);
      BigDecimal min = new BigDecimal(row.get("minPricePack").toString());
      row.put("stockCartons", 2);
      row.put("shelfPricePack", belowMinRow != null && belowMinRow == i ? min.subtract(BigDecimal.ONE) : min.add(BigDecimal.ONE));
    }
    return rows;
  }

  /** The report a–f with the given brand rows, signed by {@code signer} and confirmed. */
  public static Map<String, Object> report(ObjectMapper json, List<Map<String, Object>> rows, String signer) {
    Map<String, Object> v = new HashMap<>();
    v.put(Var.INFO_PASSED_ON, "傳達本月新品上市及價格政策");
    v.put(Var.INFO_COLLECTED, "客戶反映細支煙需求增加");
    v.put(Var.BRAND_CHECKS, org.camunda.spin.plugin.variable.SpinValues.jsonValue(write(json, rows)).create());
    v.put(Var.DISPLAY_WORK, "調整柜臺出樣,更換兩張污損標價簽");
    v.put(Var.LAWFUL_OBSERVATION, "經營正常,亮證經營");
    v.put(Var.CUSTOMER_SIGNER_NAME, signer);
    v.put(Var.CUSTOMER_CONFIRMED, true);
    return v;
  }

  /**
   * The body of {@code POST /engine-rest/task/{id}/submit-form} for the visit form: the report
   * a–f with the brand rows as a Json variable, and {@code extraMembers} (REST variable members
   * such as {@code "unlicensedSellerSeen":{"value":true}}, comma-separated) if not empty.
   */
  public static String submitFormBody(ObjectMapper json, List<Map<String, Object>> rows, String signer,
                                      String extraMembers) {
    StringBuilder variables = new StringBuilder("{\"variables\":{");
    for (Map.Entry<String, Object> e : report(json, rows, signer).entrySet()) {
      if (!e.getKey().equals(Var.BRAND_CHECKS)) {
        variables.append(write(json, e.getKey())).append(":{\"value\":").append(write(json, e.getValue())).append("},");
      }
    }
    variables.append("\"brandChecks\":{\"type\":\"Json\",\"value\":").append(write(json, write(json, rows))).append("}");
    if (extraMembers != null && !extraMembers.isEmpty()) {
      variables.append(',').append(extraMembers);
    }
    return variables.append("}}").toString();
  }

  private static List<Map<String, Object>> read(ObjectMapper json, String text) {
    try {
      return json.readValue(text, new TypeReference<List<Map<String, Object>>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String write(ObjectMapper json, Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

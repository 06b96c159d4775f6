package com.tobacco.cmw.satisfaction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The survey results as CSV text, one customer a line, checked line by line. The first non-empty
 * line is the header; its columns may come in any order, named in English or Chinese:
 * {@code customerCode|客戶代碼}, {@code supply|貨源供應}, {@code service|服務},
 * {@code market|市場管理} and optionally {@code comment|意見}. Scores are whole numbers 1–10.
 * Fields are separated by commas (a Chinese comma or a tab works too), may be quoted with
 * {@code "…"} (a quote inside doubled). Row numbers are the lines of the text, header = its line.
 */
public final class SurveyCsv {

  /** One customer's answers as read, with its line number. */
  public record Row(int row, String customerCode, int supply, int service, int market, String comment) {}

  /** A problem of the file ({@code row} 0) or of one line. */
  public record Problem(int row, String message) {
    public String text() {
      return row == 0 ? message : "第 " + row + " 行 / row " + row + ":" + message;
    }
  }

  public record Parsed(List<Row> rows, List<Problem> problems) {}

  static final int MAX_COMMENT = 1000;
  static final int MAX_ROWS = 20_000;
  static final String CUSTOMER = "customerCode";
  static final String SUPPLY = "supply";
  static final String SERVICE = "service";
  static final String MARKET = "market";
  static final String COMMENT = "comment";
  private static final Map<String, String> HEADERS = new HashMap<>();

  static {
    for (String h : List.of("customercode", "customer_code", "customer", "客戶代碼", "客户代码", "客戶編碼", "客户编码")) {
      HEADERS.put(h, CUSTOMER);
    }
    for (String h : List.of("supply", "supplyscore", "supply_score", "貨源供應", "货源供应", "貨源")) {
      HEADERS.put(h, SUPPLY);
    }
    for (String h : List.of("service", "servicescore", "service_score", "服務", "服务")) {
      HEADERS.put(h, SERVICE);
    }
    for (String h : List.of("market", "marketscore", "market_score", "市場管理", "市场管理")) {
      HEADERS.put(h, MARKET);
    }
    for (String h : List.of("comment", "comments", "意見", "意见", "備註", "备注")) {
      HEADERS.put(h, COMMENT);
    }
  }

  private SurveyCsv() {}

  public static Parsed parse(String text) {
    List<Row> rows = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    if (text == null || text.isBlank()) {
      problems.add(new Problem(0, "調查結果為空:需要標題行與至少一行客戶答卷 / the survey is empty: a header and at least one row are needed"));
      return new Parsed(rows, problems);
    }
    if (text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    String[] lines = text.split("\r\n|\r|\n", -1);
    Map<String, Integer> columns = null;
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < lines.length; i++) {
      int row = i + 1;
      String line = lines[i];
      if (line.isBlank()) {
        continue;
      }
      List<String> fields;
      try {
        fields = split(line);
      } catch (IllegalArgumentException e) {
        problems.add(new Problem(row, e.getMessage()));
        continue;
      }
      if (columns == null) {
        columns = header(fields, row, problems);
        if (columns == null) {
          return new Parsed(List.of(), problems);
        }
        continue;
      }
      if (rows.size() + problems.size() >= MAX_ROWS) {
        problems.add(new Problem(row, "超過 " + MAX_ROWS + " 行,請分批 / more than " + MAX_ROWS + " rows"));
        break;
      }
      Row parsed = row(fields, columns, row, problems);
      if (parsed == null) {
        continue;
      }
      Integer first = seen.putIfAbsent(parsed.customerCode(), row);
      if (first != null) {
        problems.add(new Problem(row, "客戶 " + parsed.customerCode() + " 重複,已在第 " + first + " 行 / duplicate customer "
            + parsed.customerCode() + ", already in row " + first));
        continue;
      }
      rows.add(parsed);
    }
    if (columns == null) {
      problems.add(new Problem(0, "調查結果為空:需要標題行與至少一行客戶答卷 / the survey is empty: a header and at least one row are needed"));
    } else if (rows.isEmpty() && problems.isEmpty()) {
      problems.add(new Problem(0, "調查結果只有標題行,沒有客戶答卷 / the survey has a header but no rows"));
    }
    return new Parsed(rows, problems);
  }

  private static Map<String, Integer> header(List<String> fields, int row, List<Problem> problems) {
    Map<String, Integer> columns = new HashMap<>();
    for (int c = 0; c < fields.size(); c++) {
      String name = HEADERS.get(fields.get(c).strip().replace(" ", "").toLowerCase(Locale.ROOT));
      if (name != null && columns.putIfAbsent(name, c) != null) {
        problems.add(new Problem(row, "標題行的「" + fields.get(c).strip() + "」重複 / header column repeated: "
            + fields.get(c).strip()));
        return null;
      }
    }
    List<String> missing = new ArrayList<>();
    for (String[] required : new String[][] {{CUSTOMER, "客戶代碼"}, {SUPPLY, "貨源供應"}, {SERVICE, "服務"},
        {MARKET, "市場管理"}}) {
      if (!columns.containsKey(required[0])) {
        missing.add(required[1] + " " + required[0]);
      }
    }
    if (!missing.isEmpty()) {
      problems.add(new Problem(row, "缺少標題行或標題列:" + String.join("、", missing)
          + "(標題行應為 customerCode,supply,service,market,comment 或 客戶代碼,貨源供應,服務,市場管理,意見)"
          + " / missing header or header columns: " + String.join(", ", missing)));
      return null;
    }
    return columns;
  }

  private static Row row(List<String> fields, Map<String, Integer> columns, int row, List<Problem> problems) {
    String code = field(fields, columns.get(CUSTOMER));
    int before = problems.size();
    if (code.isEmpty()) {
      problems.add(new Problem(row, "缺少客戶代碼 / customer code missing"));
    } else if (code.length() > 20) {
      problems.add(new Problem(row, "客戶代碼「" + code + "」過長 / customer code too long"));
    }
    int supply = score(fields, columns.get(SUPPLY), "貨源供應", SUPPLY, row, problems);
    int service = score(fields, columns.get(SERVICE), "服務", SERVICE, row, problems);
    int market = score(fields, columns.get(MARKET), "市場管理", MARKET, row, problems);
    String comment = columns.containsKey(COMMENT) ? field(fields, columns.get(COMMENT)) : "";
    if (comment.length() > MAX_COMMENT) {
      problems.add(new Problem(row, "意見最多 " + MAX_COMMENT + " 字 / comment longer than " + MAX_COMMENT));
    }
    if (problems.size() > before) {
      return null;
    }
    return new Row(row, code, supply, service, market, comment.isEmpty() ? null : comment);
  }

  private static int score(List<String> fields, int column, String label, String name, int row, List<Problem> problems) {
    String value = field(fields, column);
    if (!value.matches("\\d{1,2}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > 10) {
      problems.add(new Problem(row, "「" + label + "」應為 1–10 的整數:「" + value + "」/ " + name
          + " must be a whole number 1–10, got '" + value + "'"));
      return 0;
    }
    return Integer.parseInt(value);
  }

  private static String field(List<String> fields, int column) {
    return column < fields.size() ? fields.get(column).strip() : "";
  }

  /** The fields of one line: comma (or Chinese comma or tab) separated, optionally quoted. */
  static List<String> split(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            current.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          current.append(c);
        }
      } else if (c == '"' && current.toString().isBlank()) {
        current.setLength(0);
        quoted = true;
      } else if (c == ',' || c == '，' || c == '\t') {
        fields.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("引號未閉合 / unterminated quote");
    }
    fields.add(current.toString());
    return fields;
  }
}

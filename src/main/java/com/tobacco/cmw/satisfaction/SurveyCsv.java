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
 * Fields are separated by the separator the header line uses (comma; or tab, Chinese comma,
 * semicolon), may be quoted with {@code "…"} (a quote inside doubled, a line break inside kept).
 * Row numbers are the lines of the text where each record starts, header = its line.
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
    List<Record> records = records(text, separator(text));
    Map<String, Integer> columns = null;
    Map<String, Integer> seen = new HashMap<>();
    for (Record record : records) {
      int row = record.line();
      if (record.error() != null) {
        problems.add(new Problem(row, record.error()));
        continue;
      }
      List<String> fields = record.fields();
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

  /** One record: its first line, its fields, or why it could not be read. */
  record Record(int line, List<String> fields, String error) {}

  /**
   * The separator of the file, chosen from its header line (the first non-blank line): the one of
   * comma, tab, Chinese comma and semicolon that splits it most (comma when none does). Only that
   * separator separates fields, so the others may appear in comments.
   */
  static char separator(String text) {
    String header = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
    char best = ',';
    int most = 0;
    for (char candidate : new char[] {',', '\t', '，', ';'}) {
      int count = 0;
      boolean quoted = false;
      for (int i = 0; i < header.length(); i++) {
        char c = header.charAt(i);
        if (c == '"') {
          quoted = !quoted;
        } else if (c == candidate && !quoted) {
          count++;
        }
      }
      if (count > most) {
        most = count;
        best = candidate;
      }
    }
    return best;
  }

  /**
   * The records of the text, blank lines left out: fields separated by {@code separator}, each
   * optionally quoted with {@code "…"} (a quote inside doubled); a quoted field may span lines
   * (a comment with a line break). A record is numbered by the line it starts on.
   */
  static List<Record> records(String text, char separator) {
    List<Record> records = new ArrayList<>();
    int n = text.length();
    int i = 0;
    int line = 1;
    while (i < n) {
      int start = line;
      List<String> fields = new ArrayList<>();
      StringBuilder current = new StringBuilder();
      boolean quoted = false;
      boolean content = false;
      while (i < n) {
        char c = text.charAt(i);
        boolean lineBreak = c == '\n' || c == '\r';
        int breakLength = c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
        if (quoted) {
          if (c == '"') {
            if (i + 1 < n && text.charAt(i + 1) == '"') {
              current.append('"');
              i += 2;
            } else {
              quoted = false;
              i++;
            }
          } else if (lineBreak) {
            current.append('\n');
            line++;
            i += breakLength;
          } else {
            current.append(c);
            i++;
          }
          continue;
        }
        if (lineBreak) {
          line++;
          i += breakLength;
          break;
        }
        if (c == '"' && current.toString().isBlank()) {
          current.setLength(0);
          quoted = true;
          content = true;
        } else if (c == separator) {
          fields.add(current.toString());
          current.setLength(0);
          content = true;
        } else {
          current.append(c);
          content |= !Character.isWhitespace(c);
        }
        i++;
      }
      if (quoted) {
        records.add(new Record(start, List.of(), "引號未閉合 / unterminated quote"));
        break;
      }
      fields.add(current.toString());
      if (content) {
        records.add(new Record(start, fields, null));
      }
    }
    return records;
  }
}

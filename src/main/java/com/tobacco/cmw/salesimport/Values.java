package com.tobacco.cmw.salesimport;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the values of one row and collects what is wrong with them, each reason in Chinese and
 * English. A method returns null when the value is missing or bad (the reason is added).
 */
final class Values {

  /** yyyy-MM-dd; also yyyy/M/d and yyyy-M-d as Excel in a Chinese locale writes dates to CSV. */
  private static final Pattern DATE = Pattern.compile("(\\d{4})([-/])(\\d{1,2})\\2(\\d{1,2})");
  /** A plain decimal, or one with thousands separators as Excel may export amounts. */
  private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+|\\d{1,3}(,\\d{3})+)(\\.\\d+)?");

  private final List<String> cells;
  private final Header header;
  final List<String> reasons;

  Values(List<String> cells, Header header, List<String> reasons) {
    this.cells = cells;
    this.header = header;
    this.reasons = reasons;
  }

  /** The stripped text; "" when blank (then a required column gets its reason). */
  String text(Column c) {
    String v = header.value(cells, c);
    if (v.isEmpty()) {
      if (c.required()) {
        reasons.add("「" + c.zh() + "」不能為空 / " + c.en() + " is required");
      }
      return "";
    }
    if (v.length() > c.maxLength()) {
      reasons.add("「" + c.zh() + "」超過 " + c.maxLength() + " 個字符 / " + c.en() + " is longer than " + c.maxLength() + " characters");
      return "";
    }
    return v;
  }

  /** Blank optional text as null. */
  String optionalText(Column c) {
    String v = text(c);
    return v.isEmpty() ? null : v;
  }

  LocalDate date(Column c) {
    String v = text(c);
    if (v.isEmpty()) {
      return null;
    }
    Matcher m = DATE.matcher(v);
    if (m.matches()) {
      try {
        return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
      } catch (DateTimeException e) {
        // falls through to the reason
      }
    }
    reasons.add("「" + c.zh() + "」的值「" + v + "」不是有效日期,應為 yyyy-MM-dd / " + c.en() + " '" + v + "' is not a date yyyy-MM-dd");
    return null;
  }

  /** A decimal with at most {@code scale} places. */
  BigDecimal number(Column c, int scale) {
    String v = text(c);
    if (v.isEmpty()) {
      return null;
    }
    if (!NUMBER.matcher(v).matches()) {
      reasons.add("「" + c.zh() + "」的值「" + v + "」不是有效數字 / " + c.en() + " '" + v + "' is not a number");
      return null;
    }
    BigDecimal n = new BigDecimal(v.replace(",", ""));
    if (n.stripTrailingZeros().scale() > scale) {
      reasons.add("「" + c.zh() + "」的值「" + v + "」最多 " + scale + " 位小數 / " + c.en() + " '" + v + "' has more than " + scale + " decimals");
      return null;
    }
    return n;
  }

  /** A number that must be greater than 0. */
  BigDecimal positive(Column c, int scale) {
    BigDecimal n = number(c, scale);
    if (n != null && n.signum() <= 0) {
      reasons.add("「" + c.zh() + "」必須大於 0,實為 " + n.toPlainString() + " / " + c.en() + " must be greater than 0, is " + n.toPlainString());
      return null;
    }
    return n;
  }

  /** A number that must not be negative. */
  BigDecimal notNegative(Column c, int scale) {
    BigDecimal n = number(c, scale);
    if (n != null && n.signum() < 0) {
      reasons.add("「" + c.zh() + "」不能為負數,實為 " + n.toPlainString() + " / " + c.en() + " must not be negative, is " + n.toPlainString());
      return null;
    }
    return n;
  }

  /** A whole number in [min, max]. */
  Integer integer(Column c, int min, int max) {
    String v = text(c);
    if (v.isEmpty()) {
      return null;
    }
    if (v.matches("\\d{1,9}")) {
      int n = Integer.parseInt(v);
      if (n >= min && n <= max) {
        return n;
      }
    }
    reasons.add("「" + c.zh() + "」的值「" + v + "」應為 " + min + " 到 " + max + " 的整數 / " + c.en() + " '" + v
        + "' must be a whole number from " + min + " to " + max);
    return null;
  }
}

package com.tobacco.cmw.salesreport.documents;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;

/**
 * How the report writes its figures, the same in the PDF and the charts (the Excel workbook keeps
 * numbers as numbers with the matching cell formats):
 * <ul>
 *   <li>cartons (條), cases (箱), amounts (元) and 單箱均價: two decimals, thousands separators
 *       ({@code 12,345.50}); the sales lines carry cartons with two decimals;</li>
 *   <li>percentages: one decimal ({@code 12.5%}); changes (環比, 同比, a customer's change)
 *       with a sign ({@code +12.5%}, {@code -3.0%});</li>
 *   <li>a missing value (a percentage whose base is zero, a figure not computed): {@value #NONE};
 *       an empty list or text: {@value #NOTHING}.</li>
 * </ul>
 * Rounding is half up.
 */
public final class ReportFormat {

  /** A value that does not exist, e.g. a change against a base of zero. */
  public static final String NONE = "—";
  /** An empty list or section. */
  public static final String NOTHING = "無";

  private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ROOT);

  private ReportFormat() {}

  public static String quantity(BigDecimal value) {
    return value == null ? NONE : decimal("#,##0.00").format(value.setScale(2, RoundingMode.HALF_UP));
  }

  public static String amount(BigDecimal value) {
    return quantity(value);
  }

  public static String percent(BigDecimal value) {
    return value == null ? NONE : decimal("0.0").format(value.setScale(1, RoundingMode.HALF_UP)) + "%";
  }

  public static String change(BigDecimal value) {
    if (value == null) {
      return NONE;
    }
    BigDecimal rounded = value.setScale(1, RoundingMode.HALF_UP);
    return (rounded.signum() > 0 ? "+" : "") + decimal("0.0").format(rounded) + "%";
  }

  public static String signedQuantity(BigDecimal value) {
    if (value == null) {
      return NONE;
    }
    BigDecimal rounded = value.setScale(2, RoundingMode.HALF_UP);
    return (rounded.signum() > 0 ? "+" : "") + quantity(rounded);
  }

  public static String month(YearMonth month) {
    return month == null ? NONE : month.getYear() + "年" + month.getMonthValue() + "月";
  }

  public static String date(LocalDate date) {
    return date == null ? NONE : date.toString();
  }

  public static String text(String text) {
    return text == null || text.isBlank() ? NOTHING : text.strip();
  }

  public static String value(String text) {
    return text == null || text.isBlank() ? NONE : text.strip();
  }

  private static DecimalFormat decimal(String pattern) {
    // DecimalFormat is not thread-safe: a new one per call
    DecimalFormat format = new DecimalFormat(pattern, SYMBOLS);
    format.setRoundingMode(RoundingMode.HALF_UP);
    return format;
  }
}

package com.tobacco.cmw.salesreport.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportFormatTest {

  @ParameterizedTest(name = "{0}({1}) = {2}")
  @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
      quantity       | 0             | 0.00
      quantity       | 12345.5       | 12,345.50
      quantity       | 1234567.894   | 1,234,567.89
      quantity       | 1234567.895   | 1,234,567.90
      quantity       | -40           | -40.00
      quantity       | 49.382        | 49.38
      quantity       | NULL          | —
      amount         | 1234567.89    | 1,234,567.89
      amount         | NULL          | —
      percent        | 24.3          | 24.3%
      percent        | 4.65          | 4.7%
      percent        | 0             | 0.0%
      percent        | NULL          | —
      change         | 4.6207        | +4.6%
      change         | -3            | -3.0%
      change         | -0.04         | 0.0%
      change         | 0             | 0.0%
      change         | 150           | +150.0%
      change         | NULL          | —
      signedQuantity | 41            | +41.00
      signedQuantity | -41.5         | -41.50
      signedQuantity | 0             | 0.00
      signedQuantity | NULL          | —
      """)
  void numbers(String kind, BigDecimal value, String expected) {
    Function<BigDecimal, String> format = switch (kind) {
      case "quantity" -> ReportFormat::quantity;
      case "amount" -> ReportFormat::amount;
      case "percent" -> ReportFormat::percent;
      case "change" -> ReportFormat::change;
      case "signedQuantity" -> ReportFormat::signedQuantity;
      default -> throw new IllegalArgumentException(kind);
    };
    assertThat(format.apply(value)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "text({0}) = {1}")
  @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
      NULL         | 無
      ''           | 無
      '   '        | 無
      ' 有內容 '    | 有內容
      """)
  void texts(String text, String expected) {
    assertThat(ReportFormat.text(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "value({0}) = {1}")
  @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
      NULL   | —
      ''     | —
      東區    | 東區
      """)
  void values(String text, String expected) {
    assertThat(ReportFormat.value(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "month({0}) = {1}")
  @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
      2026-10 | 2026年10月
      2027-01 | 2027年1月
      NULL    | —
      """)
  void months(YearMonth month, String expected) {
    assertThat(ReportFormat.month(month)).isEqualTo(expected);
  }
}

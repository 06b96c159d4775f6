package com.tobacco.cmw.salesimport;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.cmw.support.SpringTestBase;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each rule of a sales line, one row per case: the row (below the header, so it is row 2), and
 * the exact reason it is rejected with, or the values it is accepted as. Nothing of a rejected
 * file is written. B001's wholesale price is 380.00 a carton (demo catalogue).
 */
class SalesRowRulesTest extends SpringTestBase {

  static final String HEADER = "客戶編碼,訂單日期,品牌編碼,數量(條),金額(元),訂單號,行號";
  static final String TOMORROW = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();

  @Autowired ImportService imports;
  @Autowired JdbcTemplate jdbc;
  @TempDir Path dir;

  @AfterEach
  void removeImportedData() {
    ImportCleanup.removeImportedData(jdbc);
  }

  static Stream<Arguments> rejected() {
    return Stream.of(
        Arguments.of(",2025-02-03,B001,1,380,,", "「客戶編碼」不能為空 / customer code is required"),
        Arguments.of("C10001,,B001,1,380,,", "「訂單日期」不能為空 / order date is required"),
        Arguments.of("C10001,2025-02-03,,1,380,,", "「品牌編碼」不能為空 / brand code is required"),
        Arguments.of("C10001,2025-02-03,B001,,380,,", "「數量(條)」不能為空 / quantity (cartons) is required"),
        Arguments.of("C10001,2025-02-03,B001,1,,,", "「金額(元)」不能為空 / amount (yuan) is required"),
        Arguments.of("C100010000000000000001,2025-02-03,B001,1,380,,",
            "「客戶編碼」超過 20 個字符 / customer code is longer than 20 characters"),
        Arguments.of("C10001,2025-02-30,B001,1,380,,",
            "「訂單日期」的值「2025-02-30」不是有效日期,應為 yyyy-MM-dd / order date '2025-02-30' is not a date yyyy-MM-dd"),
        Arguments.of("C10001,03/02/2025,B001,1,380,,",
            "「訂單日期」的值「03/02/2025」不是有效日期,應為 yyyy-MM-dd / order date '03/02/2025' is not a date yyyy-MM-dd"),
        Arguments.of("C10001,2025-02/03,B001,1,380,,",
            "「訂單日期」的值「2025-02/03」不是有效日期,應為 yyyy-MM-dd / order date '2025-02/03' is not a date yyyy-MM-dd"),
        Arguments.of("C10001," + TOMORROW + ",B001,1,380,,",
            "「訂單日期」" + TOMORROW + " 晚於今天 / order date " + TOMORROW + " is in the future"),
        Arguments.of("C10001,2025-02-03,B001,abc,380,,", "「數量(條)」的值「abc」不是有效數字 / quantity (cartons) 'abc' is not a number"),
        Arguments.of("C10001,2025-02-03,B001,1.234,380,,",
            "「數量(條)」的值「1.234」最多 2 位小數 / quantity (cartons) '1.234' has more than 2 decimals"),
        Arguments.of("C10001,2025-02-03,B001,-3,380,,", "「數量(條)」必須大於 0,實為 -3 / quantity (cartons) must be greater than 0, is -3"),
        Arguments.of("C10001,2025-02-03,B001,0,380,,", "「數量(條)」必須大於 0,實為 0 / quantity (cartons) must be greater than 0, is 0"),
        Arguments.of("C10001,2025-02-03,B001,1,-380,,", "「金額(元)」不能為負數,實為 -380 / amount (yuan) must not be negative, is -380"),
        Arguments.of("C10001,2025-02-03,B001,2,100,,", "「金額(元)」100 與 數量 × 批發價 = 760.00 相差超過 20% / "
            + "amount 100 differs from quantity × wholesale price 760.00 by more than 20%"),
        Arguments.of("C10001,2025-02-03,B001,2,1000,,", "「金額(元)」1000 與 數量 × 批發價 = 760.00 相差超過 20% / "
            + "amount 1000 differs from quantity × wholesale price 760.00 by more than 20%"),
        Arguments.of("C99999,2025-02-03,B001,1,380,,", "客戶編碼「C99999」不存在 / unknown customer C99999"),
        Arguments.of("C10001,2025-02-03,X001,1,380,,", "品牌編碼「X001」不存在 / unknown brand X001"),
        Arguments.of("C10001,2025-02-03,B001,1,380,SO-1,", "填寫了「訂單號」時「行號」不能為空 / line number is required with an order number"),
        Arguments.of("C99999,2025-02-31,B001,-1,380,,", "「訂單日期」的值「2025-02-31」不是有效日期,應為 yyyy-MM-dd / order date '2025-02-31' "
            + "is not a date yyyy-MM-dd; 「數量(條)」必須大於 0,實為 -1 / quantity (cartons) must be greater than 0, is -1; "
            + "客戶編碼「C99999」不存在 / unknown customer C99999"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejected")
  void aBadRowIsRejectedWithItsReasonAndNothingIsWritten(String row, String reason) throws IOException {
    long before = jdbc.queryForObject("SELECT COUNT(*) FROM cm_sales_line", Long.class);
    ImportReport report = run("C10001,2025-02-04,B001,1,380,,\r\n" + row);
    assertThat(report.status()).isEqualTo(ImportReport.Status.REJECTED);
    assertThat(report.rejects()).containsExactly(new ImportReport.Reject(3, reason));
    assertThat(report.imported()).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cm_sales_line", Long.class)).isEqualTo(before);
  }

  static Stream<Arguments> accepted() {
    return Stream.of(
        Arguments.of("C10012,2025-02-05,B001,2,760.00,,", "2025-02-05", "2", "760.00", "day:C10012:2025-02-05:B001"),
        Arguments.of("C10012,2025/2/6,B001,2,760,,", "2025-02-06", "2", "760.00", "day:C10012:2025-02-06:B001"),
        Arguments.of("C10012,2025-2-7,B001,1.5,570,,", "2025-02-07", "1.5", "570.00", "day:C10012:2025-02-07:B001"),
        Arguments.of("C10012,2025-02-10,B001,4,\"1,520.00\",,", "2025-02-10", "4", "1520.00", "day:C10012:2025-02-10:B001"),
        // 20 % either side of 760.00 is accepted (a price change or a discount)
        Arguments.of("C10012,2025-02-11,B001,2,608,,", "2025-02-11", "2", "608.00", "day:C10012:2025-02-11:B001"),
        Arguments.of("C10012,2025-02-12,B001,2,912,,", "2025-02-12", "2", "912.00", "day:C10012:2025-02-12:B001"),
        Arguments.of(" C10012 ,2025-02-13, B001 ,1,380,SO-77,2", "2025-02-13", "1", "380.00", "order:SO-77:2"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void aGoodRowIsImportedAsItsValues(String row, String day, String cartons, String amount, String key) throws IOException {
    ImportReport report = run(row);
    assertThat(report.status()).as(report.rejects().toString()).isEqualTo(ImportReport.Status.IMPORTED);
    var line = jdbc.queryForMap("SELECT order_date, quantity_cartons, amount, source_key FROM cm_sales_line WHERE source_key = ?", key);
    assertThat(line.get("order_date").toString()).isEqualTo(day);
    assertThat((BigDecimal) line.get("quantity_cartons")).isEqualByComparingTo(cartons);
    assertThat((BigDecimal) line.get("amount")).isEqualByComparingTo(amount);
  }

  private ImportReport run(String rows) throws IOException {
    Path file = dir.resolve("rules.csv");
    Files.writeString(file, HEADER + "\r\n" + rows + "\r\n", StandardCharsets.UTF_8);
    return imports.importFile(ImportKind.SALES, file, "rules.csv", false, "test");
  }
}

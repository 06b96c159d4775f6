package com.tobacco.cmw.salesimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpStatus;

/** File type, encoding and header rules, without the application. */
class FileChecksTest {

  @TempDir Path dir;

  Path file(String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }

  static final String TEXT = "客戶編碼,訂單日期\r\nC10001,2025-01-06\r\n";

  static final String ROWS = "1:客戶編碼|訂單日期\n2:C10001|2025-01-06\n";

  static Stream<Arguments> encodings() {
    byte[] gbk = TEXT.getBytes(Charset.forName("GBK"));
    byte[] utf8 = TEXT.getBytes(StandardCharsets.UTF_8);
    byte[] bom = new byte[utf8.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(utf8, 0, bom, 3, utf8.length);
    return Stream.of(
        Arguments.of("GBK", gbk, "GBK/GB18030", ROWS),
        Arguments.of("GB18030 beyond GBK (𠀀)", (TEXT + "𠀀\r\n").getBytes(Charset.forName("GB18030")), "GBK/GB18030", ROWS + "3:𠀀\n"),
        Arguments.of("UTF-8", utf8, "UTF-8", ROWS),
        Arguments.of("UTF-8 with BOM", bom, "UTF-8 BOM", ROWS),
        Arguments.of("ASCII", "code,date\r\nC1,2025-01-01\r\n".getBytes(StandardCharsets.US_ASCII), "UTF-8", "1:code|date\n2:C1|2025-01-01\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("encodings")
  void theEncodingIsDetectedAndTheTextReadBack(String label, byte[] content, String expected, String rows) throws IOException {
    Path f = file("x.csv", content);
    TextEncoding encoding = TextEncoding.detect(f);
    assertThat(encoding.label()).isEqualTo(expected);
    StringBuilder read = new StringBuilder();
    new CsvRows(encoding).read(f, (row, cells) -> read.append(row).append(':').append(String.join("|", cells)).append('\n'));
    assertThat(read.toString()).isEqualTo(rows);
  }

  @Test
  void gbkBytesAreNotValidUtf8() {
    // the premise of the detection: Chinese text in GBK is malformed as UTF-8
    byte[] gbk = "客戶".getBytes(Charset.forName("GBK"));
    assertThat(new String(gbk, StandardCharsets.UTF_8)).isNotEqualTo("客戶");
    assertThat(new String(gbk, Charset.forName("GB18030"))).isEqualTo("客戶");
  }

  static Stream<Arguments> types() {
    byte[] zip = {0x50, 0x4B, 0x03, 0x04, 1, 2};
    byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 1, 2};
    byte[] text = "a,b\r\n".getBytes(StandardCharsets.US_ASCII);
    byte[] utf16 = "a,b\r\n".getBytes(StandardCharsets.UTF_16LE);
    return Stream.of(
        Arguments.of("sales.csv", text, "CSV"),
        Arguments.of("SALES.CSV", text, "CSV"),
        Arguments.of("sales.xlsx", zip, "XLSX"),
        Arguments.of("sales.xlsx", text, "文件「sales.xlsx」的擴展名是 .xlsx,但內容不是 Excel 工作簿 / sales.xlsx is not an Excel .xlsx workbook"),
        Arguments.of("sales.csv", zip, "文件「sales.csv」的擴展名是 .csv,但內容不是文本 / sales.csv is not a CSV text file"),
        Arguments.of("sales.csv", ole2, "文件「sales.csv」的擴展名是 .csv,但內容不是文本 / sales.csv is not a CSV text file"),
        Arguments.of("sales.csv", utf16, "文件「sales.csv」的擴展名是 .csv,但內容不是文本 / sales.csv is not a CSV text file"),
        Arguments.of("sales.xls", ole2, "不支持舊版 Excel 97-2003(.xls)文件,請另存為 .xlsx 或 CSV / .xls files are not supported, save as .xlsx or CSV"),
        Arguments.of("sales.txt", text, "不支持的文件類型「sales.txt」:請上傳 CSV(.csv)或 Excel(.xlsx)文件 / unsupported file type, upload a .csv or .xlsx file"),
        Arguments.of("sales", text, "不支持的文件類型「sales」:請上傳 CSV(.csv)或 Excel(.xlsx)文件 / unsupported file type, upload a .csv or .xlsx file"));
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("types")
  void theFormatIsDecidedByNameAndContent(String name, byte[] content, String expected) throws IOException {
    Path f = file("upload.bin", content);
    if (expected.equals("CSV") || expected.equals("XLSX")) {
      assertThat(FileFormat.detect(name, f)).isEqualTo(FileFormat.valueOf(expected));
    } else {
      assertThatThrownBy(() -> FileFormat.detect(name, f)).isInstanceOf(ImportRefused.class).hasMessage(expected)
          .extracting(e -> ((ImportRefused) e).status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }
  }

  @Test
  void headersMayBeTraditionalSimplifiedOrEnglishInAnyOrder() {
    List<Column> columns = SalesImport.COLUMNS;
    for (List<String> cells : List.of(
        List.of("\uFEFF客戶編碼", "訂單日期", "品牌編碼", "數量(條)", "金額(元)"),
        List.of("金额(元)", "数量(条)", "品牌编码", "订单日期", "客户编码"),
        List.of("Amount", "quantity_cartons", "Brand Code", "order_date", "customer code"))) {
      Header h = Header.of(cells, columns);
      assertThat(h.has(SalesImport.CUSTOMER)).as(cells.toString()).isTrue();
      assertThat(h.has(SalesImport.AMOUNT)).as(cells.toString()).isTrue();
      assertThat(h.has(SalesImport.ORDER_NO)).isFalse();
    }
  }

  @Test
  void excelRowNumbersCountTheBlankRowsAndQuotedLineBreaksDoNot() throws IOException {
    Path f = file("q.csv", "a,b\r\n\r\n\"x\r\ny\",z\r\nc,d\r\n".getBytes(StandardCharsets.UTF_8));
    StringBuilder rows = new StringBuilder();
    new CsvRows(TextEncoding.UTF8).read(f, (row, cells) -> rows.append(row).append(' '));
    assertThat(rows.toString()).isEqualTo("1 2 3 4 ");
  }

  @Test
  void unbalancedQuotesRefuseTheFile() throws IOException {
    Path f = file("bad.csv", "a,b\r\n\"x,y\r\n".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> new CsvRows(TextEncoding.UTF8).read(f, (row, cells) -> { }))
        .isInstanceOf(ImportRefused.class).hasMessageStartingWith("CSV 格式錯誤");
  }
}

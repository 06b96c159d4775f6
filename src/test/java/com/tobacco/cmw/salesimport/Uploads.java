package com.tobacco.cmw.salesimport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Files and multipart uploads for the import tests. */
final class Uploads {

  static final Charset GBK = Charset.forName("GBK");
  static final String SALES_HEADER = "客戶編碼,訂單日期,品牌編碼,數量(條),金額(元)";

  private Uploads() {}

  /** CSV text: the lines joined with CRLF, as Excel writes them. */
  static String csv(String... lines) {
    return String.join("\r\n", lines) + "\r\n";
  }

  static byte[] bytes(String text, Charset charset) {
    return text.getBytes(charset);
  }

  static byte[] utf8WithBom(String text) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[body.length + 3];
    all[0] = (byte) 0xEF;
    all[1] = (byte) 0xBB;
    all[2] = (byte) 0xBF;
    System.arraycopy(body, 0, all, 3, body.length);
    return all;
  }

  /**
   * A workbook with one sheet: the header as text, then rows whose LocalDate values become date
   * cells (format yyyy/m/d), numbers numeric cells (amounts with thousands separators), the rest text.
   */
  static byte[] xlsx(List<String> header, List<List<Object>> rows) {
    try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = wb.createSheet("銷售");
      CellStyle dateStyle = wb.createCellStyle();
      dateStyle.setDataFormat(wb.createDataFormat().getFormat("yyyy/m/d"));
      CellStyle moneyStyle = wb.createCellStyle();
      moneyStyle.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
      Row h = sheet.createRow(0);
      for (int i = 0; i < header.size(); i++) {
        h.createCell(i).setCellValue(header.get(i));
      }
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r + 1);
        List<Object> values = rows.get(r);
        for (int i = 0; i < values.size(); i++) {
          Object v = values.get(i);
          Cell cell = row.createCell(i);
          if (v instanceof LocalDate d) {
            cell.setCellValue(d);
            cell.setCellStyle(dateStyle);
          } else if (v instanceof Number n) {
            cell.setCellValue(n.doubleValue());
            if (v instanceof Double) {
              cell.setCellStyle(moneyStyle);
            }
          } else if (v != null) {
            cell.setCellValue(v.toString());
          }
        }
      }
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A multipart/form-data POST with the file in field {@code file}. */
  static HttpRequest.Builder upload(int port, String path, String fileName, String contentType, byte[] content) {
    String boundary = "----cmwTestBoundary7MA4YWxkTrZu0gW";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
        + "Content-Type: " + contentType + "\r\n\r\n");
    body.writeBytes(content);
    write(body, "\r\n--" + boundary + "--\r\n");
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }
}

package com.tobacco.cmw.salesimport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.http.HttpStatus;

/**
 * CSV or Excel workbook, decided by the file name's extension and confirmed by the first bytes
 * (an .xlsx file is a ZIP archive, a CSV file is text). The declared content type is not used:
 * browsers send different types for the same CSV file.
 */
public enum FileFormat {
  CSV, XLSX;

  static final int SNIFF_BYTES = 4096;
  private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
  private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

  /** The format of a non-empty file, or {@link ImportRefused} with 415. */
  public static FileFormat detect(String fileName, Path file) {
    byte[] head = head(file);
    String name = fileName == null ? "" : fileName.strip();
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".xlsx")) {
      if (!startsWith(head, ZIP)) {
        throw unsupported("文件「" + name + "」的擴展名是 .xlsx,但內容不是 Excel 工作簿 / " + name + " is not an Excel .xlsx workbook");
      }
      return XLSX;
    }
    if (lower.endsWith(".xls")) {
      throw unsupported("不支持舊版 Excel 97-2003(.xls)文件,請另存為 .xlsx 或 CSV / .xls files are not supported, save as .xlsx or CSV");
    }
    if (lower.endsWith(".csv")) {
      if (startsWith(head, ZIP) || startsWith(head, OLE2) || hasNul(head)) {
        throw unsupported("文件「" + name + "」的擴展名是 .csv,但內容不是文本 / " + name + " is not a CSV text file");
      }
      return CSV;
    }
    throw unsupported("不支持的文件類型「" + name + "」:請上傳 CSV(.csv)或 Excel(.xlsx)文件 / unsupported file type, upload a .csv or .xlsx file");
  }

  private static ImportRefused unsupported(String message) {
    return new ImportRefused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, message);
  }

  private static byte[] head(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(SNIFF_BYTES);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }

  /** UTF-16 text (Excel's "Unicode text") and binary files have NUL bytes; CSV in UTF-8 or GBK never. */
  private static boolean hasNul(byte[] bytes) {
    for (byte b : bytes) {
      if (b == 0) {
        return true;
      }
    }
    return false;
  }
}

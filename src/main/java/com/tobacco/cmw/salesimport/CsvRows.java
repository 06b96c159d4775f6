package com.tobacco.cmw.salesimport;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV rows (comma-separated, RFC 4180 quoting) in the given encoding. Empty lines count as rows,
 * so the row number is the line number for files without line breaks inside quoted values, and
 * the row Excel shows in any case.
 */
final class CsvRows implements RowReader {

  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();

  private final TextEncoding encoding;

  CsvRows(TextEncoding encoding) {
    this.encoding = encoding;
  }

  @Override
  public void read(Path file, RowHandler handler) {
    try (Reader reader = encoding.open(file); CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
      var records = parser.iterator();
      while (true) {
        CSVRecord record;
        try {
          if (!records.hasNext()) {
            break;
          }
          record = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          throw ImportRefused.badRequest("CSV 格式錯誤(第 " + parser.getCurrentLineNumber() + " 行附近,多半是引號未配對)/ malformed CSV near line "
              + parser.getCurrentLineNumber() + " (unbalanced quotes?)");
        }
        List<String> cells = new ArrayList<>(record.size());
        record.forEach(cells::add);
        handler.row(record.getRecordNumber(), cells);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

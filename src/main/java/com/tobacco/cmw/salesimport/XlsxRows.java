package com.tobacco.cmw.salesimport;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidOperationException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.util.XMLHelper;
import org.springframework.http.HttpStatus;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an .xlsx workbook, streamed with POI's SAX reader (the sheet is never
 * loaded as a whole). Date cells are given as yyyy-MM-dd and numbers as plain decimals whatever
 * their display format, so "1,234.50" or "3.3E+11" shown in Excel read as the numbers they are.
 */
final class XlsxRows implements RowReader {

  @Override
  public void read(Path file, RowHandler handler) {
    try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(pkg);
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
      StylesTable styles = reader.getStylesTable();
      Iterator<InputStream> sheets = reader.getSheetsData();
      if (!sheets.hasNext()) {
        return;
      }
      try (InputStream sheet = sheets.next()) {
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new Rows(handler), new PlainValues(), false));
        xml.parse(new InputSource(sheet));
      }
    } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | POIXMLException
             | InvalidOperationException | NotOfficeXmlFileException e) {
      throw new ImportRefused(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "無法讀取 Excel 文件,文件可能已損壞或加密 / cannot read the Excel workbook (damaged or encrypted?)");
    }
  }

  /** Collects the cells of a row by column; gaps are empty cells. */
  private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
    private final RowHandler handler;
    private List<String> cells = new ArrayList<>();

    Rows(RowHandler handler) {
      this.handler = handler;
    }

    @Override
    public void startRow(int rowNum) {
      cells = new ArrayList<>();
    }

    @Override
    public void endRow(int rowNum) {
      handler.row(rowNum + 1L, cells);
    }

    @Override
    public void cell(String cellReference, String formattedValue, XSSFComment comment) {
      int column = new CellReference(cellReference).getCol();
      while (cells.size() < column) {
        cells.add("");
      }
      cells.add(formattedValue == null ? "" : formattedValue);
    }
  }

  /** Dates as ISO dates, other numbers as plain decimals, ignoring display formats. */
  private static final class PlainValues extends DataFormatter {
    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString) {
      return formatRawCellContents(value, formatIndex, formatString, false);
    }

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
      if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
        return DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate().toString();
      }
      return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
  }
}

package com.tobacco.cmw.complaint;

import com.tobacco.cmw.complaint.ComplaintRegister.Row;
import com.tobacco.cmw.complaint.ComplaintStatistics.Line;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * The register 《客戶投訴案件登記追蹤表》 and the statistics 《客戶投訴案件統計表》 as Excel
 * workbooks (Apache POI), with the Chinese column headings of the paper tables: a title row, a
 * row saying what was selected and when, the heading row (frozen), one row per case or group,
 * and for the statistics a totals row and the chart on a second sheet.
 */
@Component
public class ComplaintWorkbook {

  public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  public static final String REGISTER_TITLE = "客戶投訴案件登記追蹤表";
  public static final String STATISTICS_TITLE = "客戶投訴案件統計表";
  /** The first data row (0-based): title, selection, headings come before it. */
  public static final int FIRST_DATA_ROW = 3;

  static final List<String> REGISTER_HEADINGS = List.of(
      "案件編號", "投訴日期", "登記人", "客戶編碼", "客戶名稱", "區域", "客戶經理", "品牌", "數量", "單位", "問題描述",
      "現場查看日期", "查看人", "原因", "反饋單簽字日期", "填單人", "客戶簽字人",
      "審核日期", "審核人", "審核意見", "批准調換數量",
      "調換日期", "調換人", "調換數量", "客戶確認",
      "反饋客戶日期", "反饋人", "結案日期",
      "當前環節", "環節期限", "結案期限", "是否逾期", "處理結果", "處理時長(工作日)", "按時結案", "督辦次數");

  static final List<String> STATISTICS_HEADINGS = List.of(
      "月份", "區域", "投訴原因", "品牌", "投訴件數", "已結案", "按時結案", "未結案", "調換數量(條)",
      "平均處理時長(工作日)", "90%分位處理時長(工作日)", "按時結案率(%)");

  private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final String FONT_NAME = "Microsoft YaHei";

  private final ResolutionTime resolution;

  public ComplaintWorkbook(ResolutionTime resolution) {
    this.resolution = resolution;
  }

  public byte[] register(List<Row> rows, String selection) {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Styles s = new Styles(wb);
      XSSFSheet sheet = wb.createSheet(REGISTER_TITLE);
      head(sheet, s, REGISTER_TITLE, selection, REGISTER_HEADINGS);
      int r = FIRST_DATA_ROW;
      ZoneId zone = resolution.zone();
      for (Row c : rows) {
        XSSFRow row = sheet.createRow(r++);
        Cells cells = new Cells(row, s, zone);
        cells.text(c.caseNo()).time(c.reportedAt()).text(c.reportedBy()).text(c.customerCode()).text(c.storeName())
            .text(c.regionName() != null ? c.regionName() : c.regionCode())
            .text(c.managerName() != null ? c.managerName() : c.managerId())
            .text(c.brandName() != null ? c.brandName() : c.brandCode())
            .number(c.quantity()).text("PACK".equals(c.quantityUnit()) ? "包" : "條").text(c.defectDescription())
            .time(c.inspectedAt()).text(c.inspectedBy()).text(c.causeName()).time(c.formSignedAt()).text(c.formBy())
            .text(c.signerName()).time(c.reviewedAt()).text(c.reviewedBy()).text(decision(c.reviewDecision()))
            .number(c.approvedQuantity()).time(c.replacedAt()).text(c.replacedBy()).number(c.replacedQuantity())
            .text(c.customerConfirmation()).time(c.fedBackAt()).text(c.fedBackBy()).time(c.closedAt())
            .text(c.currentStepName()).time(c.stepDueAt()).time(c.caseDueAt()).text(c.overdue() ? "逾期" : "否")
            .text(result(c.result())).number(c.resolutionDays())
            .text(c.closedOnTime() == null ? null : c.closedOnTime() ? "是" : "否").number(c.escalations());
      }
      widths(sheet, REGISTER_HEADINGS.size(), 14);
      sheet.setColumnWidth(0, 16 * 256);
      sheet.setColumnWidth(4, 20 * 256);
      sheet.setColumnWidth(10, 30 * 256);
      return bytes(wb);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public byte[] statistics(ComplaintStatistics.Table table, String selection, byte[] chartPng) {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Styles s = new Styles(wb);
      XSSFSheet sheet = wb.createSheet(STATISTICS_TITLE);
      head(sheet, s, STATISTICS_TITLE, selection, STATISTICS_HEADINGS);
      int r = FIRST_DATA_ROW;
      for (Line line : table.lines()) {
        statisticsRow(sheet.createRow(r++), s, line, false);
      }
      statisticsRow(sheet.createRow(r), s, table.total(), true);
      widths(sheet, STATISTICS_HEADINGS.size(), 14);
      sheet.setColumnWidth(3, 18 * 256);
      sheet.setColumnWidth(10, 22 * 256);

      XSSFSheet charts = wb.createSheet("圖表");
      int picture = wb.addPicture(chartPng, Workbook.PICTURE_TYPE_PNG);
      XSSFDrawing drawing = charts.createDrawingPatriarch();
      XSSFClientAnchor anchor = new XSSFClientAnchor(0, 0, 0, 0, 0, 0, 16, 25);
      drawing.createPicture(anchor, picture);
      return bytes(wb);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void statisticsRow(XSSFRow row, Styles s, Line l, boolean total) {
    Cells cells = new Cells(row, s, resolution.zone());
    if (total) {
      cells.text("合計").text(null).text(null).text(null);
    } else {
      cells.text(l.month().toString()).text(l.regionName() != null ? l.regionName() : l.regionCode())
          .text(l.causeName()).text(l.brandName() != null ? l.brandName() : l.brandCode());
    }
    cells.number(l.reported()).number(l.closed()).number(l.closedOnTime()).number(l.open())
        .decimal(l.replacedCartons()).decimal(l.averageResolutionDays()).number(l.p90ResolutionDays())
        .decimal(l.onTimePercent());
    if (total) {
      for (Cell cell : row) {
        cell.setCellStyle(s.total);
      }
    }
  }

  private static void head(XSSFSheet sheet, Styles s, String title, String selection, List<String> headings) {
    Cell t = sheet.createRow(0).createCell(0);
    t.setCellValue(title);
    t.setCellStyle(s.title);
    sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, Math.min(headings.size() - 1, 11)));
    Cell sel = sheet.createRow(1).createCell(0);
    sel.setCellValue(selection);
    sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, Math.min(headings.size() - 1, 11)));
    XSSFRow header = sheet.createRow(2);
    for (int i = 0; i < headings.size(); i++) {
      Cell c = header.createCell(i);
      c.setCellValue(headings.get(i));
      c.setCellStyle(s.header);
    }
    sheet.createFreezePane(1, FIRST_DATA_ROW);
  }

  private static void widths(XSSFSheet sheet, int columns, int chars) {
    for (int i = 0; i < columns; i++) {
      sheet.setColumnWidth(i, chars * 256);
    }
  }

  private static byte[] bytes(XSSFWorkbook wb) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    wb.write(out);
    return out.toByteArray();
  }

  static String decision(String decision) {
    if (decision == null) {
      return null;
    }
    return switch (decision) {
      case "APPROVED" -> "批准調換";
      case "REJECTED" -> "不予調換";
      case "MORE_INFO" -> "補充資料";
      default -> decision;
    };
  }

  static String result(String result) {
    if (result == null) {
      return null;
    }
    return switch (result) {
      case "REPLACED" -> "已調換";
      case "REJECTED" -> "不予調換";
      default -> result;
    };
  }

  private static final class Styles {
    final CellStyle title;
    final CellStyle header;
    final CellStyle text;
    final CellStyle integer;
    final CellStyle decimal;
    final CellStyle time;
    final CellStyle total;

    Styles(XSSFWorkbook wb) {
      XSSFFont base = wb.createFont();
      base.setFontName(FONT_NAME);
      XSSFFont bold = wb.createFont();
      bold.setFontName(FONT_NAME);
      bold.setBold(true);
      XSSFFont big = wb.createFont();
      big.setFontName(FONT_NAME);
      big.setBold(true);
      big.setFontHeightInPoints((short) 16);
      title = wb.createCellStyle();
      title.setFont(big);
      header = bordered(wb, bold);
      header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      header.setWrapText(true);
      text = bordered(wb, base);
      integer = bordered(wb, base);
      integer.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
      decimal = bordered(wb, base);
      decimal.setDataFormat(wb.createDataFormat().getFormat("#,##0.0"));
      time = bordered(wb, base);
      total = bordered(wb, bold);
      total.setDataFormat(wb.createDataFormat().getFormat("#,##0.0"));
    }

    private static CellStyle bordered(XSSFWorkbook wb, XSSFFont font) {
      CellStyle style = wb.createCellStyle();
      style.setFont(font);
      style.setBorderBottom(BorderStyle.THIN);
      style.setBorderTop(BorderStyle.THIN);
      style.setBorderLeft(BorderStyle.THIN);
      style.setBorderRight(BorderStyle.THIN);
      return style;
    }
  }

  /** Writes the cells of a row from left to right; an absent value leaves an empty bordered cell. */
  private static final class Cells {
    private final XSSFRow row;
    private final Styles s;
    private final ZoneId zone;
    private int column;

    Cells(XSSFRow row, Styles s, ZoneId zone) {
      this.row = row;
      this.s = s;
      this.zone = zone;
    }

    Cells text(String value) {
      Cell c = row.createCell(column++);
      c.setCellStyle(s.text);
      if (value != null) {
        c.setCellValue(value);
      }
      return this;
    }

    Cells time(Instant value) {
      return text(value == null ? null : DAY_TIME.format(value.atZone(zone)));
    }

    Cells number(Integer value) {
      Cell c = row.createCell(column++);
      c.setCellStyle(s.integer);
      if (value != null) {
        c.setCellValue(value);
      }
      return this;
    }

    Cells decimal(BigDecimal value) {
      Cell c = row.createCell(column++);
      c.setCellStyle(s.decimal);
      if (value != null) {
        c.setCellValue(value.doubleValue());
      }
      return this;
    }
  }
}

package com.tobacco.cmw.promotion;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The campaign's documents: the printable 《宣傳促銷品簽收單》 of one customer (HTML for the
 * browser's print) and the campaign summary as an Excel workbook (sheets 匯總, 促銷品, 綜合測評, 簽收單).
 */
@Component
public class PromotionDocuments {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private final ZoneId zone;

  public PromotionDocuments(@Value("${cmw.timezone:Asia/Shanghai}") String zone) {
    this.zone = ZoneId.of(zone);
  }

  public String receipt(PromotionSummary.Summary s, PromotionSummary.Receipt r, String campaignText, String address) {
    StringBuilder h = new StringBuilder(4096);
    h.append("<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"UTF-8\"><title>宣傳促銷品簽收單 ")
        .append(esc(s.campaignNo())).append(' ').append(esc(r.customerCode())).append("</title>\n<style>\n")
        .append("body{font-family:\"Noto Sans CJK SC\",\"WenQuanYi Zen Hei\",\"Microsoft YaHei\",sans-serif;margin:2em;}\n")
        .append("h1{font-size:1.5em;text-align:center;} table{border-collapse:collapse;width:100%;margin-top:1em;}\n")
        .append("th,td{border:1px solid #333;padding:6px 8px;} th{background:#eee;text-align:left;} .meta{text-align:center;}\n")
        .append("@media print{body{margin:0;} .noprint{display:none;}}\n</style></head><body>\n")
        .append("<h1>宣傳促銷品簽收單</h1>\n<p class=\"meta\">").append(esc(campaignText)).append("</p>\n")
        .append("<table><tr><th>客戶代碼</th><td>").append(esc(r.customerCode())).append("</td><th>客戶名稱</th><td>")
        .append(esc(r.storeName())).append("</td></tr>\n<tr><th>地址</th><td colspan=\"3\">").append(esc(address))
        .append("</td></tr>\n<tr><th>客戶經理</th><td>").append(esc(r.managerId())).append("</td><th>狀態</th><td>")
        .append(statusLabel(r.status())).append("</td></tr></table>\n")
        .append("<table><thead><tr><th>序號</th><th>促銷品 / 促銷資料</th><th>數量</th></tr></thead><tbody>\n");
    int n = 1;
    for (Campaigns.HandOutLine l : r.items()) {
      h.append("<tr><td>").append(n++).append("</td><td>").append(esc(l.itemName())).append("</td><td>")
          .append(l.quantity()).append("</td></tr>\n");
    }
    if (r.items().isEmpty()) {
      h.append("<tr><td colspan=\"3\">").append("CANCELLED".equals(r.status()) || "NOT_HANDED_OUT".equals(r.status()) ? "未發放:" + esc(r.cancelReason())
          : "尚未發放").append("</td></tr>\n");
    }
    h.append("</tbody></table>\n<table><tr><th>客戶簽收人</th><td>").append(esc(r.signerName()))
        .append("</td><th>簽收日期</th><td>").append(r.signedOn() == null ? "" : r.signedOn()).append("</td></tr>\n")
        .append("<tr><th>客戶確認</th><td>").append("HANDED_OUT".equals(r.status()) ? "已簽名確認" : "")
        .append("</td><th>發放人 / 登記時間</th><td>").append(esc(r.handedBy())).append(' ')
        .append(r.handedAt() == null || !"HANDED_OUT".equals(r.status()) ? "" : TIME.format(r.handedAt().atZone(zone)))
        .append("</td></tr></table>\n<p style=\"margin-top:2em\">客戶簽名:＿＿＿＿＿＿＿＿　　日期:＿＿＿＿＿＿</p>\n")
        .append("<p class=\"noprint\"><button onclick=\"window.print()\">打印 Print</button></p>\n</body></html>\n");
    return h.toString();
  }

  public byte[] workbook(PromotionSummary.Summary s) {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      CellStyle head = wb.createCellStyle();
      Font bold = wb.createFont();
      bold.setBold(true);
      head.setFont(bold);
      Sheet sum = wb.createSheet("匯總");
      rows(sum, head, List.of("項目", "內容"), List.of(
          List.of("活動編號", s.campaignNo()), List.of("品牌", s.brandCode()),
          List.of("促銷期間", s.periodFrom() + " 至 " + s.periodTo()), List.of("區域", String.join(",", s.regions())),
          List.of("名額", s.slots()), List.of("狀態", s.status()), List.of("結果", s.outcome() == null ? "" : s.outcome()),
          List.of("綜合測評日", s.evaluatedOn().toString()), List.of("符合條件客戶", s.eligible()),
          List.of("推薦", s.recommended()), List.of("報送", s.forwarded()), List.of("確定", s.chosen()),
          List.of("已發放簽收", s.handedOut()), List.of("已取消", s.cancelled()), List.of("待發放", s.pending())));
      rows(wb.createSheet("促銷品"), head, List.of("促銷品", "庫存", "每戶標準", "已發放", "剩餘"),
          s.items().stream().map(i -> List.<Object>of(i.name(), i.stock(), i.perCustomer(), i.handedOut(), i.left())).toList());
      rows(wb.createSheet("綜合測評"), head, List.of("客戶代碼", "客戶名稱", "區域", "客戶經理", "等級", "名單排名", "綜合得分",
              "銷量分", "增長分", "價格規範分", "配合度分", "滿意度分", "推薦", "推薦理由", "審核", "審核理由", "確定"),
          s.candidates().stream().map(c -> List.<Object>of(c.customerCode(), nz(c.storeName()), c.regionCode(), c.managerId(),
              c.grade(), c.managerRank(), c.score(), c.volumePart(), c.growthPart(), c.compliancePart(), c.cooperationPart(),
              c.satisfactionPart(), c.recommended() ? "是" : "", nz(c.recommendReason()), nz(c.reviewStatus()),
              nz(c.reviewReason()), c.chosen() ? "是" : "")).toList());
      rows(wb.createSheet("簽收單"), head, List.of("客戶代碼", "客戶名稱", "狀態", "促銷品及數量", "簽收人", "簽收日期", "發放人",
              "取消原因"),
          s.receipts().stream().map(r -> List.<Object>of(r.customerCode(), nz(r.storeName()), statusLabel(r.status()),
              String.join(";", r.items().stream().map(l -> l.itemName() + "×" + l.quantity()).toList()),
              nz(r.signerName()), r.signedOn() == null ? "" : r.signedOn().toString(), nz(r.handedBy()),
              nz(r.cancelReason()))).toList());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void rows(Sheet sheet, CellStyle head, List<String> headings, List<List<Object>> data) {
    Row h = sheet.createRow(0);
    for (int i = 0; i < headings.size(); i++) {
      h.createCell(i).setCellValue(headings.get(i));
      h.getCell(i).setCellStyle(head);
      sheet.setColumnWidth(i, 16 * 256);
    }
    int r = 1;
    for (List<Object> values : data) {
      Row row = sheet.createRow(r++);
      for (int i = 0; i < values.size(); i++) {
        Object v = values.get(i);
        if (v instanceof Number n) {
          row.createCell(i).setCellValue(n.doubleValue());
        } else {
          row.createCell(i).setCellValue(v == null ? "" : v.toString());
        }
      }
    }
  }

  static String statusLabel(String status) {
    return switch (status) {
      case "PENDING" -> "待發放";
      case "HANDED_OUT" -> "已發放簽收";
      case "CANCELLED" -> "已取消";
      case "NOT_HANDED_OUT" -> "未能發放";
      default -> status;
    };
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static String esc(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}

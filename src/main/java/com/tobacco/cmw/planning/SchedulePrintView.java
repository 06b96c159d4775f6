package com.tobacco.cmw.planning;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The printable 《客戶訪問日程表》: an HTML page with one table per day, for the browser's print. */
@Component
public class SchedulePrintView {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private final ZoneId zone;

  public SchedulePrintView(@Value("${cmw.timezone:Asia/Shanghai}") String zone) {
    this.zone = ZoneId.of(zone);
  }

  public String render(VisitScheduleRepository.Schedule s, List<VisitScheduleRepository.Item> items) {
    StringBuilder h = new StringBuilder(8192);
    h.append("<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"UTF-8\"><title>客戶訪問日程表 ")
        .append(esc(s.weekLabel())).append(' ').append(esc(name(s))).append("</title>\n<style>\n")
        .append("body{font-family:\"Noto Sans CJK SC\",\"WenQuanYi Zen Hei\",\"Microsoft YaHei\",sans-serif;margin:2em;}\n")
        .append("h1{font-size:1.5em;text-align:center;} h2{font-size:1.1em;margin-top:1.2em;}\n")
        .append("table{border-collapse:collapse;width:100%;} th,td{border:1px solid #333;padding:4px 6px;font-size:0.9em;}\n")
        .append("th{background:#eee;} .meta{text-align:center;} .sign{margin-top:2em;}\n")
        .append("@media print{body{margin:0;} h2{page-break-after:avoid;} table{page-break-inside:auto;} tr{page-break-inside:avoid;}"
            + " .noprint{display:none;}}\n")
        .append("</style></head><body>\n");
    h.append("<h1>客戶訪問日程表</h1>\n<p class=\"meta\">").append(esc(s.weekLabel())).append("(")
        .append(s.weekStart()).append(" – ").append(s.weekStart().plusDays(6)).append(")　客戶經理:")
        .append(esc(name(s))).append("(").append(esc(s.managerId())).append(")　區域:").append(esc(s.regionCode()))
        .append("<br>狀態:").append(statusLabel(s.status()));
    if (s.confirmedAt() != null) {
      h.append("　確認:").append(esc(s.confirmedBy())).append(' ').append(TIME.format(s.confirmedAt().atZone(zone)));
    }
    if (s.regionalNotifiedAt() != null) {
      h.append("　已通知區域市場經理 ").append(TIME.format(s.regionalNotifiedAt().atZone(zone)));
    }
    h.append("</p>\n");

    Map<LocalDate, List<VisitScheduleRepository.Item>> byDay = new LinkedHashMap<>();
    for (VisitScheduleRepository.Item i : items) {
      if (i.visitDate() != null && i.status() != VisitScheduleRepository.ItemStatus.REMOVED
          && i.status() != VisitScheduleRepository.ItemStatus.NOT_SCHEDULED) {
        byDay.computeIfAbsent(i.visitDate(), d -> new java.util.ArrayList<>()).add(i);
      }
    }
    for (Map.Entry<LocalDate, List<VisitScheduleRepository.Item>> day : byDay.entrySet()) {
      h.append("<h2>").append(WeeklyPlanner.dayLabel(day.getKey())).append("　").append(day.getValue().size())
          .append(" 戶</h2>\n<table><thead><tr><th>序號</th><th>客戶代碼</th><th>客戶名稱</th><th>等級</th><th>上次訪問</th>"
              + "<th>來源</th><th>狀態</th><th>客戶簽名</th></tr></thead><tbody>\n");
      int n = 1;
      for (VisitScheduleRepository.Item i : day.getValue()) {
        h.append("<tr><td>").append(n++).append("</td><td>").append(esc(i.customerCode())).append("</td><td>")
            .append(esc(i.customerName())).append("</td><td>").append(i.grade()).append("</td><td>")
            .append(i.lastVisitDate() == null ? "從未訪問" : i.lastVisitDate()).append("</td><td>")
            .append(originLabel(i.origin())).append("</td><td>").append(itemLabel(i)).append("</td><td></td></tr>\n");
      }
      h.append("</tbody></table>\n");
    }
    section(h, "未排入(超過每日上限)", items.stream()
        .filter(i -> i.status() == VisitScheduleRepository.ItemStatus.NOT_SCHEDULED).toList(), false);
    section(h, "已刪除", items.stream()
        .filter(i -> i.status() == VisitScheduleRepository.ItemStatus.REMOVED).toList(), true);
    h.append("<p class=\"sign\">客戶經理簽名:＿＿＿＿＿＿　　區域市場經理:＿＿＿＿＿＿</p>\n")
        .append("<p class=\"noprint\"><button onclick=\"window.print()\">打印 Print</button></p>\n</body></html>\n");
    return h.toString();
  }

  private static void section(StringBuilder h, String title, List<VisitScheduleRepository.Item> items, boolean reason) {
    if (items.isEmpty()) {
      return;
    }
    h.append("<h2>").append(title).append("　").append(items.size()).append(" 戶</h2>\n<table><thead><tr><th>客戶代碼</th>"
        + "<th>客戶名稱</th><th>等級</th><th>上次訪問</th><th>").append(reason ? "刪除原因" : "說明").append("</th></tr></thead><tbody>\n");
    for (VisitScheduleRepository.Item i : items) {
      h.append("<tr><td>").append(esc(i.customerCode())).append("</td><td>").append(esc(i.customerName())).append("</td><td>")
          .append(i.grade()).append("</td><td>").append(i.lastVisitDate() == null ? "從未訪問" : i.lastVisitDate())
          .append("</td><td>").append(esc(reason ? i.removalReason() : i.note())).append("</td></tr>\n");
    }
    h.append("</tbody></table>\n");
  }

  private static String name(VisitScheduleRepository.Schedule s) {
    return s.managerName() == null ? s.managerId() : s.managerName();
  }

  static String statusLabel(VisitScheduleRepository.Status status) {
    return switch (status) {
      case DRAFT -> "草稿";
      case CONFIRMED -> "已確認";
      case AUTO_CONFIRMED -> "未按時確認,按草稿自動確認";
    };
  }

  private static String originLabel(VisitScheduleRepository.Origin origin) {
    return switch (origin) {
      case DRAFTED -> "系統排定";
      case ADDED -> "經理增加";
      case MOVED -> "經理改期";
    };
  }

  private static String itemLabel(VisitScheduleRepository.Item i) {
    return switch (i.status()) {
      case PLANNED -> "計劃";
      case STARTED -> "已發起訪問";
      case SKIPPED -> "未發起:" + esc(i.note());
      case NOT_SCHEDULED -> "未排入";
      case REMOVED -> "已刪除";
    };
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
  }
}

package com.tobacco.cmw.salesreport;

import com.tobacco.cmw.salesreport.MonthlyReportContent.BrandLine;
import com.tobacco.cmw.salesreport.MonthlyReportContent.Forecast;
import com.tobacco.cmw.salesreport.MonthlyReportContent.Sections;
import com.tobacco.cmw.salesreport.MonthlySalesFigures.PriceViolation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The sections a–d of §4.4.2: drafts written from the figures, and the check of what the
 * manager submits. Where only the manager can write (causes, measures, opinions, judgement),
 * the draft leaves a marker 【請填寫…】 that the check refuses until it is replaced.
 */
public final class SectionDrafts {

  /** Every place the manager must write starts with this marker. */
  public static final String TO_WRITE = "【請填寫";
  static final int MAX_LENGTH = 4000;

  private SectionDrafts() {}

  public static Sections prefill(MonthlyReportContent c, List<PriceViolation> violations, boolean forecastWasStored) {
    return new Sections(overall(c), problems(c, violations), opinions(c),
        forecast(c, forecastWasStored));
  }

  static String overall(MonthlyReportContent c) {
    var t = c.totals();
    StringBuilder s = new StringBuilder();
    s.append(monthName(c)).append(",所服務客戶中 ").append(t.orderingCustomers()).append(" 戶訂貨,銷量 ")
        .append(num(t.cartons())).append(" 條(").append(num(t.cases())).append(" 箱),金額 ").append(num(t.amount()))
        .append(" 元,單箱均價 ").append(t.averagePricePerCase() == null ? "—" : num(t.averagePricePerCase())).append(" 元。");
    s.append("銷量環比").append(change(c.monthOnMonthPercent())).append(",同比").append(change(c.yearOnYearPercent())).append("。");
    String classes = c.byPriceClass().stream().filter(p -> p.sharePercent() != null && p.cartons().signum() > 0)
        .map(p -> classLabel(p.priceClass()) + " " + num(p.sharePercent()) + "%").collect(Collectors.joining("、"));
    if (!classes.isEmpty()) {
      s.append("價類結構:").append(classes).append("。");
    }
    String top = c.byBrand().stream().filter(b -> b.cartons().signum() > 0).limit(3)
        .map(b -> b.brandName() + " " + num(b.cartons()) + " 條").collect(Collectors.joining("、"));
    if (!top.isEmpty()) {
      s.append("主銷品牌:").append(top).append("。");
    }
    return s.toString();
  }

  static String problems(MonthlyReportContent c, List<PriceViolation> violations) {
    StringBuilder s = new StringBuilder();
    if (c.largestDrop().isEmpty()) {
      s.append("本月無銷量較上月下降的客戶。");
    } else {
      s.append("銷量較上月下降最多的客戶:").append(c.largestDrop().stream().limit(5)
          .map(d -> d.storeName() + "(" + d.customerCode() + ")" + num(d.change()) + " 條")
          .collect(Collectors.joining("、"))).append("。");
    }
    if (c.customersWithoutOrders().isEmpty()) {
      s.append("在冊客戶本月均有訂貨。");
    } else {
      s.append("本月未訂貨的在冊客戶 ").append(c.customersWithoutOrders().size()).append(" 戶:")
          .append(c.customersWithoutOrders().stream().limit(10).map(r -> r.storeName() + "(" + r.customerCode() + ")")
              .collect(Collectors.joining("、"))).append(c.customersWithoutOrders().size() > 10 ? " 等" : "").append("。");
    }
    if (violations.isEmpty()) {
      s.append("本月訪問未發現低於最低零售指導價銷售。");
    } else {
      s.append("本月訪問發現低於最低零售指導價銷售 ").append(violations.size()).append(" 次:")
          .append(violations.stream().map(v -> v.storeName() + "(" + v.customerCode() + ")")
              .distinct().collect(Collectors.joining("、"))).append("。");
    }
    s.append("\n").append(TO_WRITE).append("問題產生的原因及對策措施】");
    return s.toString();
  }

  static String opinions(MonthlyReportContent c) {
    StringBuilder s = new StringBuilder();
    if (c.specialVisits().isEmpty()) {
      s.append("本月無特殊訪問記錄。");
    } else {
      s.append("本月特殊訪問 ").append(c.specialVisits().size()).append(" 次:").append(c.specialVisits().stream()
          .map(v -> v.date() + " " + v.storeName() + ":" + v.situation() + (v.handling() == null ? "" : "(處理:" + v.handling() + ")"))
          .collect(Collectors.joining(";"))).append("。");
    }
    if (c.complaints().isEmpty()) {
      s.append("本月無質量投訴。");
    } else {
      s.append("本月質量投訴 ").append(c.complaints().size()).append(" 件:").append(c.complaints().stream()
          .map(k -> k.caseNumber() + " " + k.storeName() + " " + k.summary()).collect(Collectors.joining(";"))).append("。");
    }
    s.append("\n").append(TO_WRITE).append("客戶對商品質量和服務提出的主要意見和建議】");
    return s.toString();
  }

  static String forecast(MonthlyReportContent c, boolean forecastWasStored) {
    Forecast f = c.forecast();
    StringBuilder s = new StringBuilder();
    if (f.cartons() == null) {
      s.append("歷史數據不足 15 個月,系統未能預測 ").append(f.month()).append(" 的銷量。");
    } else {
      s.append("預測 ").append(f.month()).append(" 銷量約 ").append(num(f.cartons())).append(" 條(")
          .append(num(f.cartons().divide(MonthlyReportBuilder.CASE, 2, RoundingMode.HALF_UP))).append(" 箱)");
      if (f.amount() != null) {
        s.append(",金額約 ").append(num(f.amount())).append(" 元");
      }
      s.append("(方法:同期×近三月同比增長)。");
    }
    if (f.mapePercent() != null) {
      s.append("該方法回測近 ").append(f.backTestMonths()).append(" 個月的平均絕對百分比誤差(MAPE)為 ")
          .append(num(f.mapePercent())).append("%。");
    }
    if (f.reportMonthForecastCartons() != null) {
      s.append(forecastWasStored ? "上月報告預測本月 " : "按同一方法回算,本月預測應為 ").append(num(f.reportMonthForecastCartons()))
          .append(" 條,實際 ").append(num(f.reportMonthActualCartons())).append(" 條");
      if (f.reportMonthErrorPercent() != null) {
        s.append(",誤差 ").append(signed(f.reportMonthErrorPercent())).append("%");
      }
      s.append("。");
    }
    s.append("\n").append(TO_WRITE).append("對次月客戶銷售情況的分析與預測】");
    return s.toString();
  }

  /**
   * The problems of submitted sections: missing, too short, longer than allowed, or still holding
   * a 【請填寫…】 marker. Empty when the sections can be submitted.
   */
  public static List<String> problemsOf(Sections s, int minLength) {
    List<String> problems = new ArrayList<>();
    check(problems, s.overallAnalysis(), "a) 整體銷售情況分析", minLength);
    check(problems, s.problemsAndMeasures(), "b) 存在的問題、原因及對策措施", minLength);
    check(problems, s.customerOpinions(), "c) 客戶對商品質量和服務的意見和建議", minLength);
    check(problems, s.forecastAnalysis(), "d) 次月銷售預測分析", minLength);
    return problems;
  }

  private static void check(List<String> problems, String text, String label, int minLength) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      problems.add("請填寫「" + label + "」");
    } else if (t.contains(TO_WRITE)) {
      problems.add("「" + label + "」中仍有待填寫的" + TO_WRITE + "…】,請改寫為您的分析");
    } else if (t.codePointCount(0, t.length()) < minLength) {
      problems.add("「" + label + "」過短,至少 " + minLength + " 字");
    } else if (t.length() > MAX_LENGTH) {
      problems.add("「" + label + "」最多 " + MAX_LENGTH + " 字");
    }
  }

  /** The figures as Markdown for the task forms (read-only). */
  public static String figuresText(MonthlyReportContent c) {
    var t = c.totals();
    StringBuilder s = new StringBuilder();
    s.append("**").append(c.managerName()).append("(").append(c.regionName()).append(")").append(monthName(c))
        .append(" 銷售情況**\n\n");
    s.append("| 項目 | 本月 | 上月 | 去年同月 |\n|---|---|---|---|\n");
    s.append("| 銷量(條) | ").append(num(t.cartons())).append(" | ").append(num(c.previousMonth().cartons())).append(" | ")
        .append(num(c.sameMonthLastYear().cartons())).append(" |\n");
    s.append("| 銷量(箱) | ").append(num(t.cases())).append(" | ").append(num(c.previousMonth().cases())).append(" | ")
        .append(num(c.sameMonthLastYear().cases())).append(" |\n");
    s.append("| 金額(元) | ").append(num(t.amount())).append(" | ").append(num(c.previousMonth().amount())).append(" | ")
        .append(num(c.sameMonthLastYear().amount())).append(" |\n");
    s.append("| 單箱均價(元) | ").append(num(t.averagePricePerCase())).append(" | ")
        .append(num(c.previousMonth().averagePricePerCase())).append(" | ")
        .append(num(c.sameMonthLastYear().averagePricePerCase())).append(" |\n");
    s.append("| 訂貨客戶(戶) | ").append(t.orderingCustomers()).append(" | ").append(c.previousMonth().orderingCustomers())
        .append(" | ").append(c.sameMonthLastYear().orderingCustomers()).append(" |\n\n");
    s.append("環比 ").append(change(c.monthOnMonthPercent())).append(",同比 ").append(change(c.yearOnYearPercent())).append("。\n\n");
    s.append("價類結構:").append(c.byPriceClass().stream().map(p -> classLabel(p.priceClass()) + " " + num(p.cartons()) + " 條"
        + (p.sharePercent() == null ? "" : "(" + num(p.sharePercent()) + "%)")).collect(Collectors.joining(";"))).append("\n\n");
    s.append("主要品牌:").append(c.byBrand().stream().limit(10).map(SectionDrafts::brand).collect(Collectors.joining(";")))
        .append("\n\n");
    s.append("增長最多:").append(c.largestGrowth().stream().map(g -> g.storeName() + " +" + num(g.change()))
        .collect(Collectors.joining("、"))).append("\n\n");
    s.append("下降最多:").append(c.largestDrop().stream().map(g -> g.storeName() + " " + num(g.change()))
        .collect(Collectors.joining("、"))).append("\n\n");
    s.append("未訂貨客戶:").append(c.customersWithoutOrders().size()).append(" 戶;特殊訪問 ").append(c.specialVisits().size())
        .append(" 次;質量投訴 ").append(c.complaints().size()).append(" 件\n\n");
    Forecast f = c.forecast();
    s.append("預測 ").append(f.month()).append(":").append(f.cartons() == null ? "數據不足" : num(f.cartons()) + " 條")
        .append(";回測 MAPE ").append(f.mapePercent() == null ? "—" : num(f.mapePercent()) + "%(" + f.backTestMonths() + " 個月)");
    return s.toString();
  }

  private static String brand(BrandLine b) {
    return b.brandName() + " " + num(b.cartons()) + " 條";
  }

  static String monthName(MonthlyReportContent c) {
    return c.month().getYear() + "年" + c.month().getMonthValue() + "月";
  }

  private static String classLabel(int priceClass) {
    return switch (priceClass) {
      case 1 -> "一類煙";
      case 2 -> "二類煙";
      case 3 -> "三類煙";
      case 4 -> "四類煙";
      default -> "五類煙";
    };
  }

  private static String change(BigDecimal percent) {
    return percent == null ? "無可比數據" : (percent.signum() >= 0 ? "增長 " : "下降 ") + num(percent.abs()) + "%";
  }

  private static String signed(BigDecimal v) {
    return (v.signum() > 0 ? "+" : "") + num(v);
  }

  static String num(BigDecimal v) {
    return v == null ? "—" : v.stripTrailingZeros().toPlainString();
  }
}

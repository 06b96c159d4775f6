package com.tobacco.cmw.salesreport.documents;

import com.tobacco.cmw.salesreport.MonthlyReportContent;
import com.tobacco.cmw.salesreport.MonthlyReportContent.BrandLine;
import com.tobacco.cmw.salesreport.MonthlyReportContent.ComplaintLine;
import com.tobacco.cmw.salesreport.MonthlyReportContent.CustomerChange;
import com.tobacco.cmw.salesreport.MonthlyReportContent.CustomerRef;
import com.tobacco.cmw.salesreport.MonthlyReportContent.Forecast;
import com.tobacco.cmw.salesreport.MonthlyReportContent.MonthPoint;
import com.tobacco.cmw.salesreport.MonthlyReportContent.PriceClassLine;
import com.tobacco.cmw.salesreport.MonthlyReportContent.Sections;
import com.tobacco.cmw.salesreport.MonthlyReportContent.SpecialVisitLine;
import com.tobacco.cmw.salesreport.MonthlyReportContent.Totals;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** Report contents for the document tests: a full month and an empty one. */
final class ReportContents {

  static final YearMonth MONTH = YearMonth.of(2026, 10);
  static final String MANAGER_NAME = "張偉";
  static final BigDecimal CARTONS = new BigDecimal("12345.50");
  static final BigDecimal AMOUNT = new BigDecimal("1234567.89");
  static final String LAST_BRAND = "品牌二十號(細支)";
  static final String SECTION_A_END = "以上為本月整體分析的結束語。";
  static final int BRANDS = 20;

  /** One bundled font for all document tests (loading it takes a moment). */
  static final ReportFont FONT = new ReportFont("");
  static final ReportCharts CHARTS = new ReportCharts(FONT);
  static final MonthlyReportDocuments DOCUMENTS = new MonthlyReportDocuments(FONT, CHARTS);

  private ReportContents() {}

  static MonthlyReportContent full() {
    List<BrandLine> brands = new ArrayList<>();
    for (int i = 1; i <= BRANDS; i++) {
      String name = i == BRANDS ? LAST_BRAND : "品牌" + i + "號";
      brands.add(new BrandLine(String.format("B%03d", i), name, 1 + i % 5, bd(1000 - i * 40),
          bd(100_000 - i * 4_000), new BigDecimal("5.0"), bd(990 - i * 40), i == 3 ? null : bd(900 - i * 30)));
    }
    List<MonthPoint> trend = new ArrayList<>();
    for (int i = 12; i >= 0; i--) {
      YearMonth m = MONTH.minusMonths(i);
      trend.add(new MonthPoint(m, bd(11_000 + (12 - i) * 120), bd(1_100_000 + (12 - i) * 11_000)));
    }
    List<CustomerChange> growth = new ArrayList<>();
    List<CustomerChange> drop = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      growth.add(new CustomerChange("C" + (1000 + i), "東街煙酒店" + i, bd(80 + i), bd(40), bd(40 + i),
          new BigDecimal(100 + i * 2)));
      drop.add(new CustomerChange("C" + (2000 + i), "西門便利店" + i, bd(10), bd(50 + i), bd(-40 - i),
          i == 1 ? null : new BigDecimal(-80 + i)));
    }
    List<CustomerRef> noOrders = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      noOrders.add(new CustomerRef("C" + (3000 + i), "南路小賣部" + i, 1 + i % 5));
    }
    List<SpecialVisitLine> visits = List.of(
        new SpecialVisitLine(LocalDate.of(2026, 10, 8), "C1001", "東街煙酒店1", "門店裝修暫停營業兩週", "調整訪問日程"),
        new SpecialVisitLine(LocalDate.of(2026, 10, 21), "C2002", "西門便利店2", "附近發現無證經營", "已上報區域市場經理"));
    List<ComplaintLine> complaints = List.of(
        new ComplaintLine("QC-2026-0012", LocalDate.of(2026, 10, 15), "C1003", "東街煙酒店3", "品牌3號",
            "條盒破損,煙支受潮", "處理中"));
    Forecast forecast = new Forecast(MONTH.plusMonths(1), new BigDecimal("12600.00"), new BigDecimal("1260000.00"),
        "季節性加趨勢", new BigDecimal("4.3"), 6, new BigDecimal("12100.00"), CARTONS, new BigDecimal("2.0"));
    Sections sections = new Sections(
        "本月所服務客戶整體銷量穩中有升。".repeat(60) + SECTION_A_END,
        "部分客戶庫存偏高,需加強訂貨指導。",
        "客戶反映條盒包裝易破損。",
        "預計次月銷量略有增長。");
    return new MonthlyReportContent("RPT-zhangwei-2026-10", "zhangwei", MANAGER_NAME, "EAST", "東區", MONTH,
        totals(CARTONS, AMOUNT, 142), totals(new BigDecimal("11800.00"), new BigDecimal("1180000.00"), 139),
        totals(new BigDecimal("11500.00"), new BigDecimal("1150000.00"), 135),
        new BigDecimal("4.6207"), new BigDecimal("7.3522"),
        List.of(new PriceClassLine(1, bd(3000), bd(450_000), new BigDecimal("24.3")),
            new PriceClassLine(2, bd(4000), bd(400_000), new BigDecimal("32.4")),
            new PriceClassLine(3, bd(3000), bd(250_000), new BigDecimal("24.3")),
            new PriceClassLine(4, bd(2000), bd(110_000), new BigDecimal("16.2")),
            new PriceClassLine(5, new BigDecimal("345.50"), new BigDecimal("24567.89"), new BigDecimal("2.8"))),
        brands, trend, growth, drop, noOrders, visits, complaints, forecast, sections);
  }

  /** A manager without any sales: zero totals, no lists, no percentages, no forecast, no sections. */
  static MonthlyReportContent empty() {
    Totals zero = totals(BigDecimal.ZERO, BigDecimal.ZERO, 0);
    return new MonthlyReportContent("RPT-lina-2026-10", "lina", "李娜", "WEST", "西區", MONTH, zero, zero, null,
        null, null, List.of(), null, List.of(), null, List.of(), null, List.of(), null, null, null);
  }

  static Totals totals(BigDecimal cartons, BigDecimal amount, int customers) {
    BigDecimal cases = cartons.divide(BigDecimal.valueOf(MonthlyReportContent.CARTONS_PER_CASE), 4, RoundingMode.HALF_UP);
    BigDecimal average = cases.signum() == 0 ? null : amount.divide(cases, 2, RoundingMode.HALF_UP);
    return new Totals(cartons, cases, amount, average, customers);
  }

  private static BigDecimal bd(long value) {
    return BigDecimal.valueOf(value).setScale(2);
  }
}

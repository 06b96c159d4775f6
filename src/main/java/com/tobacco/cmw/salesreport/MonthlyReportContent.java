package com.tobacco.cmw.salesreport;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Everything a 《客戶月度銷售情況分析報告》 shows (§4.4.2): the figures the system computes from
 * the sales lines and records, and the sections a–d the customer manager writes. The same
 * content feeds the task form, the archive and the PDF / Excel documents.
 *
 * <p>Volumes are in cartons (條); cases (箱) are cartons / 250. Percent values are plain
 * percentages (12.5 means 12.5 %) and null where the base is zero.
 */
public record MonthlyReportContent(
    String reportKey,
    String managerId,
    String managerName,
    String regionCode,
    String regionName,
    YearMonth month,
    Totals totals,
    Totals previousMonth,
    Totals sameMonthLastYear,
    BigDecimal monthOnMonthPercent,
    BigDecimal yearOnYearPercent,
    List<PriceClassLine> byPriceClass,
    List<BrandLine> byBrand,
    List<MonthPoint> trend,
    List<CustomerChange> largestGrowth,
    List<CustomerChange> largestDrop,
    List<CustomerRef> customersWithoutOrders,
    List<SpecialVisitLine> specialVisits,
    List<ComplaintLine> complaints,
    Forecast forecast,
    Sections sections) {

  public static final int CARTONS_PER_CASE = 250;

  /** Volume, amount and 單箱均價 (amount per case) of a period; customers = customers who ordered. */
  public record Totals(BigDecimal cartons, BigDecimal cases, BigDecimal amount, BigDecimal averagePricePerCase,
                       int orderingCustomers) {}

  /** Share of the month by 價類 (price class 1–5); sharePercent of cartons. */
  public record PriceClassLine(int priceClass, BigDecimal cartons, BigDecimal amount, BigDecimal sharePercent) {}

  /** One brand in the month, with the same brand a month and a year earlier. */
  public record BrandLine(String brandCode, String brandName, int priceClass, BigDecimal cartons, BigDecimal amount,
                          BigDecimal sharePercent, BigDecimal previousMonthCartons, BigDecimal lastYearCartons) {}

  /** One month of the 13-month trend (the report month and the 12 before it). */
  public record MonthPoint(YearMonth month, BigDecimal cartons, BigDecimal amount) {}

  /** A customer's cartons this month against last month; change = cartons − previousCartons. */
  public record CustomerChange(String customerCode, String storeName, BigDecimal cartons, BigDecimal previousCartons,
                               BigDecimal change, BigDecimal changePercent) {}

  /** An active customer with no order in the month. */
  public record CustomerRef(String customerCode, String storeName, int grade) {}

  /** A 特殊訪問記錄 of the month. */
  public record SpecialVisitLine(LocalDate date, String customerCode, String storeName, String situation,
                                 String handling) {}

  /** A quality complaint of the month (filled once complaints are recorded). */
  public record ComplaintLine(String caseNumber, LocalDate date, String customerCode, String storeName,
                              String brandName, String summary, String status) {}

  /**
   * Next month's forecast, the method's back-tested error over the last backTestMonths months
   * (MAPE, percent), and the forecast that was made for the report month against what happened.
   */
  public record Forecast(YearMonth month, BigDecimal cartons, BigDecimal amount, String method,
                         BigDecimal mapePercent, int backTestMonths,
                         BigDecimal reportMonthForecastCartons, BigDecimal reportMonthActualCartons,
                         BigDecimal reportMonthErrorPercent) {}

  /** §4.4.2 a–d as written by the customer manager (pre-filled drafts until then). */
  public record Sections(String overallAnalysis, String problemsAndMeasures, String customerOpinions,
                         String forecastAnalysis) {}
}

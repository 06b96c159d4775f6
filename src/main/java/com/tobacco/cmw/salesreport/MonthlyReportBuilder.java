package com.tobacco.cmw.salesreport;

import com.tobacco.cmw.calendar.WorkCalendar;
import com.tobacco.cmw.customer.CustomerRepository;
import com.tobacco.cmw.salesreport.MonthlyReportContent.BrandLine;
import com.tobacco.cmw.salesreport.MonthlyReportContent.Forecast;
import com.tobacco.cmw.salesreport.MonthlyReportContent.MonthPoint;
import com.tobacco.cmw.salesreport.MonthlyReportContent.PriceClassLine;
import com.tobacco.cmw.salesreport.MonthlyReportContent.Totals;
import com.tobacco.cmw.salesreport.MonthlySalesFigures.ClassTotal;
import com.tobacco.cmw.salesreport.MonthlySalesFigures.MonthTotal;
import com.tobacco.cmw.security.StaffDirectory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Computes the content of one manager's report for one month from the monthly sales summary
 * (which must be current: {@link SalesMonthSummary#ensure}) and the records of the month, with
 * the sections a–d pre-filled ({@link SectionDrafts}). Reads only; nothing is written.
 */
@Service
public class MonthlyReportBuilder {

  static final int TREND_MONTHS = 13;
  static final BigDecimal CASE = BigDecimal.valueOf(MonthlyReportContent.CARTONS_PER_CASE);
  static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final MonthlySalesFigures figures;
  private final MonthlyReportRepository reports;
  private final ComplaintRecords complaints;
  private final StaffDirectory staff;
  private final WorkCalendar calendar;
  private final CustomerRepository customers;
  private final int backTestMonths;
  private final int topCustomers;

  public MonthlyReportBuilder(MonthlySalesFigures figures, MonthlyReportRepository reports, ComplaintRecords complaints,
                              StaffDirectory staff, WorkCalendar calendar, CustomerRepository customers,
                              @Value("${cmw.report.back-test-months:6}") int backTestMonths,
                              @Value("${cmw.report.top-customers:10}") int topCustomers) {
    this.figures = figures;
    this.reports = reports;
    this.complaints = complaints;
    this.staff = staff;
    this.calendar = calendar;
    this.customers = customers;
    this.backTestMonths = backTestMonths;
    this.topCustomers = topCustomers;
  }

  /** The months of history a report of {@code month} reads (trend, back-test, forecast). */
  public YearMonth firstMonthNeeded(YearMonth month) {
    return month.minusMonths(backTestMonths - 1L + SalesForecast.HISTORY_MONTHS);
  }

  public MonthlyReportContent build(String managerId, YearMonth month) {
    StaffDirectory.Staff manager = staff.find(managerId)
        .orElseThrow(() -> new IllegalStateException("customer manager " + managerId + " is not in cm_staff"));
    String regionName = customers.regionName(manager.regionCode());

    Map<YearMonth, MonthTotal> monthly = figures.monthlyTotals(managerId, firstMonthNeeded(month), month);
    Totals totals = totals(monthly.get(month));
    Totals previous = totals(monthly.get(month.minusMonths(1)));
    Totals lastYear = totals(monthly.get(month.minusYears(1)));

    List<PriceClassLine> classes = priceClasses(figures.byPriceClass(managerId, month), totals.cartons());
    List<BrandLine> brands = figures.byBrand(managerId, month).stream()
        .map(b -> new BrandLine(b.brandCode(), b.brandName(), b.priceClass(), b.cartons(), b.amount(),
            share(b.cartons(), totals.cartons()), b.previousMonthCartons(), b.lastYearCartons()))
        .toList();
    List<MonthPoint> trend = new ArrayList<>();
    for (YearMonth m = month.minusMonths(TREND_MONTHS - 1L); !m.isAfter(month); m = m.plusMonths(1)) {
      MonthTotal t = monthly.get(m);
      trend.add(new MonthPoint(m, t == null ? BigDecimal.ZERO : t.cartons(), t == null ? BigDecimal.ZERO : t.amount()));
    }

    MonthlyReportContent content = new MonthlyReportContent(
        MonthlyReportSchedule.reportKey(managerId, month), managerId, manager.name(), manager.regionCode(), regionName,
        month, totals, previous, lastYear,
        percentChange(totals.cartons(), previous.cartons()), percentChange(totals.cartons(), lastYear.cartons()),
        classes, brands, List.copyOf(trend),
        figures.largestChanges(managerId, month, true, topCustomers),
        figures.largestChanges(managerId, month, false, topCustomers),
        figures.withoutOrders(managerId, month),
        figures.specialVisits(managerId, month, calendar.zone()),
        complaints.ofManager(managerId, month),
        forecast(managerId, month, monthly),
        null);
    return withSections(content, SectionDrafts.prefill(content,
        figures.priceViolations(managerId, month, calendar.zone()),
        reports.storedForecast(managerId, month).isPresent()));
  }

  static MonthlyReportContent withSections(MonthlyReportContent c, MonthlyReportContent.Sections sections) {
    return new MonthlyReportContent(c.reportKey(), c.managerId(), c.managerName(), c.regionCode(), c.regionName(),
        c.month(), c.totals(), c.previousMonth(), c.sameMonthLastYear(), c.monthOnMonthPercent(), c.yearOnYearPercent(),
        c.byPriceClass(), c.byBrand(), c.trend(), c.largestGrowth(), c.largestDrop(), c.customersWithoutOrders(),
        c.specialVisits(), c.complaints(), c.forecast(), sections);
  }

  private Forecast forecast(String managerId, YearMonth month, Map<YearMonth, MonthTotal> monthly) {
    Map<YearMonth, BigDecimal> cartons = new TreeMap<>(monthly.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().cartons())));
    Map<YearMonth, BigDecimal> amounts = new TreeMap<>(monthly.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().amount())));
    YearMonth next = month.plusMonths(1);
    SalesForecast.BackTest test = SalesForecast.backTest(cartons, month, backTestMonths);
    BigDecimal actual = monthly.containsKey(month) ? monthly.get(month).cartons() : BigDecimal.ZERO;
    // the forecast stored when last month's report was drafted, else what the method would have said then
    BigDecimal madeBefore = reports.storedForecast(managerId, month)
        .or(() -> SalesForecast.forecast(cartons, month)).orElse(null);
    BigDecimal error = madeBefore == null || actual.signum() == 0 ? null
        : madeBefore.subtract(actual).multiply(HUNDRED).divide(actual, 1, RoundingMode.HALF_UP);
    return new Forecast(next, SalesForecast.forecast(cartons, next).orElse(null),
        SalesForecast.forecast(amounts, next).orElse(null), SalesForecast.METHOD, test.mapePercent(), test.months(),
        madeBefore, actual, error);
  }

  static Totals totals(MonthTotal t) {
    if (t == null) {
      return new Totals(BigDecimal.ZERO, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO, null, 0);
    }
    BigDecimal cases = t.cartons().divide(CASE, 2, RoundingMode.HALF_UP);
    BigDecimal perCase = t.cartons().signum() == 0 ? null
        : t.amount().multiply(CASE).divide(t.cartons(), 2, RoundingMode.HALF_UP);
    return new Totals(t.cartons(), cases, t.amount(), perCase, t.customers());
  }

  /** All five price classes, zero where nothing was sold. */
  static List<PriceClassLine> priceClasses(List<ClassTotal> sold, BigDecimal monthCartons) {
    List<PriceClassLine> lines = new ArrayList<>();
    for (int c = 1; c <= 5; c++) {
      int priceClass = c;
      Optional<ClassTotal> t = sold.stream().filter(s -> s.priceClass() == priceClass).findFirst();
      BigDecimal cartons = t.map(ClassTotal::cartons).orElse(BigDecimal.ZERO);
      lines.add(new PriceClassLine(c, cartons, t.map(ClassTotal::amount).orElse(BigDecimal.ZERO), share(cartons, monthCartons)));
    }
    return List.copyOf(lines);
  }

  /** part / whole in percent, one decimal; null when the whole is zero. */
  static BigDecimal share(BigDecimal part, BigDecimal whole) {
    return whole == null || whole.signum() == 0 ? null : part.multiply(HUNDRED).divide(whole, 1, RoundingMode.HALF_UP);
  }

  /** (now − before) / before in percent, one decimal; null when before is zero. */
  static BigDecimal percentChange(BigDecimal now, BigDecimal before) {
    return before == null || before.signum() == 0 ? null
        : now.subtract(before).multiply(HUNDRED).divide(before, 1, RoundingMode.HALF_UP);
  }
}

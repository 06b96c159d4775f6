package com.tobacco.cmw.salesreport.documents;

import com.tobacco.cmw.salesreport.MonthlyReportContent;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** Headings and labels the PDF and the Excel workbook share, in the words of the seed. */
final class ReportLabels {

  static final String TITLE = "客戶月度銷售情況分析報告";
  static final String TITLE_QUOTED = "《" + TITLE + "》";

  /** §4.4.2 a–d, the sections the customer manager writes. */
  static final List<String> SECTION_HEADINGS = List.of(
      "a) 上月所服務客戶的整體銷售情況分析",
      "b) 上月所服務客戶銷售中存在的問題、產生原因及對策措施",
      "c) 上月所服務客戶對于商品質量和服務提出的主要意見和建議",
      "d) 預測分析次月客戶銷售情況");

  static final String TREND_TITLE = "近13個月銷量趨勢";
  static final String PRICE_CLASS_TITLE = "價類結構(銷量)";
  static final String CARTONS = "銷量(條)";
  static final String CASES = "銷量(箱)";
  static final String AMOUNT = "銷售額(元)";
  static final String AVERAGE_PRICE = "單箱均價(元)";
  static final String ORDERING_CUSTOMERS = "訂貨客戶數";
  static final String MONTH_ON_MONTH = "環比(銷量)";
  static final String YEAR_ON_YEAR = "同比(銷量)";

  private ReportLabels() {}

  static MonthlyReportContent required(MonthlyReportContent content) {
    return Objects.requireNonNull(content, "the monthly report's content is required to make its documents");
  }

  static List<String> sectionTexts(MonthlyReportContent.Sections sections) {
    if (sections == null) {
      return Arrays.asList(null, null, null, null);
    }
    return Arrays.asList(sections.overallAnalysis(), sections.problemsAndMeasures(),
        sections.customerOpinions(), sections.forecastAnalysis());
  }

  static String priceClass(int priceClass) {
    return priceClass + "類";
  }

  static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
  }
}

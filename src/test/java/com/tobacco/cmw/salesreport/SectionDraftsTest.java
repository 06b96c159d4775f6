package com.tobacco.cmw.salesreport;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.cmw.salesreport.MonthlyReportContent.Sections;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The check of the sections a–d the manager submits. */
class SectionDraftsTest {

  private static final String OK = "本月銷量環比下降,主要因為春節後需求回落,已與客戶約定補貨。";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "all written                 | a | ",
      "a empty                     | '' | 請填寫「a) 整體銷售情況分析」",
      "a blank                     | '   ' | 請填寫「a) 整體銷售情況分析」",
      "a too short                 | 銷量下降。 | 「a) 整體銷售情況分析」過短,至少 20 字",
      "a still has the marker      | marker | 「a) 整體銷售情況分析」中仍有待填寫的【請填寫…】",
      "a too long                  | long | 「a) 整體銷售情況分析」最多 4000 字"})
  void refusesEmptyShortUnfinishedAndLongSections(String name, String a, String expected) {
    String overall = switch (a) {
      case "a" -> OK;
      case "marker" -> OK + "\n【請填寫原因】";
      case "long" -> "字".repeat(4001);
      default -> a;
    };
    var problems = SectionDrafts.problemsOf(new Sections(overall, OK, OK, OK), 20);
    if (expected == null) {
      assertThat(problems).isEmpty();
    } else {
      assertThat(problems).singleElement().asString().startsWith(expected);
    }
  }

  @ParameterizedTest(name = "missing {0}")
  @CsvSource({"b, b) 存在的問題、原因及對策措施", "c, c) 客戶對商品質量和服務的意見和建議", "d, d) 次月銷售預測分析"})
  void everySectionIsChecked(String section, String label) {
    Sections s = new Sections(OK, section.equals("b") ? null : OK, section.equals("c") ? null : OK,
        section.equals("d") ? null : OK);
    assertThat(SectionDrafts.problemsOf(s, 20)).containsExactly("請填寫「" + label + "」");
  }
}

package com.tobacco.cmw.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The survey text read line by line: headers in English or Chinese, quotes, every bad row with its number. */
class SurveyCsvTest {

  @Test
  void englishOrChineseHeadersInAnyOrderQuotesAndBlankLines() {
    SurveyCsv.Parsed p = SurveyCsv.parse("\uFEFF市場管理,客戶代碼,貨源供應,服務,意見\n\n7,C10001,8,9,\"送貨及時,態度好\"\r\n5,C10002,6,7,\n");
    assertThat(p.problems()).isEmpty();
    assertThat(p.rows()).containsExactly(new SurveyCsv.Row(3, "C10001", 8, 9, 7, "送貨及時,態度好"),
        new SurveyCsv.Row(4, "C10002", 6, 7, 5, null));
  }

  @Test
  void theHeaderChoosesTheSeparatorSoOtherSeparatorsStayInComments() {
    SurveyCsv.Parsed comma = SurveyCsv.parse("customerCode,supply,service,market,comment\nC10001,8,9,7,送貨及時，態度好\t謝謝\n");
    assertThat(comma.problems()).isEmpty();
    assertThat(comma.rows()).extracting(SurveyCsv.Row::comment).containsExactly("送貨及時，態度好\t謝謝");
    SurveyCsv.Parsed tab = SurveyCsv.parse("customerCode\tsupply\tservice\tmarket\tcomment\nC10001\t8\t9\t7\t好，很好,真的\n");
    assertThat(tab.problems()).isEmpty();
    assertThat(tab.rows()).containsExactly(new SurveyCsv.Row(2, "C10001", 8, 9, 7, "好，很好,真的"));
    SurveyCsv.Parsed chinese = SurveyCsv.parse("客戶代碼，貨源供應，服務，市場管理，意見\nC10001，8，9，7，好,很好\n");
    assertThat(chinese.problems()).isEmpty();
    assertThat(chinese.rows()).containsExactly(new SurveyCsv.Row(2, "C10001", 8, 9, 7, "好,很好"));
  }

  @Test
  void aQuotedCommentMaySpanLinesAndRowsKeepTheLineTheyStartOn() {
    SurveyCsv.Parsed p = SurveyCsv.parse("customerCode,supply,service,market,comment\r\n"
        + "C10001,6,7,5,\"第一行\r\n第二行,有逗號 \"\"引號\"\"\"\r\nC10002,5,5,5,\n\nC10003,11,5,5,\n");
    assertThat(p.rows()).containsExactly(new SurveyCsv.Row(2, "C10001", 6, 7, 5, "第一行\n第二行,有逗號 \"引號\""),
        new SurveyCsv.Row(4, "C10002", 5, 5, 5, null));
    assertThat(p.problems()).extracting(SurveyCsv.Problem::row).containsExactly(6);
  }

  @Test
  void everyBadRowIsListedWithItsNumber() {
    SurveyCsv.Parsed p = SurveyCsv.parse("customerCode,supply,service,market,comment\nC10001,0,9,7,\nC10002,6,7.5,5,\n"
        + "C10003,6,7,11,\nC10001,6,7,5,\n,5,5,5,\nC10004,x,5,5,\nC10005,5,5,5,\"open\n");
    assertThat(p.problems()).extracting(SurveyCsv.Problem::row).containsExactly(2, 3, 4, 6, 7, 8);
    assertThat(p.problems().get(0).text()).contains("第 2 行").contains("貨源供應").contains("1–10");
    assertThat(p.problems().get(1).text()).contains("服務").contains("7.5");
    assertThat(p.problems().get(2).text()).contains("市場管理").contains("11");
    assertThat(p.problems().get(3).text()).contains("缺少客戶代碼");
    assertThat(p.problems().get(5).text()).contains("引號未閉合");
    // row 2 of C10001 was refused, so row 5 is its first good row
    assertThat(p.rows()).extracting(SurveyCsv.Row::row).containsExactly(5);
    SurveyCsv.Parsed dup = SurveyCsv.parse("customerCode,supply,service,market\nC10001,5,5,5\nC10001,6,6,6\n");
    assertThat(dup.problems()).extracting(SurveyCsv.Problem::text)
        .containsExactly("第 3 行 / row 3:客戶 C10001 重複,已在第 2 行 / duplicate customer C10001, already in row 2");
  }

  @Test
  void anEmptyFileAHeaderOnlyOrAMissingHeaderIsRefused() {
    for (String empty : List.of("", "  \n\n", "\uFEFF")) {
      assertThat(SurveyCsv.parse(empty).problems()).singleElement()
          .satisfies(pr -> assertThat(pr.text()).contains("調查結果為空"));
    }
    assertThat(SurveyCsv.parse("customerCode,supply,service,market\n").problems()).singleElement()
        .satisfies(pr -> assertThat(pr.text()).contains("只有標題行"));
    SurveyCsv.Parsed noHeader = SurveyCsv.parse("C10001,8,9,7\nC10002,6,7,5\n");
    assertThat(noHeader.problems()).singleElement().satisfies(pr -> {
      assertThat(pr.row()).isEqualTo(1);
      assertThat(pr.text()).contains("缺少標題行").contains("客戶代碼 customerCode").contains("市場管理 market");
    });
    assertThat(noHeader.rows()).isEmpty();
  }
}

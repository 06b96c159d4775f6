package com.tobacco.cmw.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules of a recommendation (§4.2.1) and the text formats of the forms. */
class PromotionRulesTest {

  static List<Campaigns.Candidate> ranked(String... codes) {
    List<Campaigns.Candidate> list = new ArrayList<>();
    for (int i = 0; i < codes.length; i++) {
      list.add(new Campaigns.Candidate(codes[i], "店" + i, "EAST", "zhangwei", 1, i + 1, BigDecimal.valueOf(90 - i),
          BigDecimal.TEN, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, 0, 0, BigDecimal.ONE, 0, 0, BigDecimal.ONE, null,
          BigDecimal.ONE, false, null, null, null, false));
    }
    return list;
  }

  static final List<Campaigns.Candidate> LIST = ranked("C1", "C2", "C3", "C4", "C5");

  @Test
  void theTopOfTheListUpToTheShareNeedsNoReason() {
    assertThat(RecordRecommendationDelegate.problem(List.of("C1", "C2", "C3"), Map.of(), 3, LIST)).isNull();
    assertThat(RecordRecommendationDelegate.problem(List.of("C2", "C1"), Map.of(), 3, LIST)).isNull();
    assertThat(RecordRecommendationDelegate.problem(List.of(), Map.of(), 3, LIST)).isNull();
  }

  @Test
  void aLowerRankedCustomerOverAHigherRankedOneNeedsAReasonNamingBoth() {
    String problem = RecordRecommendationDelegate.problem(List.of("C1", "C4"), Map.of(), 3, LIST);
    assertThat(problem).contains("C4(第 4 名)").contains("C2(第 2 名)").contains("C3(第 3 名)").contains("理由")
        .doesNotContain("C1(");
    assertThat(RecordRecommendationDelegate.problem(List.of("C1", "C4"), Map.of("C4", "新店開業"), 3, LIST)).isNull();
    assertThat(RecordRecommendationDelegate.problem(List.of("C1", "C4"), Map.of("C2", "理由寫錯客戶"), 3, LIST))
        .contains("C4");
  }

  @Test
  void aHigherRankedCustomerNoLongerActiveIsNotPassedOver() {
    // C1 exited after the evaluation: C2 and C3 are the top of what is left, no reason needed
    assertThat(RecordRecommendationDelegate.problem(List.of("C2", "C3"), Map.of(), 2, LIST, java.util.Set.of("C1")))
        .isNull();
    // an active higher-ranked customer still counts
    assertThat(RecordRecommendationDelegate.problem(List.of("C3", "C4"), Map.of(), 2, LIST, java.util.Set.of("C1")))
        .contains("C2(第 2 名)").doesNotContain("C1(");
  }

  @Test
  void moreThanTheShareOrACustomerNotOnTheListIsRefused() {
    assertThat(RecordRecommendationDelegate.problem(List.of("C1", "C2", "C3", "C4"), Map.of(), 3, LIST))
        .contains("最多推薦 3 戶");
    assertThat(RecordRecommendationDelegate.problem(List.of("C1", "X9"), Map.of(), 3, LIST))
        .contains("不在您的推薦名單上:X9");
  }

  @Test
  void itemsAreReadLineByLineWithEveryProblemListed() {
    List<String> problems = new ArrayList<>();
    assertThat(PromotionInput.items("海報, 100, 2\n打火機,50,5\n", problems))
        .containsExactly(new PromotionInput.ItemSpec("海報", 100, 2), new PromotionInput.ItemSpec("打火機", 50, 5));
    assertThat(problems).isEmpty();
    PromotionInput.items("海報, 0, 2\n打火機, 5, x\n煙灰缸, 3\n海報, 1, 1\n傘, 2, 3", problems);
    assertThat(problems).hasSize(5);
    assertThat(String.join("\n", problems)).contains("庫存應為 1–").contains("不是整數").contains("第 3 行").contains("重複")
        .contains("大於庫存");
    problems.clear();
    PromotionInput.items(" \n ", problems);
    assertThat(problems).containsExactly("至少要有一種促銷品 / at least one promotional item is required");
  }

  @Test
  void itemNamesThatCouldNeverBeHandedOutAreRefusedAtStart() {
    List<String> problems = new ArrayList<>();
    assertThat(PromotionInput.items("海報:大, 10, 1\n杯=2, 10, 1\n傘;藍, 10, 1\n扇:紅, 10, 1\n筆;黑, 10, 1\n打火機, 10, 1",
        problems)).extracting(PromotionInput.ItemSpec::name).containsExactly("打火機");
    assertThat(problems).hasSize(5).allSatisfy(p -> assertThat(p).contains("名稱不能含有"));
    // every accepted name can be handed out by its own quantity line
    problems.clear();
    for (PromotionInput.ItemSpec item : PromotionInput.items("海報(大), 10, 1\n杯-2, 10, 1", new ArrayList<>())) {
      assertThat(PromotionInput.quantities(item.name() + "=" + item.perCustomer(), problems)).containsOnlyKeys(item.name());
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void codesReasonsAndQuantities() {
    assertThat(PromotionInput.codes("c1, C2;C3\nc4", "x", IllegalArgumentException::new)).containsExactly("C1", "C2", "C3", "C4");
    assertThatThrownBy(() -> PromotionInput.codes("C1, c1", "推薦的客戶", IllegalArgumentException::new))
        .hasMessageContaining("C1 重複");
    assertThat(PromotionInput.reasons("c4: 新店開業\nC5:陳列好", "x", IllegalArgumentException::new))
        .containsEntry("C4", "新店開業").containsEntry("C5", "陳列好");
    assertThatThrownBy(() -> PromotionInput.reasons("C4 新店", "推薦理由", IllegalArgumentException::new))
        .hasMessageContaining("客戶代碼: 理由");
    List<String> problems = new ArrayList<>();
    assertThat(PromotionInput.quantities("海報=2; 打火機 = 5", problems)).containsEntry("海報", 2).containsEntry("打火機", 5);
    assertThat(problems).isEmpty();
    PromotionInput.quantities("海報=0; 打火機=-1; 傘", problems);
    assertThat(problems).hasSize(3);
  }
}

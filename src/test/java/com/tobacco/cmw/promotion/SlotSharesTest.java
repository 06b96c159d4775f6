package com.tobacco.cmw.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Slots divided among customer managers by the largest remainder (§4.2.1). */
class SlotSharesTest {

  @ParameterizedTest(name = "{0} slots over {1} → {2}")
  @CsvSource(delimiter = ';', value = {
      "10; a=20,b=10,c=10; a=5,b=3,c=2",
      "5; a=20,b=20; a=3,b=2",
      "7; a=3,b=3,c=3; a=3,b=2,c=2",
      "1; a=5,b=30; a=0,b=1",
      "50; a=20,b=10; a=20,b=10",
      "30; a=20,b=10; a=20,b=10",
      "4; a=1,b=1,c=1,d=1,e=1; a=1,b=1,c=1,d=1,e=0",
      "3; zhangwei=17,lina=15; zhangwei=2,lina=1"})
  void largestRemainder(int slots, String eligible, String expected) {
    Map<String, Integer> shares = SlotShares.divide(slots, parse(eligible));
    assertThat(shares).isEqualTo(parse(expected));
    int total = parse(eligible).values().stream().mapToInt(Integer::intValue).sum();
    assertThat(shares.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(Math.min(slots, total));
    shares.forEach((m, s) -> assertThat(s).isBetween(0, parse(eligible).get(m)));
  }

  static Map<String, Integer> parse(String text) {
    Map<String, Integer> map = new LinkedHashMap<>();
    for (String pair : text.split(",")) {
      String[] kv = pair.strip().split("=");
      map.put(kv[0], Integer.parseInt(kv[1]));
    }
    return map;
  }
}

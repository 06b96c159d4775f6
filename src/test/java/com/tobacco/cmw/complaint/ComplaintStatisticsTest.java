package com.tobacco.cmw.complaint;

import static com.tobacco.cmw.complaint.RegisterFixture.BRAND_1;
import static com.tobacco.cmw.complaint.RegisterFixture.BRAND_2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tobacco.cmw.complaint.ComplaintStatistics.Line;
import com.tobacco.cmw.complaint.ComplaintStatistics.Table;
import com.tobacco.cmw.security.DataScope.Scope;
import com.tobacco.cmw.support.SpringTestBase;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 《客戶投訴案件統計表》 over the fixture of {@link RegisterFixture}, every figure computed by hand
 * there: groups by month of report × region × cause × brand, the totals row from all cases.
 */
class ComplaintStatisticsTest extends SpringTestBase {

  static final Instant NOW = Instant.parse("2026-11-27T00:00:00Z");

  @Autowired JdbcTemplate jdbc;
  @Autowired ComplaintStatistics statistics;
  RegisterFixture fixture;

  @BeforeEach
  void insert() {
    fixture = new RegisterFixture(jdbc);
    fixture.insert();
  }

  @AfterEach
  void delete() {
    fixture.delete();
  }

  @Test
  void brandOneByMonthRegionAndCauseWithTotals() {
    Table t = statistics.compute(Scope.ALL, YearMonth.of(2026, 1), YearMonth.of(2026, 6), null, BRAND_1, null, NOW);
    assertThat(t.lines()).hasSize(3);
    // A1 A2 A3: days 3, 12, 0; on time A1 A3; replaced 20 packs + 3 cartons
    line(t.lines().get(0), "2026-02", "EAST", "MANUFACTURING", "生產質量問題", 3, 3, 2, 0, "5.0", "5.0", 12, "66.7");
    assertThat(t.lines().get(0).regionName()).isEqualTo("東區");
    assertThat(t.lines().get(0).brandName()).isEqualTo("測試品牌甲");
    // C1: 2 days, on time, 15 packs
    line(t.lines().get(1), "2026-02", "WEST", "TRANSPORT", "運輸配送造成", 1, 1, 1, 0, "1.5", "2.0", 2, "100.0");
    // D1–D4: days 4, 7, 10, 1 → avg 5.5, P90 rank 4 of 4 = 10; D3 late; 12 packs + 2 cartons + 5 packs
    line(t.lines().get(2), "2026-04", "EAST", "RETAILER_STORAGE", "零售戶保管不當", 4, 4, 3, 0, "3.7", "5.5", 10, "75.0");
    // all eight: days 0 1 2 3 4 7 10 12 → 39 / 8 = 4.875 → 4.9; P90 rank 8 of 8 = 12; 6 of 8 on time
    Line total = t.total();
    assertThat(total.month()).isNull();
    line(total, null, null, null, null, 8, 8, 6, 0, "10.2", "4.9", 12, "75.0");
  }

  @Test
  void brandTwoHasOnlyOpenCasesAndAnUnknownCause() {
    Table t = statistics.compute(Scope.ALL, YearMonth.of(2026, 1), YearMonth.of(2026, 6), null, BRAND_2, null, NOW);
    assertThat(t.lines()).hasSize(2);
    line(t.lines().get(0), "2026-02", "EAST", "MANUFACTURING", "生產質量問題", 1, 0, 0, 1, "0.0", null, null, null);
    line(t.lines().get(1), "2026-04", "EAST", ComplaintStatistics.UNKNOWN_CAUSE, "未查明", 1, 0, 0, 1, "0.0", null, null, null);
    line(t.total(), null, null, null, null, 2, 0, 0, 2, "0.0", null, null, null);
  }

  @Test
  void monthsRegionCauseAndScopeNarrowTheTable() {
    Table feb = statistics.compute(Scope.ALL, YearMonth.of(2026, 2), YearMonth.of(2026, 2), null, BRAND_1, null, NOW);
    line(feb.total(), null, null, null, null, 4, 4, 3, 0, "6.5", "4.3", 12, "75.0");
    Table west = statistics.compute(Scope.ALL, null, null, "WEST", BRAND_1, null, NOW);
    assertThat(west.lines()).extracting(Line::cause).containsExactly("TRANSPORT");
    Table storage = statistics.compute(Scope.ALL, null, null, null, BRAND_1, ComplaintCause.RETAILER_STORAGE, NOW);
    line(storage.total(), null, null, null, null, 4, 4, 3, 0, "3.7", "5.5", 10, "75.0");
    // lina sees her one case, wangfang (EAST) the seven of zhangwei
    line(statistics.compute(new Scope("lina", null), null, null, null, BRAND_1, null, NOW).total(),
        null, null, null, null, 1, 1, 1, 0, "1.5", "2.0", 2, "100.0");
    Table east = statistics.compute(new Scope(null, "EAST"), null, null, null, BRAND_1, null, NOW);
    assertThat(east.total().reported()).isEqualTo(7);
    // days 3 12 0 4 7 10 1 → 37 / 7 = 5.29 → 5.3; sorted 0 1 3 4 7 10 12, rank ⌈6.3⌉ = 7 → 12
    assertThat(east.total().averageResolutionDays()).isEqualTo(new BigDecimal("5.3"));
    assertThat(east.total().p90ResolutionDays()).isEqualTo(12);
    assertThatThrownBy(() -> statistics.compute(Scope.ALL, YearMonth.of(2026, 5), YearMonth.of(2026, 4), null, null, null, NOW))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("結束月份早於開始月份");
  }

  static void line(Line l, String month, String region, String cause, String causeName, int reported, int closed,
                   int onTime, int open, String replaced, String average, Integer p90, String percent) {
    assertThat(l.month() == null ? null : l.month().toString()).isEqualTo(month);
    assertThat(l.regionCode()).isEqualTo(region);
    assertThat(l.cause()).isEqualTo(cause);
    assertThat(l.causeName()).isEqualTo(causeName);
    assertThat(Arrays.asList(l.reported(), l.closed(), l.closedOnTime(), l.open()))
        .as("reported, closed, on time, open").containsExactly(reported, closed, onTime, open);
    assertThat(l.replacedCartons()).isEqualTo(new BigDecimal(replaced));
    assertThat(l.averageResolutionDays()).isEqualTo(average == null ? null : new BigDecimal(average));
    assertThat(l.p90ResolutionDays()).isEqualTo(p90);
    assertThat(l.onTimePercent()).isEqualTo(percent == null ? null : new BigDecimal(percent));
  }
}

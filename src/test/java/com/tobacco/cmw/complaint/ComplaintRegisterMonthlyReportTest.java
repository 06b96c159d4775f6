package com.tobacco.cmw.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.cmw.salesreport.ComplaintRecords;
import com.tobacco.cmw.salesreport.MonthlyReportContent.ComplaintLine;
import com.tobacco.cmw.support.SpringTestBase;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Section c of the monthly report lists the manager's complaint cases of the month from the register. */
class ComplaintRegisterMonthlyReportTest extends SpringTestBase {

  @Autowired JdbcTemplate jdbc;
  @Autowired ComplaintRecords records;
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
  void theManagersCasesReportedInTheMonthOldestFirst() {
    assertThat(records).isInstanceOf(ComplaintRecordsFromRegister.class);
    List<ComplaintLine> february = records.ofManager("zhangwei", YearMonth.of(2026, 2)).stream()
        .filter(l -> l.caseNumber().startsWith(RegisterFixture.PREFIX)).toList();
    assertThat(february).extracting(ComplaintLine::caseNumber).containsExactly(
        RegisterFixture.no("A3"), RegisterFixture.no("A1"), RegisterFixture.no("A2"), RegisterFixture.no("B1"));
    ComplaintLine a3 = february.get(0);
    assertThat(a3.date()).isEqualTo(LocalDate.of(2026, 2, 2));
    assertThat(a3.customerCode()).isEqualTo(fixture.eastCustomer);
    assertThat(a3.storeName()).isNotBlank();
    assertThat(a3.brandName()).isEqualTo("測試品牌甲");
    assertThat(a3.summary()).contains("煙支受潮發黴").contains("生產質量問題");
    assertThat(a3.status()).isEqualTo("結案(不予調換)");
    assertThat(february.get(3).status()).isEqualTo("區域市場經理審核");
    // lina's case is hers only; March has none reported
    assertThat(records.ofManager("lina", YearMonth.of(2026, 2))).extracting(ComplaintLine::caseNumber)
        .contains(RegisterFixture.no("C1")).doesNotContain(RegisterFixture.no("A1"));
    assertThat(records.ofManager("zhangwei", YearMonth.of(2026, 3))).extracting(ComplaintLine::caseNumber)
        .noneMatch(n -> n.startsWith(RegisterFixture.PREFIX));
  }
}

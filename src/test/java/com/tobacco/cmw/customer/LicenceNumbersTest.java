package com.tobacco.cmw.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 專賣零售許可證號: 6-digit area code + holder type 1|2 + 5-digit serial (SPEC §2). */
class LicenceNumbersTest {

  final LicenceNumbers licences = new LicenceNumbers(LicenceNumbers.DEFAULT_PATTERN);

  @ParameterizedTest(name = "''{0}'' valid: {1}")
  @CsvSource({
      "330102100001, true",   // individual business
      "330102200001, true",   // company
      "330102300001, false",  // holder type 3 does not exist
      "33010210000,  false",  // 11 digits
      "3301021000012, false", // 13 digits
      "33010A100001, false",
      "'',           false",
  })
  void validatesTheStructure(String licence, boolean valid) {
    assertThat(licences.problem(licence).isEmpty()).isEqualTo(valid);
  }

  @Test
  void theMessageExplainsTheFormat() {
    assertThat(licences.problem("12345")).get().asString().contains("6 位行政區劃代碼").contains("holder type 1 or 2");
  }

  @Test
  void readsTheLicenceFromTheCartonCode() {
    assertThat(licences.fromCartonCode("11111111111111111111" + "330102100001")).contains("330102100001");
    assertThat(licences.fromCartonCode("1111111111111111111" + "330102100001")).isEmpty();   // 31 characters
    assertThat(licences.fromCartonCode("11111111111111111111" + "330102900001")).isEmpty();  // bad holder type
  }

  @Test
  void thePatternIsConfigurable() {
    assertThat(new LicenceNumbers("^\\d{12}$").problem("330102900001")).isEmpty();
  }
}

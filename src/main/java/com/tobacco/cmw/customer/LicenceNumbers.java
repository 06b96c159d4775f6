package com.tobacco.cmw.customer;

import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * 專賣零售許可證號 (SPEC §2): 12 digits = 6-digit administrative area code + holder type (1
 * individual business, 2 company or other) + 5-digit serial; also the last 12 characters of the
 * 32-character code printed on every carton. The pattern is configuration
 * ({@code cmw.licence.pattern}) because licence formats change by decree.
 */
@Component
public class LicenceNumbers {

  public static final String DEFAULT_PATTERN = "^\\d{6}[12]\\d{5}$";
  static final int CARTON_CODE_LENGTH = 32;

  private final Pattern pattern;

  public LicenceNumbers(@Value("${cmw.licence.pattern:" + DEFAULT_PATTERN + "}") String pattern) {
    this.pattern = Pattern.compile(pattern);
  }

  /** Null when valid, else a message for the person who typed it. */
  public Optional<String> problem(String licenceNo) {
    if (licenceNo == null || licenceNo.isBlank()) {
      return Optional.of("請填寫專賣零售許可證號 / licence number is required");
    }
    if (!pattern.matcher(licenceNo.strip()).matches()) {
      return Optional.of("許可證號「" + licenceNo + "」格式不正確:應為 6 位行政區劃代碼 + 1 位持證人類型(1 個體、2 企業)+ 5 位序號"
          + " / licence number must be 6-digit area code, holder type 1 or 2, 5-digit serial");
    }
    return Optional.empty();
  }

  /** The licence number inside the 32-character code on a carton, if the code has that shape. */
  public Optional<String> fromCartonCode(String cartonCode) {
    if (cartonCode == null || cartonCode.strip().length() != CARTON_CODE_LENGTH) {
      return Optional.empty();
    }
    String licence = cartonCode.strip().substring(CARTON_CODE_LENGTH - 12);
    return problem(licence).isEmpty() ? Optional.of(licence) : Optional.empty();
  }
}

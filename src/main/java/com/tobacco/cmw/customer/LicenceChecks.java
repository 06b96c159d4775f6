package com.tobacco.cmw.customer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The checks of a licence entered for a region (SPEC §2, §3.3, §3.5), shared by the enrollment
 * and the information change: the number's shape ({@link LicenceNumbers}, configurable pattern),
 * an administrative area code that belongs to the region ({@code cm_region_area}), a validity
 * that has not ended, and no other customer in the network holding it. Every problem is a
 * message for the person who typed it (Chinese / English); an empty list means the licence is
 * acceptable.
 */
@Component
public class LicenceChecks {

  private final LicenceNumbers numbers;
  private final JdbcTemplate jdbc;
  private final CustomerRepository customers;

  public LicenceChecks(LicenceNumbers numbers, JdbcTemplate jdbc, CustomerRepository customers) {
    this.numbers = numbers;
    this.jdbc = jdbc;
    this.customers = customers;
  }

  /** The area codes of a region, sorted; empty when the region has none configured. */
  public Set<String> areaCodes(String regionCode) {
    return new TreeSet<>(jdbc.queryForList("SELECT area_code FROM cm_region_area WHERE region_code = ?", String.class,
        regionCode));
  }

  /**
   * Problems of a licence for a customer of {@code regionCode}, valid until {@code expiry}, as of
   * {@code today}. {@code ownCustomerCode} is the customer whose licence it is (null for a new
   * applicant): holding one's own number is no duplicate.
   */
  public List<String> problems(String licenceNo, String regionCode, LocalDate expiry, LocalDate today,
                               String ownCustomerCode) {
    List<String> problems = new ArrayList<>();
    var shape = numbers.problem(licenceNo);
    if (shape.isPresent()) {
      problems.add(shape.get());
    } else {
      String number = licenceNo.strip();
      if (regionCode != null && !regionCode.isBlank()) {
        Set<String> areas = areaCodes(regionCode);
        if (areas.isEmpty()) {
          problems.add("區域 " + regionCode + " 未配置行政區劃代碼,請聯繫系統管理員 / region " + regionCode
              + " has no area codes configured (cm_region_area)");
        } else if (!areas.contains(number.substring(0, 6))) {
          problems.add("許可證號前 6 位「" + number.substring(0, 6) + "」不是本區域的行政區劃代碼(應為 "
              + String.join("、", areas) + ")/ area code " + number.substring(0, 6) + " does not belong to region "
              + regionCode);
        }
      }
      customers.findByLicence(number)
          .filter(c -> c.status() != CustomerStatus.EXITED)
          .filter(c -> !c.customerCode().equals(ownCustomerCode))
          .ifPresent(c -> problems.add("許可證號 " + number + " 已屬於在網客戶 " + c.customerCode() + "「" + c.storeName()
              + "」/ licence already held by active customer " + c.customerCode()));
    }
    if (expiry == null) {
      problems.add("請填寫許可證有效期至 / licence expiry date is required");
    } else if (expiry.isBefore(today)) {
      problems.add("許可證已於 " + expiry + " 到期,不能辦理 / licence expired on " + expiry);
    }
    return problems;
  }
}

package com.tobacco.cmw.enrollment;

import static com.tobacco.cmw.enrollment.NetworkEnrollmentProcess.Var;

import com.tobacco.cmw.calendar.WorkCalendar;
import com.tobacco.cmw.customer.LicenceChecks;
import com.tobacco.cmw.security.CurrentUser;
import com.tobacco.cmw.security.Roles;
import com.tobacco.cmw.security.StaffDirectory;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The checks of an enrollment application (start and amendment): required fields and lengths,
 * the licence by {@link LicenceChecks} (shape, an area code of the region, not expired, not held
 * by a customer in the network), no other application in progress for the licence, a known
 * region that is the applicant's own, a business type of the list and a telephone number. Every
 * problem is collected, so the person sees all of them at once.
 */
@Component
public class ApplicationChecks {


  /** What was read and what is wrong with it. */
  public record Result(NetworkApplicationRepository.Form form, List<String> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }

    public String message() {
      return String.join(";\n", problems);
    }
  }

  private final LicenceChecks licences;
  private final NetworkApplicationRepository applications;
  private final StaffDirectory staff;
  private final CurrentUser currentUser;
  private final WorkCalendar calendar;
  private final JdbcTemplate jdbc;
  /** {@code cmw.customer.phone-pattern}, the same setting customerInfoChange checks (decision 83). */
  private final Pattern phonePattern;

  public ApplicationChecks(LicenceChecks licences, NetworkApplicationRepository applications, StaffDirectory staff,
                           CurrentUser currentUser, WorkCalendar calendar, JdbcTemplate jdbc,
                           @Value("${cmw.customer.phone-pattern:^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$}") String phonePattern) {
    this.phonePattern = Pattern.compile(phonePattern);
    this.licences = licences;
    this.applications = applications;
    this.staff = staff;
    this.currentUser = currentUser;
    this.calendar = calendar;
    this.jdbc = jdbc;
  }

  /**
   * Reads and checks the application in {@code scope}. {@code ownApplicationNo} is the
   * application being amended (null at the start): its own hold on the licence is no conflict.
   */
  public Result check(VariableScope scope, String ownApplicationNo) {
    List<String> problems = new ArrayList<>();
    String storeName = text(scope, Var.STORE_NAME, "店鋪名稱", 120, true, problems);
    String address = text(scope, Var.ADDRESS, "經營地址", 200, true, problems);
    String licenceNo = text(scope, Var.LICENCE_NO, "許可證號", 40, true, problems);
    LocalDate expiry = date(scope, Var.LICENCE_EXPIRY, "許可證有效期至", problems);
    String holder = text(scope, Var.HOLDER_NAME, "持證人", 60, true, problems);
    String businessType = text(scope, Var.BUSINESS_TYPE, "經營業態", 20, true, problems);
    String region = text(scope, Var.REGION_CODE, "所屬區域", 20, true, problems);
    String contact = text(scope, Var.CONTACT_NAME, "聯繫人", 60, false, problems);
    // spaces are dropped as in customerInfoChange: "139 1234 5678" is stored as 13912345678
    String phone = text(scope, Var.PHONE, "聯繫電話", 30, true, problems);
    phone = phone == null ? null : phone.replace(" ", "");

    if (businessType != null && !NetworkEnrollmentProcess.BUSINESS_TYPES.contains(businessType)) {
      problems.add("經營業態「" + businessType + "」不在可選範圍內(" + String.join("、", NetworkEnrollmentProcess.BUSINESS_TYPES)
          + ")/ unknown business type");
    }
    if (phone != null && !phonePattern.matcher(phone).matches()) {
      problems.add("聯繫電話「" + phone + "」格式不正確(手機 11 位或帶區號的固定電話)/ phone must be a mobile or landline number");
    }
    if (region != null) {
      region = region.toUpperCase(Locale.ROOT);
      checkRegion(region, problems);
    }
    String number = licenceNo == null ? null : licenceNo.replace(" ", "");
    if (number != null || expiry != null) {
      List<String> licenceProblems = licences.problems(number == null ? "" : number, region, expiry, calendar.today(), null);
      // missing fields were reported above already
      licenceProblems.stream()
          .filter(p -> !(number == null && p.startsWith("請填寫專賣零售許可證號"))
              && !(expiry == null && p.startsWith("請填寫許可證有效期至")))
          .forEach(problems::add);
    }
    if (number != null) {
      applications.applicationInProgress(number).filter(no -> !no.equals(ownApplicationNo)).ifPresent(no -> problems.add(
          inProgress(no)));
    }
    String holderType = number != null && number.length() == 12 ? number.substring(6, 7) : null;
    var form = new NetworkApplicationRepository.Form(storeName, address, number, expiry, holder, holderType, businessType,
        region, contact == null ? holder : contact, phone);
    return new Result(form, problems);
  }

  static String inProgress(String applicationNo) {
    return "已有進行中的入網申請 " + applicationNo + " / an application for this licence is in progress (" + applicationNo + ")";
  }

  /** 個體工商戶 or 企業/其他, from the licence's 7th digit. */
  public static String holderTypeText(String holderType) {
    return "1".equals(holderType) ? "1 個體工商戶 individual business" : "2".equals(holderType) ? "2 企業/其他 company or other" : "";
  }

  private void checkRegion(String region, List<String> problems) {
    Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM cm_region WHERE region_code = ?", Integer.class, region);
    if (known == null || known == 0) {
      problems.add("所屬區域「" + region + "」不存在 / unknown region " + region);
      return;
    }
    String userId = currentUser.userId().orElse(null);
    if (userId == null || currentUser.groups().contains(Roles.ADMIN)) {
      return;
    }
    String own = staff.find(userId).map(StaffDirectory.Staff::regionCode).orElse(null);
    if (!region.equals(own)) {
      problems.add("只能為本人所屬區域" + (own == null ? "" : "(" + own + ")") + "申請入網,不能為 " + region
          + " / a customer manager applies only in their own region");
    }
  }

  private static String text(VariableScope scope, String name, String label, int max, boolean required,
                             List<String> problems) {
    Object value = scope.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      if (required) {
        problems.add("請填寫「" + label + "」/ " + name + " is required");
      }
      return null;
    }
    String text = value.toString().strip();
    if (text.length() > max) {
      problems.add("「" + label + "」最多 " + max + " 字 / " + name + " is longer than " + max);
      return null;
    }
    return text;
  }

  private LocalDate date(VariableScope scope, String name, String label, List<String> problems) {
    Object value = scope.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      problems.add("請填寫「" + label + "」/ " + name + " is required");
      return null;
    }
    if (value instanceof LocalDate d) {
      return d;
    }
    if (value instanceof Date d) {
      return d.toInstant().atZone(calendar.zone()).toLocalDate();
    }
    String text = value.toString().strip();
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      problems.add("「" + label + "」不是日期 yyyy-MM-dd:「" + text + "」/ " + name + " is not a date");
      return null;
    }
  }
}

package com.tobacco.cmw.satisfaction;

import static com.tobacco.cmw.satisfaction.SatisfactionImprovementProcess.SCOPE_MANAGER;
import static com.tobacco.cmw.satisfaction.SatisfactionImprovementProcess.SCOPE_REGION;

import com.tobacco.cmw.customer.Customer;
import com.tobacco.cmw.customer.CustomerRepository;
import com.tobacco.cmw.customer.CustomerStatus;
import com.tobacco.cmw.process.EngineClock;
import com.tobacco.cmw.security.AccessDeniedException;
import com.tobacco.cmw.security.Roles;
import com.tobacco.cmw.security.StaffDirectory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Checks an evaluation request before anything is written (§4.8.1): who may request it for which
 * scope, the scope (a customer manager or a region), the survey period, and every row of the
 * survey — scores, unknown customers, customers not in the network, customers outside the scope,
 * duplicates. All problems are collected, each with its row number; one problem refuses the whole
 * request. Used by {@code POST /api/satisfaction-evaluations} (to answer with the list) and again
 * by the process's first step (Tasklist start form, follow-up survey).
 */
@Component
public class SurveyIntake {

  public record Request(String scopeType, String scopeId, LocalDate periodFrom, LocalDate periodTo, String csv) {}

  /** One answered row with its customer. */
  public record Answer(SurveyCsv.Row row, Customer customer) {}

  /** A request that passed every check. */
  public record Checked(String scopeType, String scopeId, String scopeName, String regionCode, LocalDate periodFrom,
                        LocalDate periodTo, List<Answer> answers) {}

  /** The request is refused; every problem with its row number (0 = the request or the whole file). */
  public static class Rejected extends RuntimeException {
    private final List<SurveyCsv.Problem> problems;

    public Rejected(List<SurveyCsv.Problem> problems) {
      super(problems.stream().limit(30).map(SurveyCsv.Problem::text).collect(Collectors.joining(";\n"))
          + (problems.size() > 30 ? ";\n…共 " + problems.size() + " 個問題 / " + problems.size() + " problems" : ""));
      this.problems = List.copyOf(problems);
    }

    public List<SurveyCsv.Problem> problems() {
      return problems;
    }
  }

  private final CustomerRepository customers;
  private final StaffDirectory staff;
  private final SatisfactionRepository surveys;
  private final EngineClock clock;

  public SurveyIntake(CustomerRepository customers, StaffDirectory staff, SatisfactionRepository surveys,
                      EngineClock clock) {
    this.customers = customers;
    this.staff = staff;
    this.surveys = surveys;
    this.clock = clock;
  }

  /**
   * Who may request an evaluation: the customer service center and administrators for any scope,
   * a regional manager for their own region or a customer manager of it; nobody else.
   */
  public void authorize(String userId, List<String> groups, String scopeType, String scopeId) {
    if (groups.contains(Roles.ADMIN) || groups.contains(Roles.CUSTOMER_SERVICE_CENTER)) {
      return;
    }
    if (!groups.contains(Roles.REGIONAL_MANAGERS)) {
      throw new AccessDeniedException("只有客戶服務中心或區域市場經理可以要求滿意度測評 / only the customer service center "
          + "or a regional manager may request a satisfaction evaluation (" + userId + ")");
    }
    String own = staff.find(userId).map(StaffDirectory.Staff::regionCode).orElse(null);
    String region = SCOPE_REGION.equals(scopeType) ? scopeId
        : staff.find(scopeId).map(StaffDirectory.Staff::regionCode).orElse(null);
    // a manager without a region belongs to no regional manager
    if (own == null || region == null || !own.equals(region)) {
      throw new AccessDeniedException("區域市場經理只能要求本區域的滿意度測評 / a regional manager may request evaluations "
          + "of their own region only (" + userId + ", " + scopeType + " " + scopeId + ")");
    }
  }

  public Checked check(Request r) {
    List<SurveyCsv.Problem> problems = new ArrayList<>();
    String scopeType = r.scopeType() == null ? "" : r.scopeType().strip().toUpperCase(Locale.ROOT);
    String scopeId = r.scopeId() == null ? "" : r.scopeId().strip();
    String scopeName = null;
    String regionCode = null;
    if (!scopeType.equals(SCOPE_MANAGER) && !scopeType.equals(SCOPE_REGION)) {
      problems.add(new SurveyCsv.Problem(0, "測評對象類型只能是客戶經理(MANAGER)或區域(REGION):「" + scopeType
          + "」/ scopeType must be MANAGER or REGION"));
    } else if (scopeId.isEmpty()) {
      problems.add(new SurveyCsv.Problem(0, "請填寫測評對象(客戶經理用戶名或區域代碼)/ scopeId is required"));
    } else if (scopeType.equals(SCOPE_MANAGER)) {
      Optional<StaffDirectory.Staff> manager = staff.find(scopeId).filter(s -> Roles.CUSTOMER_MANAGERS.equals(s.role()));
      if (manager.isEmpty()) {
        problems.add(new SurveyCsv.Problem(0, "「" + scopeId + "」不是客戶經理 / " + scopeId + " is not a customer manager"));
      } else if (!manager.get().active()) {
        problems.add(new SurveyCsv.Problem(0, "客戶經理「" + scopeId + "」已停用(離職)/ customer manager " + scopeId
            + " is no longer active"));
      } else {
        scopeName = "客戶經理 " + manager.get().name() + "(" + scopeId + ")";
        regionCode = manager.get().regionCode();
      }
    } else {
      scopeId = scopeId.toUpperCase(Locale.ROOT);
      String name = surveys.regionName(scopeId).orElse(null);
      if (name == null) {
        problems.add(new SurveyCsv.Problem(0, "區域「" + scopeId + "」不存在 / unknown region " + scopeId));
      } else {
        scopeName = "區域 " + name + "(" + scopeId + ")";
        regionCode = scopeId;
      }
    }
    LocalDate from = r.periodFrom();
    LocalDate to = r.periodTo();
    boolean periodChecked = false;
    if (from == null || to == null) {
      problems.add(new SurveyCsv.Problem(0, "請填寫調查期間(起止日期)/ the survey period (periodFrom, periodTo) is required"));
    } else if (from.isAfter(to)) {
      problems.add(new SurveyCsv.Problem(0, "調查期間的開始日 " + from + " 晚於結束日 " + to + " / periodFrom is after periodTo"));
    } else if (to.isAfter(clock.today())) {
      problems.add(new SurveyCsv.Problem(0, "調查期間的結束日 " + to + " 在今天之後:只能登記已完成的調查 / periodTo " + to
          + " is in the future: only finished surveys are loaded"));
    } else {
      periodChecked = true;
    }
    SurveyCsv.Parsed parsed = SurveyCsv.parse(r.csv());
    problems.addAll(parsed.problems());
    List<Answer> answers = new ArrayList<>();
    Map<String, Optional<StaffDirectory.Staff>> managers = new HashMap<>();
    for (SurveyCsv.Row row : parsed.rows()) {
      Optional<Customer> found = customers.find(row.customerCode());
      if (found.isEmpty()) {
        problems.add(new SurveyCsv.Problem(row.row(), "客戶 " + row.customerCode() + " 不存在 / unknown customer "
            + row.customerCode()));
        continue;
      }
      Customer c = found.get();
      if (c.status() == CustomerStatus.EXITED || c.status() == CustomerStatus.APPLIED) {
        problems.add(new SurveyCsv.Problem(row.row(), "客戶 " + c.customerCode() + "(" + c.storeName()
            + ")不是在網客戶 / customer " + c.customerCode() + " is " + c.status()));
        continue;
      }
      if (scopeName != null && scopeType.equals(SCOPE_MANAGER) && !scopeId.equals(c.managerId())) {
        problems.add(new SurveyCsv.Problem(row.row(), "客戶 " + c.customerCode() + "(" + c.storeName() + ")不是 "
            + scopeId + " 負責的客戶 / customer " + c.customerCode() + " is not a customer of " + scopeId));
        continue;
      }
      if (scopeName != null && scopeType.equals(SCOPE_REGION) && !scopeId.equals(c.regionCode())) {
        problems.add(new SurveyCsv.Problem(row.row(), "客戶 " + c.customerCode() + "(" + c.storeName() + ")不在區域 "
            + scopeId + " / customer " + c.customerCode() + " is not in region " + scopeId));
        continue;
      }
      String unfit = managerProblem(c.managerId(), managers);
      if (unfit != null) {
        problems.add(new SurveyCsv.Problem(row.row(), "客戶 " + c.customerCode() + "(" + c.storeName() + ")" + unfit
            + " / customer " + c.customerCode() + ": " + unfit));
        continue;
      }
      answers.add(new Answer(row, c));
    }
    if (scopeName != null && periodChecked) {
      overlap(scopeType, scopeId, answers, from, to).ifPresent(problems::add);
    }
    if (!problems.isEmpty()) {
      problems.sort(java.util.Comparator.comparingInt(SurveyCsv.Problem::row));
      throw new Rejected(problems);
    }
    return new Checked(scopeType, scopeId, scopeName, regionCode, from, to, answers);
  }

  /**
   * A survey whose period overlaps this one and that measures the same scope or one of the same
   * customer managers: a manager survey of zhangwei and an EAST survey with zhangwei's customers for
   * the same months would give zhangwei two indexes and two plans for one period.
   */
  private Optional<SurveyCsv.Problem> overlap(String scopeType, String scopeId, List<Answer> answers, LocalDate from,
                                              LocalDate to) {
    java.util.Set<String> managers = new java.util.TreeSet<>();
    answers.forEach(a -> managers.add(a.customer().managerId()));
    if (scopeType.equals(SCOPE_MANAGER)) {
      managers.add(scopeId);
    }
    return surveys.overlapping(scopeType, scopeId, managers, from, to).map(s -> {
      boolean same = s.scopeType().equals(scopeType) && s.scopeId().equals(scopeId);
      String shared = same ? "" : surveys.indexRows(s.id()).stream()
          .filter(i -> i.scopeType().equals(SCOPE_MANAGER) && managers.contains(i.scopeId()))
          .map(SatisfactionRepository.IndexRow::scopeId).collect(Collectors.joining("、"));
      String what = (SCOPE_REGION.equals(s.scopeType()) ? "區域 " : "客戶經理 ") + s.scopeId();
      return new SurveyCsv.Problem(0, same
          ? "同一對象已有重疊期間的測評 " + s.businessKey() + "(" + s.periodFrom() + " 至 " + s.periodTo() + ")/ "
              + scopeId + " already has survey " + s.businessKey() + " for an overlapping period"
          : "與" + what + " 的測評 " + s.businessKey() + "(" + s.periodFrom() + " 至 " + s.periodTo() + ")期間重疊,"
              + "且同樣測評客戶經理 " + shared + ":同一客戶經理同一期間只能有一次測評 / overlaps survey " + s.businessKey()
              + " of " + s.scopeType() + " " + s.scopeId() + " measuring the same customer manager(s) " + shared);
    });
  }

  /**
   * Why a customer's manager cannot analyse the survey, or null: each answering customer's manager
   * gets an improvement task, so they must be an active customer manager of the staff list — a
   * task for someone who left would hold the whole evaluation. The customer is moved to another
   * manager first (work transfer), then the survey is loaded.
   */
  private String managerProblem(String managerId, Map<String, Optional<StaffDirectory.Staff>> managers) {
    if (managerId == null || managerId.isBlank()) {
      return "沒有負責的客戶經理,請先分配 / has no customer manager; assign one first";
    }
    Optional<StaffDirectory.Staff> manager = managers.computeIfAbsent(managerId, staff::find);
    if (manager.isEmpty()) {
      return "的客戶經理 " + managerId + " 不在員工名冊中,請先移交客戶 / manager " + managerId
          + " is not on the staff list; transfer the customer first";
    }
    if (!manager.get().active()) {
      return "的客戶經理 " + managerId + " 已停用(離職),請先移交客戶 / manager " + managerId
          + " is no longer active; transfer the customer first";
    }
    if (!Roles.CUSTOMER_MANAGERS.equals(manager.get().role())) {
      return "的負責人 " + managerId + " 不是客戶經理,請先移交客戶 / " + managerId
          + " is not a customer manager; transfer the customer first";
    }
    return null;
  }
}

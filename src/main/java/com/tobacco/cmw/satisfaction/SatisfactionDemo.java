package com.tobacco.cmw.satisfaction;

import static com.tobacco.cmw.satisfaction.SatisfactionImprovementProcess.SCOPE_MANAGER;

import com.tobacco.cmw.config.SetupStep;
import com.tobacco.cmw.customer.Customer;
import com.tobacco.cmw.customer.CustomerRepository;
import com.tobacco.cmw.security.Roles;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo: the index history of zhangwei and lina shows something at the first start — two past
 * surveys each (2025 Q2 and Q4), the first with accepted measures and a target the second is
 * compared with. Written as history, without process instances (the cycles are over; the second
 * survey is CLOSED, readable by its manager through the index row of their customers); does
 * nothing when the managers already have surveys (a restart with the same database).
 */
@Component
@Profile("demo")
@Order(40)
public class SatisfactionDemo implements SetupStep {

  static final LocalDate FIRST_FROM = LocalDate.of(2025, 4, 1);
  static final LocalDate FIRST_TO = LocalDate.of(2025, 6, 30);
  static final LocalDate SECOND_FROM = LocalDate.of(2025, 10, 1);
  static final LocalDate SECOND_TO = LocalDate.of(2025, 12, 31);
  private static final Logger log = LoggerFactory.getLogger(SatisfactionDemo.class);
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private final CustomerRepository customers;
  private final SurveyIntake intake;
  private final SurveyLoading loading;
  private final SatisfactionRepository repository;
  private final EvaluationNumbers numbers;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final boolean enabled;

  public SatisfactionDemo(CustomerRepository customers, SurveyIntake intake, SurveyLoading loading,
                          SatisfactionRepository repository, EvaluationNumbers numbers, JdbcTemplate jdbc,
                          TransactionTemplate transactions,
                          @Value("${cmw.satisfaction.demo-surveys:true}") boolean enabled) {
    this.customers = customers;
    this.intake = intake;
    this.loading = loading;
    this.repository = repository;
    this.numbers = numbers;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.enabled = enabled;
  }

  @Override
  public void run() {
    if (enabled) {
      load();
    }
  }

  /** Writes the demo surveys of the managers without any; answers how many surveys were written. */
  public int load() {
    int written = 0;
    // zhangwei's customers answer the follow-up a little better than lina's; each follow-up is compared with the target
    written += transactions.execute(s -> manager("zhangwei", 11, 1, "82.00"));
    written += transactions.execute(s -> manager("lina", 23, 0, "80.00"));
    if (written > 0) {
      log.info("Demo: {} past satisfaction surveys written", written);
    }
    return written;
  }

  private int manager(String managerId, long seed, int better, String target) {
    Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM cm_satisfaction_survey WHERE scope_type = 'MANAGER' "
        + "AND scope_id = ?", Integer.class, managerId);
    List<Customer> active = customers.list(managerId, null, "ACTIVE", 20, 0);
    if (existing != null && existing > 0 || active.isEmpty()) {
      return 0;
    }
    Random random = new Random(seed);
    long first = survey(managerId, FIRST_FROM, FIRST_TO, csv(active, random, 0));
    repository.submitPlan(first, managerId, "部分客戶反映貨源緊張時分配不透明,拜訪時間不固定。",
        List.of("每周固定時間拜訪,提前一天電話告知", "緊俏品牌分配結果當面說明", "每月回訪評分最低的三戶"),
        new java.math.BigDecimal(target), FIRST_TO.plusDays(150), at(FIRST_TO.plusDays(10)));
    repository.reviewPlan(first, managerId, true, "zhoumin", "同意,請按月跟進", at(FIRST_TO.plusDays(12)));
    repository.followUpDue(first, at(FIRST_TO.plusDays(102)));
    long second = survey(managerId, SECOND_FROM, SECOND_TO, csv(active, random, better));
    loading.followUp(second, first);
    // history only: no cycle runs on it (no instance, no plan), so it is closed rather than waiting
    // for an analysis nobody is asked for
    repository.close(second);
    return 2;
  }

  private long survey(String managerId, LocalDate from, LocalDate to, String csv) {
    SurveyIntake.Checked checked = intake.check(new SurveyIntake.Request(SCOPE_MANAGER, managerId, from, to, csv));
    String key = numbers.next(to.getYear()).text();
    SurveyLoading.Loaded loaded = loading.load(checked, key, "demo-" + managerId + "-" + to + ".csv", "UTF-8", "zhoumin",
        Roles.CUSTOMER_SERVICE_CENTER, at(to.plusDays(5)), null);
    if (from.equals(SECOND_FROM)) {
      // a past cycle shown as history: nobody is asked to analyse it
      jdbc.update("DELETE FROM cm_satisfaction_plan WHERE survey_id = ?", loaded.surveyId());
    }
    return loaded.surveyId();
  }

  /** Scores 5–9 around a manager's level; {@code better} raises the follow-up by up to that much. */
  private static String csv(List<Customer> active, Random random, int better) {
    StringBuilder csv = new StringBuilder("customerCode,supply,service,market,comment\n");
    List<String> comments = new ArrayList<>(List.of("送貨及時", "希望緊俏煙多分一些", "拜訪時間不固定", "", "", "服務態度好"));
    for (Customer c : active) {
      int supply = Math.min(10, 5 + random.nextInt(4) + (better > 0 ? random.nextInt(better + 1) : 0));
      int service = Math.min(10, 6 + random.nextInt(4) + (better > 0 ? random.nextInt(better + 1) : 0));
      int market = Math.min(10, 5 + random.nextInt(5));
      csv.append(c.customerCode()).append(',').append(supply).append(',').append(service).append(',').append(market)
          .append(',').append(comments.get(random.nextInt(comments.size()))).append('\n');
    }
    return csv.toString();
  }

  private static Instant at(LocalDate day) {
    return day.atTime(10, 0).atZone(ZONE).toInstant();
  }
}

package com.tobacco.cmw.salesreport;

import static com.tobacco.cmw.salesreport.MonthlySalesReportProcess.Element;
import static com.tobacco.cmw.salesreport.MonthlySalesReportProcess.Var;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.tobacco.cmw.customer.SalesMonthChanges;
import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.salesreport.MonthlyReportContent.Sections;
import com.tobacco.cmw.support.ProcessTestBase;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of {@code monthlySalesReport} (§4.4–§4.5) from start to end on the real application
 * and database: the start timer, drafting with figures checked against hand-computed values,
 * the manager's sections with bad input refused, return with comments and resubmission,
 * approval and the unchanged archive, the escalation of an overdue report; and the forecast
 * stored by one report and compared by the next.
 */
class MonthlySalesReportProcessTest extends ProcessTestBase {

  private static final AtomicInteger SEQ = new AtomicInteger();
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final String GOOD = "本月銷量環比略降,主要因為兩戶客戶裝修停業,已約定下月恢復訂貨並加強走訪。";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired MonthlyReportDrafting drafting;
  @Autowired MonthlyReportRepository reports;
  @Autowired MonthlyReportBuilder builder;
  @Autowired MonthlyReportSchedule schedule;
  @Autowired SalesMonthSummary summary;
  @Autowired JdbcTemplate jdbc;
  @Autowired org.springframework.transaction.PlatformTransactionManager transactions;

  private final List<String> ownCustomers = new java.util.ArrayList<>();
  private String brandA;
  private String brandB;
  private int classA;
  private int classB;

  @BeforeEach
  void setUp() {
    init(engine);
    identityService.clearAuthentication();
    List<Map<String, Object>> brands = jdbc.queryForList("SELECT brand_code, price_class FROM cm_brand ORDER BY price_class, brand_code");
    brandA = (String) brands.get(0).get("BRAND_CODE");
    classA = ((Number) brands.get(0).get("PRICE_CLASS")).intValue();
    Map<String, Object> other = brands.stream().filter(b -> ((Number) b.get("PRICE_CLASS")).intValue() != classA)
        .findFirst().orElseThrow();
    brandB = (String) other.get("BRAND_CODE");
    classB = ((Number) other.get("PRICE_CLASS")).intValue();
  }

  /** The customers of this class leave the shared test database as they came (other tests count customers). */
  @org.junit.jupiter.api.AfterEach
  void removeOwnCustomers() {
    for (String code : ownCustomers) {
      jdbc.update("DELETE FROM cm_special_visit_record WHERE customer_code = ?", code);
      jdbc.update("DELETE FROM cm_visit WHERE customer_code = ?", code);
      jdbc.update("DELETE FROM cm_sales_line WHERE customer_code = ?", code);
      jdbc.update("DELETE FROM cm_sales_month_summary WHERE customer_code = ?", code);
      jdbc.update("DELETE FROM cm_customer WHERE customer_code = ?", code);
    }
    ownCustomers.clear();
  }

  // ---------------------------------------------------------------- paths

  @Test
  void theConfiguredCronReachesTheTimerAndTheTimerStartsEveryManagersReport() {
    // the start timers of the deployed definitions (every engine of the test run deploys on one database)
    List<Job> timers = managementService.createJobQuery().processDefinitionKey(MonthlySalesReportProcess.PROCESS_KEY)
        .timers().list().stream().filter(j -> j.getProcessInstanceId() == null).toList();
    Assertions.assertThat(timers).isNotEmpty();
    Assertions.assertThat(schedule.getCron()).isEqualTo("0 0 1 1 * ?");
    // the next 1st of a month at 01:00 (server time), as the cron says
    ZonedDateTime now = ZonedDateTime.now();
    ZonedDateTime next = now.withDayOfMonth(1).toLocalDate().atTime(1, 0).atZone(now.getZone());
    if (!next.isAfter(now)) {
      next = next.plusMonths(1);
    }
    java.util.Date expected = java.util.Date.from(next.toInstant());
    Assertions.assertThat(timers).allSatisfy(t -> Assertions.assertThat(t.getDuedate()).isEqualTo(expected));
    Job timer = timers.get(0);

    String manager = manager("EAST");
    managementService.executeJob(timer.getId());

    String key = MonthlyReportSchedule.reportKey(manager, schedule.lastMonth());
    ProcessInstance pi = instance(key);
    assertThat(pi).isWaitingAt(Element.DRAFT_REPORT);
    String timerInstance = historyService.createHistoricActivityInstanceQuery()
        .activityId(Element.START_FIRST_OF_MONTH).orderByHistoricActivityInstanceStartTime().desc().list().get(0)
        .getProcessInstanceId();
    Assertions.assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(timerInstance)
            .finished().list()).extracting(a -> a.getActivityId())
        .contains(Element.START_FIRST_OF_MONTH, Element.START_MANAGER_REPORTS, Element.END_REPORTS_STARTED);
    // the cycle goes on: a new timer job, again due on the next 1st at 01:00 after now
    Job again = managementService.createJobQuery().processDefinitionId(timer.getProcessDefinitionId()).timers().list()
        .stream().filter(j -> j.getProcessInstanceId() == null).findFirst().orElseThrow();
    Assertions.assertThat(again.getId()).isNotEqualTo(timer.getId());
    Assertions.assertThat(again.getDuedate()).isEqualTo(expected);
    // the drafts of this month are done here, so every manager's report of last month is drafted
    // whichever context (and engine) of the test run started it
    for (String who : List.of(manager, "zhangwei", "lina")) {
      ProcessInstance started = instance(MonthlyReportSchedule.reportKey(who, schedule.lastMonth()));
      managementService.createJobQuery().processInstanceId(started.getId()).activityId(Element.DRAFT_REPORT).list()
          .forEach(j -> managementService.executeJob(j.getId()));
    }
    assertThat(pi).isWaitingAt(Element.WRITE_REPORT);
    // drafting twice starts nothing twice
    Assertions.assertThat(drafting.startAll(schedule.lastMonth())).isEmpty();
  }

  @Test
  void aReportIsDraftedWrittenReturnedRevisedApprovedAndArchivedUnchanged() {
    YearMonth month = YearMonth.of(2025, 6);
    String manager = manager("EAST");
    String[] c = salesOfTheHandComputedExample(manager, month);

    drafting.startAll(month);
    String key = MonthlyReportSchedule.reportKey(manager, month);
    ProcessInstance pi = instance(key);
    assertThat(pi).isWaitingAt(Element.DRAFT_REPORT).hasBusinessKey(key);
    execute(job(pi));

    assertThat(pi).isWaitingAt(Element.WRITE_REPORT);
    assertThat(task(pi)).isAssignedTo(manager).hasDueDate(schedule.dueAt(month));
    // 2025 has no calendar file here: Saturday 5 July 2025 moves to Monday 7 July
    Assertions.assertThat(schedule.dueDay(month)).isEqualTo("2025-07-07");
    Assertions.assertThat(task(pi).getName()).contains("2025-06");

    MonthlyReportContent content = reports.content(key);
    checkFiguresOfTheHandComputedExample(content, c);
    Assertions.assertThat((String) runtimeService.getVariable(pi.getId(), Var.REPORT_FIGURES)).contains("180").contains("19444.44");
    Assertions.assertThat(content.sections().overallAnalysis()).contains("180 條").contains("0.72 箱").contains("14000 元");
    Assertions.assertThat(content.sections().problemsAndMeasures()).contains(c[1]).contains(SectionDrafts.TO_WRITE);
    Assertions.assertThat(content.sections().customerOpinions()).contains("貨架損壞").contains("本月無質量投訴");

    // bad input: the pre-filled markers, too short, empty — refused, the task stays, nothing written
    Task writing = task(pi);
    Assertions.assertThatThrownBy(() -> taskService.complete(writing.getId(), Map.of()))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("仍有待填寫的【請填寫");
    Assertions.assertThatThrownBy(() -> taskService.complete(writing.getId(), sections("太短了", GOOD, GOOD, GOOD)))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("「a) 整體銷售情況分析」過短,至少 20 字");
    Assertions.assertThatThrownBy(() -> taskService.complete(writing.getId(), sections(GOOD, GOOD, GOOD, "  ")))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("請填寫「d) 次月銷售預測分析」");
    assertThat(pi).isWaitingAt(Element.WRITE_REPORT);
    Assertions.assertThat(reports.find(key).orElseThrow().status()).isEqualTo("DRAFT");
    Assertions.assertThat(reports.find(key).orElseThrow().sections().overallAnalysis()).isNotEqualTo(GOOD);

    taskService.complete(writing.getId(), sections(GOOD, GOOD + "一", GOOD + "二", GOOD + "三"));
    assertThat(pi).isWaitingAt(Element.SUBMIT_REPORT);
    execute(job(pi));
    assertThat(pi).isWaitingAt(Element.REVIEW_REPORT);
    assertThat(task(pi)).hasCandidateGroup("regional-managers-east").isNotAssigned();
    Assertions.assertThat(reports.find(key).orElseThrow().status()).isEqualTo("SUBMITTED");

    // a return needs a comment
    Task review = task(pi);
    Assertions.assertThatThrownBy(() -> taskService.complete(review.getId(),
            Map.of(Var.REVIEW_DECISION, MonthlySalesReportProcess.DECISION_RETURN)))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("退回修改須填寫「審閱意見」");
    Assertions.assertThatThrownBy(() -> taskService.complete(review.getId(), Map.of(Var.REVIEW_DECISION, "MAYBE")))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("請選擇「審閱結果」");
    Assertions.assertThat(reports.reviews(key)).isEmpty();

    reviewAs("wangfang", review, MonthlySalesReportProcess.DECISION_RETURN, "請補充未訂貨客戶的原因分析",
        Map.of(Var.OVERALL_ANALYSIS, "審閱人改寫的內容不應被採用,這是一段足夠長的文字。"));
    assertThat(pi).isWaitingAt(Element.WRITE_REPORT);
    Assertions.assertThat(runtimeService.getVariable(pi.getId(), Var.LAST_REVIEW_COMMENT)).isEqualTo("請補充未訂貨客戶的原因分析");
    // the manager sees the sections as submitted, not what the reviewer's variables said
    Assertions.assertThat(runtimeService.getVariable(pi.getId(), Var.OVERALL_ANALYSIS)).isEqualTo(GOOD);
    Assertions.assertThat(reports.find(key).orElseThrow().status()).isEqualTo("RETURNED");

    String revised = GOOD + "未訂貨客戶 " + c[2] + " 裝修停業。";
    taskService.complete(task(pi).getId(), sections(GOOD, revised, GOOD + "二", GOOD + "三"));
    execute(job(pi));
    reviewAs("wangfang", task(pi), MonthlySalesReportProcess.DECISION_APPROVE, null, Map.of());
    assertThat(pi).isWaitingAt(Element.ARCHIVE_REPORT);
    execute(job(pi));

    assertThat(pi).hasPassedInOrder(Element.START_REPORT_REQUESTED, Element.DRAFT_REPORT, Element.WRITE_OR_REVISE,
        Element.WRITE_REPORT, Element.CHECK_REPORT, Element.SUBMIT_REPORT, Element.REVIEW_REPORT, Element.RECORD_REVIEW,
        Element.REVIEW_DECISION, Element.WRITE_OR_REVISE, Element.WRITE_REPORT, Element.CHECK_REPORT,
        Element.SUBMIT_REPORT, Element.REVIEW_REPORT, Element.RECORD_REVIEW, Element.REVIEW_DECISION,
        Element.ARCHIVE_REPORT, Element.END_ARCHIVED).isEnded();

    MonthlyReportRepository.Report archived = reports.find(key).orElseThrow();
    Assertions.assertThat(archived.status()).isEqualTo("APPROVED");
    Assertions.assertThat(archived.approvedBy()).isEqualTo("wangfang");
    Assertions.assertThat(archived.approvedAt()).isNotNull();
    Assertions.assertThat(reports.reviews(key)).extracting(MonthlyReportRepository.Review::reviewer,
            MonthlyReportRepository.Review::decision, MonthlyReportRepository.Review::comment)
        .containsExactly(Assertions.tuple("wangfang", "RETURN", "請補充未訂貨客戶的原因分析"),
            Assertions.tuple("wangfang", "APPROVE", null));
    MonthlyReportContent frozen = reports.content(key);
    Assertions.assertThat(frozen.sections().problemsAndMeasures()).isEqualTo(revised);

    // later sales of the month change the figures a new draft would show, not the archive
    sale(c[0], month.atDay(28), brandA, 10, "1000");
    summary.refresh(month);
    Assertions.assertThat(builder.build(manager, month).totals().cartons()).isEqualByComparingTo("190");
    MonthlyReportContent after = reports.content(key);
    Assertions.assertThat(after).isEqualTo(frozen);
    Assertions.assertThat(after.totals().cartons()).isEqualByComparingTo("180");
  }

  @Test
  void anOverdueReportIsEscalatedToTheRegionalManagerAtTheDueDate() {
    YearMonth month = YearMonth.of(2025, 9);
    String manager = manager("WEST");
    drafting.startAll(month);
    ProcessInstance pi = instance(MonthlyReportSchedule.reportKey(manager, month));
    execute(job(pi));

    Job timer = managementService.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    // Sunday 5 October 2025 (no 2025 calendar file: weekdays only) moves to Monday 6 October, 18:00
    Assertions.assertThat(timer.getDuedate().toInstant())
        .isEqualTo(LocalDateTime.parse("2025-10-06T18:00").atZone(ZONE).toInstant());
    execute(timer);
    assertThat(pi).isWaitingAt(Element.RECORD_ESCALATION);
    execute(job(pi));

    assertThat(pi).isWaitingAt(Element.WRITE_REPORT, Element.NOTICE_OVERDUE);
    Task notice = taskService.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(Element.NOTICE_OVERDUE).singleResult();
    assertThat(notice).hasCandidateGroup("regional-managers-west");
    MonthlyReportRepository.Report report = reports.find(MonthlyReportSchedule.reportKey(manager, month)).orElseThrow();
    Assertions.assertThat(report.escalatedAt()).isNotNull();
    Assertions.assertThat(reports.escalations(report.reportKey())).isEqualTo(1);

    taskService.complete(notice.getId());
    assertThat(pi).hasPassed(Element.REPORT_OVERDUE, Element.RECORD_ESCALATION, Element.NOTICE_OVERDUE,
        Element.END_OVERDUE_NOTICED);
    assertThat(pi).isWaitingAt(Element.WRITE_REPORT); // the report stays with the manager
  }

  @Test
  void theForecastIsStoredAndComparedWithWhatHappenedNextMonth() {
    String manager = manager("EAST");
    String customer = customer(manager, "EAST", 3, "ACTIVE");
    // 25 months of one line each: 2023-07 … 2025-07, cartons 100 + i, amount 100 × cartons
    YearMonth first = YearMonth.of(2023, 7);
    for (int i = 0; i <= 24; i++) {
      sale(customer, first.plusMonths(i).atDay(10), brandA, 100 + i, String.valueOf(100 * (100 + i)));
    }
    YearMonth june = YearMonth.of(2025, 6);
    drafting.startAll(june);
    ProcessInstance pi = instance(MonthlyReportSchedule.reportKey(manager, june));
    execute(job(pi));
    MonthlyReportContent.Forecast f = reports.content(MonthlyReportSchedule.reportKey(manager, june)).forecast();
    // July 2025: 112 × (123 + 122 + 121) / (111 + 110 + 109) = 124.22; amount 100 × the same ratio on amounts
    Assertions.assertThat(f.month()).isEqualTo(YearMonth.of(2025, 7));
    Assertions.assertThat(f.cartons()).isEqualByComparingTo("124.22");
    Assertions.assertThat(f.amount()).isEqualByComparingTo("12421.82");
    Assertions.assertThat(f.method()).isEqualTo(SalesForecast.METHOD);
    Assertions.assertThat(f.backTestMonths()).isEqualTo(6);
    Assertions.assertThat(f.mapePercent()).isEqualByComparingTo(expectedMape(first, june));
    // nothing was stored for June: the forecast the method would have made, 111 × 363 / 327 = 123.22
    Assertions.assertThat(f.reportMonthForecastCartons()).isEqualByComparingTo("123.22");
    Assertions.assertThat(f.reportMonthActualCartons()).isEqualByComparingTo("123");
    Assertions.assertThat(f.reportMonthErrorPercent()).isEqualByComparingTo("0.2");
    Assertions.assertThat(reports.content(MonthlyReportSchedule.reportKey(manager, june)).sections().forecastAnalysis())
        .contains("按同一方法回算");
    Assertions.assertThat(reports.storedForecast(manager, YearMonth.of(2025, 7))).hasValueSatisfying(
        v -> Assertions.assertThat(v).isEqualByComparingTo("124.22"));

    // July's report compares the stored forecast with July's 124 cartons
    YearMonth july = YearMonth.of(2025, 7);
    drafting.startAll(july);
    ProcessInstance next = instance(MonthlyReportSchedule.reportKey(manager, july));
    execute(job(next));
    MonthlyReportContent.Forecast g = reports.content(MonthlyReportSchedule.reportKey(manager, july)).forecast();
    Assertions.assertThat(g.reportMonthForecastCartons()).isEqualByComparingTo("124.22");
    Assertions.assertThat(g.reportMonthActualCartons()).isEqualByComparingTo("124");
    Assertions.assertThat(g.reportMonthErrorPercent()).isEqualByComparingTo("0.2");
    Assertions.assertThat(reports.content(MonthlyReportSchedule.reportKey(manager, july)).sections().forecastAnalysis())
        .contains("上月報告預測本月 124.22 條");
  }

  @Test
  void onlyMonthsNeverSummarisedOrMarkedChangedAreSummarised() {
    String manager = manager("EAST");
    String customer = customer(manager, "EAST", 2, "ACTIVE");
    YearMonth old = YearMonth.of(2023, 1);
    YearMonth never = YearMonth.of(2022, 11);
    // a month never summarised is summarised (here without any sales line: an empty month)
    Assertions.assertThat(summarisedAt(never)).isNull();
    Assertions.assertThat(summary.ensure(never, never)).isEqualTo(1);
    Assertions.assertThat(summarisedAt(never)).isNotNull();

    summary.ensure(old, old.plusMonths(2));
    Timestamp first = summarisedAt(old);
    Timestamp second = summarisedAt(old.plusMonths(1));
    // summarised and unchanged: nothing is summarised again, not even the newest months
    Assertions.assertThat(summary.ensure(old, old.plusMonths(2))).isZero();
    Assertions.assertThat(summarisedAt(old)).isEqualTo(first);

    // a new line marks its month (sale() marks, as every writer of sales lines must): that month only
    sale(customer, old.atDay(9), brandA, 10, "1000");
    Assertions.assertThat(summary.ensure(old, old.plusMonths(2))).isEqualTo(1);
    Assertions.assertThat(summarisedCartons(customer, old)).isEqualByComparingTo("10");
    Assertions.assertThat(summarisedAt(old)).isAfterOrEqualTo(first);
    Assertions.assertThat(summarisedAt(old.plusMonths(1))).isEqualTo(second);
    Assertions.assertThat(marks(old)).isZero(); // the marks read were consumed

    // a change without a mark is not seen (the rule: whoever changes lines marks the month) …
    jdbc.update("UPDATE cm_sales_line SET quantity_cartons = 12, amount = 1200 WHERE customer_code = ?", customer);
    Assertions.assertThat(summary.ensure(old, old.plusMonths(2))).isZero();
    Assertions.assertThat(summarisedCartons(customer, old)).isEqualByComparingTo("10");
    // … until the month is marked, with the statement a DBA runs after changing lines by hand
    jdbc.update("INSERT INTO cm_sales_month_changed (month_start) VALUES (DATE '2023-01-01')");
    Assertions.assertThat(summary.ensure(old, old.plusMonths(2))).isEqualTo(1);
    Assertions.assertThat(summarisedCartons(customer, old)).isEqualByComparingTo("12");

    // refresh summarises on demand and leaves a mark for the next run
    new SalesMonthChanges(jdbc).mark(List.of(old.plusMonths(1)));
    summary.refresh(old.plusMonths(1));
    Assertions.assertThat(marks(old.plusMonths(1))).isEqualTo(1);
    Assertions.assertThat(summary.ensure(old, old.plusMonths(2))).isEqualTo(1);
  }

  @Test
  void aMarkCommittedWhileTheRunSummarisesSurvivesTheRun() throws Exception {
    YearMonth month = YearMonth.of(2023, 5);
    summary.ensure(month, month);
    new SalesMonthChanges(jdbc).mark(List.of(month));
    // an import marks the month in its own transaction and commits only after the run has read
    java.util.concurrent.CountDownLatch marked = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch runDone = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CompletableFuture<Void> importTx = java.util.concurrent.CompletableFuture.runAsync(() ->
        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(s -> {
          new SalesMonthChanges(jdbc).mark(List.of(month));
          marked.countDown();
          try {
            runDone.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }));
    marked.await();
    Assertions.assertThat(summary.ensure(month, month)).isEqualTo(1);
    runDone.countDown();
    importTx.get(30, java.util.concurrent.TimeUnit.SECONDS);
    // the run consumed the mark it read, not the one committed after it
    Assertions.assertThat(marks(month)).isEqualTo(1);
    Assertions.assertThat(summary.ensure(month, month)).isEqualTo(1);
    Assertions.assertThat(marks(month)).isZero();
  }

  private Timestamp summarisedAt(YearMonth month) {
    return jdbc.query("SELECT summarised_at FROM cm_sales_month_summarised WHERE month_start = ?",
        (rs, i) -> rs.getTimestamp(1), Date.valueOf(month.atDay(1))).stream().findFirst().orElse(null);
  }

  private long marks(YearMonth month) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM cm_sales_month_changed WHERE month_start = ?", Long.class,
        Date.valueOf(month.atDay(1)));
  }

  private BigDecimal summarisedCartons(String customer, YearMonth month) {
    return jdbc.query("SELECT SUM(cartons) FROM cm_sales_month_summary WHERE customer_code = ? AND month_start = ?",
        (rs, i) -> rs.getBigDecimal(1), customer, Date.valueOf(month.atDay(1))).get(0);
  }

  // ---------------------------------------------------------------- the hand-computed example

  /**
   * Four customers of the manager; returns {c1, name of c2, code of c3}.
   * <pre>
   *                 brand A (class a)      brand B (class b)
   *   c1  month     100 ct  10 000 yuan    50 ct  2 500 yuan
   *       month−1    80 ct   8 000
   *       month−12   60 ct   6 000
   *   c2  month                            30 ct  1 500
   *       month−1                          90 ct  4 500
   *   c3  month−1    20 ct   2 000         (active, no order in the month)
   *   c4  exited, no orders                (not listed)
   * </pre>
   * Month: 180 cartons = 0.72 cases, 14 000 yuan, 19 444.44 yuan per case, 2 ordering customers;
   * month−1: 190 cartons, 14 500 yuan; month−12: 60 cartons. MoM (180−190)/190 = −5.3 %, YoY +200 %.
   * Growth: c1 +70. Drops: c2 −60, c3 −20. Shares: A 100/180 = 55.6 %, B 80/180 = 44.4 %.
   */
  private String[] salesOfTheHandComputedExample(String manager, YearMonth month) {
    String c1 = customer(manager, "EAST", 2, "ACTIVE");
    String c2 = customer(manager, "EAST", 3, "ACTIVE");
    String c3 = customer(manager, "EAST", 4, "ACTIVE");
    customer(manager, "EAST", 5, "EXITED");
    YearMonth prev = month.minusMonths(1);
    sale(c1, month.atDay(3), brandA, 60, "6000");
    sale(c1, month.atDay(17), brandA, 40, "4000");
    sale(c1, month.atDay(17), brandB, 50, "2500");
    sale(c1, prev.atDay(5), brandA, 80, "8000");
    sale(c1, month.minusYears(1).atDay(30), brandA, 60, "6000");
    sale(c2, month.atEndOfMonth(), brandB, 30, "1500");
    sale(c2, prev.atDay(1), brandB, 90, "4500");
    sale(c3, prev.atEndOfMonth(), brandA, 20, "2000");
    sale(c1, month.plusMonths(1).atDay(1), brandA, 999, "99900"); // next month: not in the report
    specialVisit(manager, c1, "貨架損壞,需要更換", month.atDay(10).atTime(10, 0));
    specialVisit(manager, c1, "下個月的特殊情況", month.plusMonths(1).atDay(1).atTime(0, 30));
    String name2 = jdbc.queryForObject("SELECT store_name FROM cm_customer WHERE customer_code = ?", String.class, c2);
    return new String[] {c1, name2, c3};
  }

  private void checkFiguresOfTheHandComputedExample(MonthlyReportContent r, String[] c) {
    Assertions.assertThat(r.totals().cartons()).isEqualByComparingTo("180");
    Assertions.assertThat(r.totals().cases()).isEqualByComparingTo("0.72");
    Assertions.assertThat(r.totals().amount()).isEqualByComparingTo("14000");
    Assertions.assertThat(r.totals().averagePricePerCase()).isEqualByComparingTo("19444.44");
    Assertions.assertThat(r.totals().orderingCustomers()).isEqualTo(2);
    Assertions.assertThat(r.previousMonth().cartons()).isEqualByComparingTo("190");
    Assertions.assertThat(r.previousMonth().amount()).isEqualByComparingTo("14500");
    Assertions.assertThat(r.sameMonthLastYear().cartons()).isEqualByComparingTo("60");
    Assertions.assertThat(r.monthOnMonthPercent()).isEqualByComparingTo("-5.3");
    Assertions.assertThat(r.yearOnYearPercent()).isEqualByComparingTo("200.0");
    Assertions.assertThat(r.byPriceClass()).hasSize(5);
    Assertions.assertThat(r.byPriceClass().get(classA - 1).cartons()).isEqualByComparingTo("100");
    Assertions.assertThat(r.byPriceClass().get(classA - 1).sharePercent()).isEqualByComparingTo("55.6");
    Assertions.assertThat(r.byPriceClass().get(classB - 1).cartons()).isEqualByComparingTo("80");
    Assertions.assertThat(r.byPriceClass().get(classB - 1).amount()).isEqualByComparingTo("4000");
    Assertions.assertThat(r.byPriceClass().get(classB - 1).sharePercent()).isEqualByComparingTo("44.4");
    Assertions.assertThat(r.byBrand()).hasSize(2);
    Assertions.assertThat(r.byBrand().get(0).brandCode()).isEqualTo(brandA);
    Assertions.assertThat(r.byBrand().get(0).cartons()).isEqualByComparingTo("100");
    Assertions.assertThat(r.byBrand().get(0).previousMonthCartons()).isEqualByComparingTo("100");
    Assertions.assertThat(r.byBrand().get(0).lastYearCartons()).isEqualByComparingTo("60");
    Assertions.assertThat(r.byBrand().get(1).brandCode()).isEqualTo(brandB);
    Assertions.assertThat(r.byBrand().get(1).amount()).isEqualByComparingTo("4000");
    Assertions.assertThat(r.byBrand().get(1).previousMonthCartons()).isEqualByComparingTo("90");
    Assertions.assertThat(r.byBrand().get(1).lastYearCartons()).isEqualByComparingTo("0");
    Assertions.assertThat(r.largestGrowth()).singleElement().satisfies(g -> {
      Assertions.assertThat(g.customerCode()).isEqualTo(c[0]);
      Assertions.assertThat(g.change()).isEqualByComparingTo("70");
      Assertions.assertThat(g.changePercent()).isEqualByComparingTo("87.5");
    });
    Assertions.assertThat(r.largestDrop()).extracting(MonthlyReportContent.CustomerChange::change)
        .usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
        .containsExactly(new BigDecimal("-60"), new BigDecimal("-20"));
    Assertions.assertThat(r.largestDrop().get(1).customerCode()).isEqualTo(c[2]);
    Assertions.assertThat(r.largestDrop().get(1).changePercent()).isEqualByComparingTo("-100.0");
    Assertions.assertThat(r.customersWithoutOrders()).extracting(MonthlyReportContent.CustomerRef::customerCode)
        .containsExactly(c[2]);
    Assertions.assertThat(r.specialVisits()).singleElement().satisfies(v -> {
      Assertions.assertThat(v.customerCode()).isEqualTo(c[0]);
      Assertions.assertThat(v.situation()).isEqualTo("貨架損壞,需要更換");
      Assertions.assertThat(v.date()).isEqualTo(YearMonth.of(2025, 6).atDay(10));
    });
    Assertions.assertThat(r.complaints()).isEmpty();
    Assertions.assertThat(r.trend()).hasSize(13);
    Assertions.assertThat(r.trend().get(0).month()).isEqualTo(YearMonth.of(2024, 6));
    Assertions.assertThat(r.trend().get(0).cartons()).isEqualByComparingTo("60");
    Assertions.assertThat(r.trend().get(11).cartons()).isEqualByComparingTo("190");
    Assertions.assertThat(r.trend().get(12).amount()).isEqualByComparingTo("14000");
    Assertions.assertThat(r.trend().subList(1, 11)).allSatisfy(p -> Assertions.assertThat(p.cartons()).isZero());
    Assertions.assertThat(r.forecast().cartons()).isNull(); // 15 months of history are missing
    Assertions.assertThat(r.forecast().backTestMonths()).isZero();
    Assertions.assertThat(r.forecast().mapePercent()).isNull();
    Assertions.assertThat(r.managerName()).isEqualTo("測試經理");
    Assertions.assertThat(r.regionName()).isEqualTo("東區");
  }

  private BigDecimal expectedMape(YearMonth first, YearMonth last) {
    Map<YearMonth, BigDecimal> series = new HashMap<>();
    for (int i = 0; !first.plusMonths(i).isAfter(last); i++) {
      series.put(first.plusMonths(i), BigDecimal.valueOf(100 + i));
    }
    return SalesForecast.backTest(series, last, 6).mapePercent();
  }

  // ---------------------------------------------------------------- helpers

  private void reviewAs(String user, Task review, String decision, String comment, Map<String, Object> extra) {
    identityService.setAuthentication(user, List.of("regional-managers", "regional-managers-east"));
    try {
      Map<String, Object> vars = new HashMap<>(extra);
      vars.put(Var.REVIEW_DECISION, decision);
      if (comment != null) {
        vars.put(Var.REVIEW_COMMENT, comment);
      }
      taskService.complete(review.getId(), vars);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private static Map<String, Object> sections(String a, String b, String c, String d) {
    Sections s = new Sections(a, b, c, d);
    Map<String, Object> vars = new HashMap<>();
    vars.put(Var.OVERALL_ANALYSIS, s.overallAnalysis());
    vars.put(Var.PROBLEMS_AND_MEASURES, s.problemsAndMeasures());
    vars.put(Var.CUSTOMER_OPINIONS, s.customerOpinions());
    vars.put(Var.FORECAST_ANALYSIS, s.forecastAnalysis());
    return vars;
  }

  private ProcessInstance instance(String businessKey) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(MonthlySalesReportProcess.PROCESS_KEY)
        .processInstanceBusinessKey(businessKey).singleResult();
  }

  /** A new active customer manager of the region, known to cm_staff only. */
  private String manager(String region) {
    String id = "rptcm" + SEQ.incrementAndGet() + "x" + System.nanoTime() % 100000;
    jdbc.update("INSERT INTO cm_staff (user_id, name, role, region_code, active) VALUES (?, '測試經理', 'customer-managers', ?, TRUE)",
        id, region);
    return id;
  }

  private String customer(String manager, String region, int grade, String status) {
    int n = SEQ.incrementAndGet();
    String code = "R" + (700000 + n);
    jdbc.update("INSERT INTO cm_customer (customer_code, store_name, licence_no, licence_expiry, address, region_code, "
            + "manager_id, grade, business_type, status, entry_date) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        code, "測試商店" + n, "33010291" + String.format("%04d", n), Date.valueOf("2030-01-01"), "測試路" + n + "號", region,
        manager, grade, "便利店", status, Date.valueOf("2020-01-01"));
    ownCustomers.add(code);
    return code;
  }

  private void sale(String customer, java.time.LocalDate day, String brand, int cartons, String amount) {
    jdbc.update("INSERT INTO cm_sales_line (customer_code, order_date, brand_code, quantity_cartons, amount, source_key) "
            + "VALUES (?,?,?,?,?,?)", customer, Date.valueOf(day), brand, cartons, new BigDecimal(amount),
        "test:" + customer + ":" + day + ":" + brand + ":" + SEQ.incrementAndGet());
    new SalesMonthChanges(jdbc).markDays(List.of(day));
  }

  private void specialVisit(String manager, String customer, String situation, LocalDateTime at) {
    Timestamp ts = Timestamp.from(at.atZone(ZONE).toInstant());
    jdbc.update("INSERT INTO cm_visit (process_instance_id, customer_code, manager_id, visit_type, planned_date, due_at, "
            + "status, situation, checked_brands, created_at) VALUES (?,?,?,'SPECIAL',?,?,'DONE',?,'',?)",
        "test-" + SEQ.incrementAndGet(), customer, manager, Date.valueOf(at.toLocalDate()), ts, situation, ts);
    Long visitId = jdbc.queryForObject("SELECT MAX(id) FROM cm_visit WHERE customer_code = ?", Long.class, customer);
    jdbc.update("INSERT INTO cm_special_visit_record (visit_id, customer_code, situation, reported_by, reported_at) "
        + "VALUES (?,?,?,?,?)", visitId, customer, situation, manager, ts);
  }
}

package com.tobacco.cmw.browser;

import static com.tobacco.cmw.browser.TasklistPage.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tobacco.cmw.support.RestClient;
import com.tobacco.cmw.support.SpringTestBase;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A customer manager works a special visit in the real Tasklist, in headless Chromium: the visit
 * is reported over REST as staff would report it, zhangwei logs in, opens the task from his
 * filter, fills the Camunda Form (form-js) and completes it; the visit then appears, done and
 * signed, in the customer's history. Run with {@code mvn verify -Pbrowser}.
 *
 * <p>form-js gives every input the id {@code fjs-form-<random>-<component id>}, with
 * {@code _<row>} appended inside a dynamic list; the locators match on that suffix. On a failure
 * the page and a screenshot are left in target/browser/failure.*.
 */
@Tag("browser")
class TasklistBrowserTest extends SpringTestBase {

  private static final Logger log = LoggerFactory.getLogger(TasklistBrowserTest.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String USER = "zhangwei";
  private static final String SITUATION = "顧客投訴店內有疑似假煙";
  private static final String SIGNER = "王小明";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;

  @Test
  void aCustomerManagerCompletesASpecialVisitInTasklist() throws Exception {
    long started = System.nanoTime();
    RestClient rest = new RestClient(port);

    // 1. A special situation is reported for one of zhangwei's active customers, through the
    //    engine REST API as staff would do it; resultEnabled returns the new process instance.
    String code = jdbc.queryForObject(
        "SELECT MIN(customer_code) FROM cm_customer WHERE manager_id = ? AND status = 'ACTIVE'", String.class, USER);
    String storeName = jdbc.queryForObject("SELECT store_name FROM cm_customer WHERE customer_code = ?",
        String.class, code);
    HttpResponse<String> reported = rest.post(USER, "/engine-rest/message", json.writeValueAsString(Map.of(
        "messageName", "SpecialSituationReported",
        "businessKey", code,
        "processVariables", Map.of(
            "customerCode", Map.of("value", code),
            "situation", Map.of("value", SITUATION)),
        "resultEnabled", true)));
    assertThat(reported.statusCode()).as(reported.body()).isEqualTo(200);
    String processInstanceId = json.readTree(reported.body()).get(0).path("processInstance").path("id").asText();
    Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    assertThat(task.getAssignee()).isEqualTo(USER);
    assertThat(task.getName()).isEqualTo("拜訪客戶：" + storeName);

    Map<String, BigDecimal> typedStock = new LinkedHashMap<>();
    try (HeadlessChromium browser = new HeadlessChromium(TIMEOUT)) {
      try {
        // 2. Log in to Tasklist, open the task from the filter "我的任務 My tasks" and fill the form.
        TasklistPage page = new TasklistPage(browser, port, taskService);
        page.logIn(USER);
        page.openTask(TasklistPage.MY_TASKS_FILTER, task, field("Field_InfoPassedOn"));
        assertThat(page.formText()).contains("特殊訪問").contains(storeNameOf(task)).contains(SITUATION);
        typedStock.putAll(fillVisitForm(page));
        int height = ((Number) browser.driver.executeScript(
            "return document.querySelector('.fjs-container').scrollHeight")).intValue() + 500;
        log.info("Filled form: {}", browser.tallScreenshot("visit-form", height).toAbsolutePath());

        // ... and complete it with Tasklist's own Complete button.
        page.complete(task);
      } catch (Throwable t) {
        browser.dumpPage("failure");
        browser.screenshot("failure");
        throw t;
      }
    }

    // 3. Recording the visit is asynchronous (Task_RecordVisit) and the job executor is off in
    //    tests: run the waiting job here.
    Job job = managementService.createJobQuery().processInstanceId(processInstanceId).singleResult();
    assertThat(job).as("the job of Task_RecordVisit").isNotNull();
    managementService.executeJob(job.getId());
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count())
        .as("shelf prices above the minimum: no downgrade, the visit process has ended").isZero();

    // The visit is in the customer's history, done, signed by the name typed in the form, with
    // the stock counted for every brand row.
    HttpResponse<String> detail = rest.get(USER, "/api/customers/" + code);
    assertThat(detail.statusCode()).as(detail.body()).isEqualTo(200);
    JsonNode visit = null;
    for (JsonNode v : json.readTree(detail.body()).path("visits")) {
      if (processInstanceId.equals(v.path("visit").path("processInstanceId").asText())) {
        visit = v;
      }
    }
    assertThat(visit).as("visit of process instance %s in %s", processInstanceId, detail.body()).isNotNull();
    assertThat(visit.path("visit").path("status").asText()).isEqualTo("DONE");
    assertThat(visit.path("visit").path("type").asText()).isEqualTo("SPECIAL");
    assertThat(visit.path("customerSigner").asText()).isEqualTo(SIGNER);
    Map<String, BigDecimal> recordedStock = new LinkedHashMap<>();
    for (JsonNode check : visit.path("checks")) {
      recordedStock.put(check.path("brandCode").asText(), check.path("stockCartons").decimalValue());
      assertThat(check.path("belowMinPrice").asBoolean()).as(check.toString()).isFalse();
    }
    assertThat(recordedStock).hasSameSizeAs(typedStock);
    typedStock.forEach((brand, stock) -> assertThat(recordedStock.get(brand)).as(brand).isEqualByComparingTo(stock));

    log.info("Tasklist browser test took {} ms (without the Spring context)",
        Duration.ofNanos(System.nanoTime() - started).toMillis());
  }

  /**
   * Types the report a–e, the special-situation handling, the stock of every brand row (with a
   * shelf price one yuan above the row's minimum, so no downgrade follows), the signer's name, and
   * ticks the customer's confirmation. Returns the stock typed per brand code.
   */
  private Map<String, BigDecimal> fillVisitForm(TasklistPage page) {
    page.type(field("Field_InfoPassedOn"), "傳達了新品上市和價格政策");
    page.type(field("Field_InfoCollected"), "客戶反映中華(硬)斷貨");

    List<WebElement> stockInputs = page.browser.driver.findElements(
        By.cssSelector(".fjs-form input[id*='-Field_StockCartons_']"));
    assertThat(stockInputs).as("brand rows pre-filled by the process").isNotEmpty();
    Map<String, BigDecimal> typedStock = new LinkedHashMap<>();
    List<String> rows = new ArrayList<>();
    for (int row = 0; row < stockInputs.size(); row++) {
      String brandCode = page.valueOf(field("Field_BrandCode_" + row));
      BigDecimal minPrice = new BigDecimal(page.valueOf(field("Field_MinPrice_" + row)));
      BigDecimal stock = new BigDecimal(row + 2 + ".5");
      BigDecimal shelfPrice = minPrice.add(BigDecimal.ONE);
      page.type(field("Field_StockCartons_" + row), stock.toPlainString());
      page.type(field("Field_ShelfPrice_" + row), shelfPrice.toPlainString());
      typedStock.put(brandCode, stock);
      rows.add(brandCode + " stock " + stock + " price " + shelfPrice + " (min " + minPrice + ")");
    }
    log.info("Brand rows typed: {}", rows);

    page.type(field("Field_DisplayWork"), "已調換兩張污損標價簽");
    page.type(field("Field_LawfulObservation"), "銷售正常,未見違規");
    page.type(field("Field_SpecialHandling"), "已封存可疑卷煙並報專賣部門");
    page.type(field("Field_CustomerSigner"), SIGNER);
    WebElement confirmed = page.browser.driver.findElement(field("Field_CustomerConfirmed"));
    if (!confirmed.isSelected()) {
      confirmed.click();
    }
    assertThat(confirmed.isSelected()).isTrue();
    page.assertTypedAndValid();
    return typedStock;
  }

  private String storeNameOf(Task task) {
    return task.getName().substring("拜訪客戶：".length());
  }
}

package com.tobacco.cmw.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tobacco.cmw.audit.FinishedVisitFixture;
import com.tobacco.cmw.calendar.WorkCalendar;
import com.tobacco.cmw.support.RestClient;
import com.tobacco.cmw.support.SpringTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The done-when in real Chromium with a Chinese browser ({@code --lang=zh-CN}): the
 * auditor logs in to Cockpit, which speaks Chinese, opens 歷史審計, finds zhangwei's finished
 * customer visit and reads who did what and when; Tasklist, Admin and the welcome page are Chinese
 * too. The screenshots in docs/screenshots are taken here (a CJK font must be installed, as
 * {@code .ci/run} does). Run with {@code mvn verify -Pbrowser}.
 */
@Tag("browser")
class ChineseWebappsBrowserTest extends SpringTestBase {

  private static final Logger log = LoggerFactory.getLogger(ChineseWebappsBrowserTest.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  static final Path SCREENSHOTS = Path.of("docs", "screenshots");

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired WorkCalendar calendar;
  FinishedVisitFixture visits;

  @AfterEach
  void cleanUp() {
    if (visits != null) {
      visits.cleanUp();
    }
  }

  @Test
  void theAuditorReadsAFinishedVisitInChineseCockpit() throws Exception {
    visits = new FinishedVisitFixture(new RestClient(port), json, jdbc, runtimeService, managementService, historyService,
        calendar);
    FinishedVisitFixture.Visit visit = visits.finish();
    String taskName = historyService.createHistoricTaskInstanceQuery().taskId(visit.taskId()).singleResult().getName();

    try (HeadlessChromium browser = new HeadlessChromium(TIMEOUT)) {
      try {
        logIn(browser, "cockpit", "auditor");
        // Cockpit's own navigation in Chinese, with the history page beside it
        WebElement nav = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
            By.xpath("//a[normalize-space(.)='歷史審計']")));
        assertThat(bodyText(browser)).contains("流程", "決策", "部署");
        assertNoMigrateBanner(browser);
        copy(browser.screenshot("cockpit-dashboard-zh"), "cockpit-dashboard-zh.png");
        nav.click();

        // search the customer's visits and open the finished one
        WebElement businessKey = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector(".cmw-history-search input[name='businessKey']")));
        businessKey.sendKeys(visit.customerCode());
        browser.driver.findElement(By.cssSelector(".cmw-history-search select[name='state'] option[value='COMPLETED']"))
            .click();
        browser.driver.findElement(By.cssSelector(".cmw-history-search button[type='submit']")).click();
        By link = By.cssSelector("a.cmw-instance-link[href*='" + visit.processInstanceId() + "']");
        browser.wait.until(ExpectedConditions.elementToBeClickable(link));
        assertThat(browser.driver.findElement(By.cssSelector(".cmw-results")).getText()).contains("客戶訪問", "已完成", "張偉");
        copy(browser.screenshot("cockpit-history-search-zh"), "cockpit-history-search-zh.png");
        browser.driver.findElement(link).click();

        // who did what and when: the visit task, completed by 張偉, with its times and duration
        // (Cockpit's page pane scrolls: present, then scrolled into view, rather than "visible")
        WebElement timeline = browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.cmw-timeline")));
        browser.driver.executeScript("arguments[0].scrollIntoView()", timeline);
        WebElement row = timeline.findElement(By.xpath(".//tr[td[1][contains(normalize-space(.), '" + taskName + "')]]"));
        List<String> cells = row.findElements(By.tagName("td")).stream()
            .map(c -> (String) browser.driver.executeScript("return arguments[0].textContent", c)).toList();
        assertThat(cells.get(1)).isEqualTo("用戶任務");
        assertThat(cells.get(2)).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        assertThat(cells.get(3)).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        assertThat(cells.get(4)).isNotBlank();
        assertThat(cells.get(6)).contains("張偉");
        assertThat(browser.driver.findElements(By.cssSelector(".cmw-diagram svg g.done"))).isNotEmpty();
        assertThat(textOf(browser, "table.cmw-operations")).contains("張偉", "完成任務");
        assertThat(textOf(browser, "table.cmw-variables")).contains("張老闆");
        int height = ((Number) browser.driver.executeScript("return document.querySelector('.cmw-history').scrollHeight + 150")).intValue();
        copy(browser.tallScreenshot("cockpit-history-instance-zh", Math.min(4000, Math.max(height, 1000))),
            "cockpit-history-instance-zh.png");

        // the welcome page, in Chinese, for the same session
        browser.driver.get("http://localhost:" + port + "/camunda/app/welcome/default/");
        browser.wait.until(d -> bodyText(browser).contains("應用"));
        copy(browser.screenshot("welcome-zh"), "welcome-zh.png");
      } catch (Throwable t) {
        browser.dumpPage("failure-cockpit");
        browser.screenshot("failure-cockpit");
        throw t;
      }
    }

    try (HeadlessChromium browser = new HeadlessChromium(TIMEOUT)) {
      try {
        logIn(browser, "tasklist", "zhangwei");
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//div[contains(@class,'task-filter')]//h4//a")));
        browser.wait.until(d -> bodyText(browser).contains("啟動流程"));
        assertThat(bodyText(browser)).contains("我的任務", "創建任務", "啟動流程");
        // relative times of the task list in Chinese too (the demo tasks have due dates)
        browser.wait.until(d -> bodyText(browser).matches("(?s).*\\d+ (天|小時|分鐘|個月)(前|後).*|.*幾秒(前|後).*"));
        assertThat(bodyText(browser)).doesNotContain(" ago");
        assertNoMigrateBanner(browser);
        copy(browser.screenshot("tasklist-zh"), "tasklist-zh.png");

        browser.driver.manage().deleteAllCookies();
        logIn(browser, "admin", "admin");
        browser.wait.until(d -> bodyText(browser).contains("用戶組") && bodyText(browser).contains("授權"));
        copy(browser.screenshot("admin-zh"), "admin-zh.png");
      } catch (Throwable t) {
        browser.dumpPage("failure-tasklist");
        browser.screenshot("failure-tasklist");
        throw t;
      }
    }
  }

  private void logIn(HeadlessChromium browser, String app, String user) {
    browser.driver.get("http://localhost:" + port + "/camunda/app/" + app + "/default/");
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("form[name='signinForm'] input[ng-model='username']"))).sendKeys(user);
    browser.driver.findElement(By.cssSelector("form[name='signinForm'] input[ng-model='password']")).sendKeys("demo");
    browser.driver.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
    browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("form[name='signinForm']")));
  }

  /** The vendor's "migrate" banner of the Community Edition is not shown to staff. */
  private static void assertNoMigrateBanner(HeadlessChromium browser) {
    assertThat(browser.driver.findElements(By.cssSelector(".ce-eol-banner")).stream().noneMatch(WebElement::isDisplayed))
        .as("the migrate banner is hidden").isTrue();
  }

  /** The text of an element, also when it is scrolled out of Cockpit's page pane. */
  private static String textOf(HeadlessChromium browser, String css) {
    return (String) browser.driver.executeScript("return arguments[0].textContent",
        browser.driver.findElement(By.cssSelector(css)));
  }

  private static String bodyText(HeadlessChromium browser) {
    return browser.driver.findElement(By.tagName("body")).getText();
  }

  /** Keeps a screenshot in docs/screenshots, where the README and docs show it. */
  private static void copy(Path screenshot, String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Path target = SCREENSHOTS.resolve(name);
    Files.copy(screenshot, target, StandardCopyOption.REPLACE_EXISTING);
    log.info("Screenshot {}", target.toAbsolutePath());
  }
}

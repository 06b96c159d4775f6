package com.tobacco.cmw.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a user does in the real Tasklist, for the browser tests: log in, open a task from a
 * filter, type into form-js fields, complete with Tasklist's own button.
 *
 * <p>form-js gives every input the id {@code fjs-form-<random>-<component id>}, with
 * {@code _<row>} appended inside a dynamic list; {@link #field} matches on that suffix.
 */
final class TasklistPage {

  static final String MY_TASKS_FILTER = "我的任務 My tasks";
  static final String GROUP_TASKS_FILTER = "待認領 Group tasks";
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  final HeadlessChromium browser;
  private final int port;
  private final TaskService taskService;
  /** What was typed, per field, to check before completing. */
  final Map<By, String> typed = new LinkedHashMap<>();

  TasklistPage(HeadlessChromium browser, int port, TaskService taskService) {
    this.browser = browser;
    this.port = port;
    this.taskService = taskService;
  }

  /** What one user does in one browser session. */
  interface Steps {
    void run(TasklistPage page) throws Exception;
  }

  /**
   * A fresh Chromium in which {@code user} logs in to Tasklist and does {@code steps}; on a failure
   * the page and a screenshot are kept as target/browser/NAME-failure.*.
   */
  static void session(int port, TaskService taskService, String name, String user, Steps steps) throws Exception {
    try (HeadlessChromium browser = new HeadlessChromium(TIMEOUT)) {
      try {
        TasklistPage page = new TasklistPage(browser, port, taskService);
        page.logIn(user);
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//div[contains(@class,'task-filter')]//h4//a")));
        steps.run(page);
      } catch (Exception | AssertionError e) {
        browser.dumpPage(name + "-failure");
        browser.screenshot(name + "-failure");
        throw e;
      }
    }
  }

  /** Opens the task from the group's filter, claims it with Tasklist's Claim button and waits until the engine has it assigned. */
  void claimFromGroupTasks(Task task, String user) {
    openTask(GROUP_TASKS_FILTER, task, By.cssSelector("button.claim"));
    browser.driver.findElement(By.cssSelector("button.claim")).click();
    browser.wait.until(d -> user.equals(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()));
  }

  /** Tasklist's notices ("you are assigned to the following tasks …") cover the lower part of the form. */
  void dismissNotices() {
    browser.driver.executeScript("document.querySelectorAll('.alert .close').forEach(b => b.click());");
    browser.wait.until(d -> d.findElements(By.cssSelector(".alert-info")).stream().noneMatch(WebElement::isDisplayed));
  }

  /** A click by script: form-js radios and checkboxes are covered by their styled labels. */
  void click(By locator) {
    WebElement input = browser.wait.until(ExpectedConditions.presenceOfElementLocated(locator));
    browser.driver.executeScript("arguments[0].click();", input);
  }

  /**
   * form-js's date field takes typed text in the format its placeholder shows; it shows month and
   * day without leading zeros (1/1/2024), so that is what is typed.
   */
  void typeDate(By locator, LocalDate date) {
    WebElement input = browser.wait.until(ExpectedConditions.elementToBeClickable(locator));
    String placeholder = String.valueOf(input.getDomAttribute("placeholder")).toLowerCase();
    String text = placeholder.startsWith("mm/dd/yyyy")
        ? String.format("%d/%d/%d", date.getMonthValue(), date.getDayOfMonth(), date.getYear())
        : date.toString();
    type(locator, text);
  }

  /**
   * form-js's time field opens its list of times when it gets the focus (here by the Tab from the
   * date field), and the list covers the field: the text is sent without a click.
   */
  void typeTime(By locator, String time) {
    WebElement input = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    input.sendKeys(time, Keys.TAB);
    browser.wait.until(d -> time.equals(d.findElement(locator).getDomProperty("value")));
  }

  /** form-js's select is no HTML select: a click opens its list, the option is picked with the mouse. */
  void choose(String componentId, String label) {
    By option = By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and normalize-space(.) = '" + label + "']");
    // the list may be open already: Tab from the field before focuses the select
    if (browser.driver.findElements(option).stream().noneMatch(WebElement::isDisplayed)) {
      browser.wait.until(ExpectedConditions.elementToBeClickable(field(componentId + "-display"))).click();
    }
    browser.wait.until(ExpectedConditions.elementToBeClickable(option)).click();
    browser.wait.until(d -> fieldText(componentId).contains(label));
  }

  /** What the form field shows, its label included. */
  String fieldText(String componentId) {
    WebElement input = browser.driver.findElement(field(componentId));
    return String.valueOf(browser.driver.executeScript("return arguments[0].closest('.fjs-form-field').innerText;", input));
  }

  /** The login form of the Camunda webapps (AngularJS models username and password); password demo. */
  void logIn(String user) {
    browser.driver.get("http://localhost:" + port + "/camunda/app/tasklist/");
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("form[name='signinForm'] input[ng-model='username']"))).sendKeys(user);
    browser.driver.findElement(By.cssSelector("form[name='signinForm'] input[ng-model='password']")).sendKeys("demo");
    browser.driver.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
  }

  /**
   * Clicks the filter, waits for the task in its list (by id, checking the name shown), opens it
   * and waits until the form shows {@code firstField}.
   */
  void openTask(String filter, Task task, By firstField) {
    browser.wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
        "//div[contains(@class,'task-filter')]//h4//a[contains(normalize-space(.), '" + filter + "')]"))).click();
    By taskLink = By.cssSelector("ol.tasks-list li.task h4 a[href*='task=" + task.getId() + "']");
    browser.wait.until(d -> !d.findElements(taskLink).isEmpty() || error() != null);
    assertThat(error()).as("error shown by Tasklist").isNull();
    WebElement link = browser.wait.until(ExpectedConditions.elementToBeClickable(taskLink));
    assertThat(link.getText().trim()).isEqualTo(task.getName());
    link.click();
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(firstField));
  }

  /** The text of the form as shown. */
  String formText() {
    return browser.driver.findElement(By.cssSelector(".fjs-form")).getText();
  }

  /** Tasklist's Complete button; waits until the engine has completed the task, or fails with Tasklist's error. */
  void complete(Task task) {
    By completeButton = By.cssSelector(".form-actions button[ng-click='complete()']");
    new WebDriverWait(browser.driver, Duration.ofSeconds(10))
        .withMessage("Complete stays disabled on the filled form: Tasklist 7.24 counts the empty entries form-js "
            + "leaves in its error map for fields in a dynamic list (Tasklist custom script app/tasklist/custom/"
            + "camunda-forms-validity.js works around it)")
        .until(ExpectedConditions.elementToBeClickable(completeButton))
        .click();
    browser.wait.until(d -> taskService.createTaskQuery().taskId(task.getId()).count() == 0 || error() != null);
    String error = error();
    if (error != null) {
      fail("Tasklist refused to complete the task: " + error);
    }
    // Tasklist drops the task from the list
    browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(
        By.cssSelector("ol.tasks-list a[href*='task=" + task.getId() + "']")));
  }

  /** The text of the first error Tasklist shows (a red alert in a column or a notification), or null. */
  String error() {
    for (WebElement alert : browser.driver.findElements(By.cssSelector(".alert-danger"))) {
      try {
        if (alert.isDisplayed()) {
          return alert.getText().trim();
        }
      } catch (StaleElementReferenceException gone) {
        // re-rendered meanwhile: not shown any more
      }
    }
    return null;
  }

  /** A form-js input by its component id (ids end in "-" + component id, rows of a list add "_" + row). */
  static By field(String componentId) {
    return By.cssSelector(".fjs-form [id$='-" + componentId + "']");
  }

  /**
   * Clicks into an empty field, types and leaves it with Tab, as a user would. No clear(): WebDriver's
   * clear blurs the field, and the re-render that follows can wipe text typed right after it (form-js
   * commits typed text 300 ms later or on blur).
   */
  void type(By locator, String text) {
    typed.put(locator, text);
    WebElement input = browser.wait.until(ExpectedConditions.elementToBeClickable(locator));
    assertThat(input.getDomProperty("value")).as("field %s before typing", locator).isEmpty();
    input.click();
    input.sendKeys(text, Keys.TAB);
    browser.wait.until(d -> text.equals(d.findElement(locator).getDomProperty("value")));
  }

  /** Replaces a pre-filled field's text: select all, type, leave with Tab. */
  void replace(By locator, String text) {
    typed.put(locator, text);
    WebElement input = browser.wait.until(ExpectedConditions.elementToBeClickable(locator));
    input.click();
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    input.sendKeys(text, Keys.TAB);
    browser.wait.until(d -> text.equals(d.findElement(locator).getDomProperty("value")));
  }

  String valueOf(By locator) {
    return browser.driver.findElement(locator).getDomProperty("value");
  }

  /** Everything typed is still there (a re-render can reset a field) and no field shows an error. */
  void assertTypedAndValid() {
    typed.forEach((locator, text) -> assertThat(valueOf(locator)).as("%s", locator).isEqualTo(text));
    assertThat(browser.driver.findElements(By.cssSelector(".fjs-form .fjs-form-field-error"))).isEmpty();
  }
}

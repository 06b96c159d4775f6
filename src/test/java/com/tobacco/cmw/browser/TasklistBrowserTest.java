package com.tobacco.cmw.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.cmw.support.RestClient;
import com.tobacco.cmw.support.SpringTestBase;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@Tag("browser")
class TasklistBrowserTest extends SpringTestBase {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @Test
  void explore() throws Exception {
    String code = jdbc.queryForObject(
        "SELECT MIN(customer_code) FROM cm_customer WHERE manager_id='zhangwei' AND status='ACTIVE'", String.class);
    var r = new RestClient(port).post("zhangwei", "/engine-rest/message",
        "{\"messageName\":\"SpecialSituationReported\",\"businessKey\":\"" + code + "\",\"processVariables\":{\"customerCode\":{\"value\":\""
            + code + "\"},\"situation\":{\"value\":\"店內發現假煙\"}}}");
    System.out.println("MSG " + r.statusCode() + " " + r.body());
    try (HeadlessChromium b = new HeadlessChromium(Duration.ofSeconds(30))) {
      b.driver.get("http://localhost:" + port + "/camunda/app/tasklist/");
      b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[name=signinForm] input[ng-model=username]")))
          .sendKeys("zhangwei");
      b.driver.findElement(By.cssSelector("form[name=signinForm] input[ng-model=password]")).sendKeys("demo");
      b.driver.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
      Thread.sleep(5000);
      b.dumpPage("after-login");
      b.screenshot("after-login");
      b.driver.findElements(By.cssSelector(".task h4 a, .tasks-list a")).stream().findFirst().ifPresent(e -> e.click());
      Thread.sleep(5000);
      b.dumpPage("task");
      b.screenshot("task");
    }
  }
}

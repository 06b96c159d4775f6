package com.tobacco.cmw.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.cmw.support.RestClient;
import com.tobacco.cmw.support.SpringTestBase;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The webapps serve our user styles (no "migrate" banner) instead of the vendor's empty ones. */
class WebappCustomizationTest extends SpringTestBase {

  @LocalServerPort int port;

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void theMigrateBannerIsHidden(String app) {
    RestClient client = new RestClient(port);
    HttpResponse<String> css = client.get(null, "/camunda/app/" + app + "/styles/user-styles.css");
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.body()).contains("@import url(\"../../cmw/staff.css\")");
    // the import, resolved against the user styles' address
    HttpResponse<String> shared = client.get(null, "/camunda/app/cmw/staff.css");
    assertThat(shared.statusCode()).isEqualTo(200);
    assertThat(shared.body()).contains(".ce-eol-banner").contains("display: none");
  }
}

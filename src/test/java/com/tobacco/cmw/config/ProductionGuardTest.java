package com.tobacco.cmw.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.env.MockEnvironment;

/** The prod profile refuses to start without a proper administrator password, or together with demo. */
class ProductionGuardTest {

  @ParameterizedTest(name = "password ''{0}'' → {1}")
  @CsvSource(delimiter = '|', value = {
      "|Set CMW_ADMIN_PASSWORD",
      "'   '|Set CMW_ADMIN_PASSWORD",
      "short|at least 12",
      "alllowercase-pw12|upper-case",
      "NoSpecialChars123|special character",
  })
  void refusesAMissingOrWeakPassword(String password, String message) {
    assertThatThrownBy(() -> new ProductionGuard(password, new MockEnvironment()).afterPropertiesSet())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining(message);
  }

  @org.junit.jupiter.api.Test
  void refusesTheDemoProfileBesideProd() {
    MockEnvironment environment = new MockEnvironment();
    environment.setActiveProfiles("prod", "demo");
    assertThatThrownBy(() -> new ProductionGuard("A-long-enough-passw0rd", environment).afterPropertiesSet())
        .hasMessageContaining("exclude each other");
  }

  @org.junit.jupiter.api.Test
  void startsWithAProperPassword() {
    assertThatCode(() -> new ProductionGuard("A-long-enough-passw0rd", new MockEnvironment()).afterPropertiesSet())
        .doesNotThrowAnyException();
  }
}

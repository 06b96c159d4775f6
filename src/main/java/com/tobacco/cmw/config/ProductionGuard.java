package com.tobacco.cmw.config;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The prod profile refuses to start without the administrator's password from the environment
 * ({@code CMW_ADMIN_PASSWORD}); there is no default password outside the demo profile.
 */
@Component
@Profile("prod")
public class ProductionGuard implements InitializingBean {

  static final int MIN_LENGTH = 12;

  private final String adminPassword;
  private final boolean demo;

  public ProductionGuard(@Value("${CMW_ADMIN_PASSWORD:}") String adminPassword,
                         org.springframework.core.env.Environment environment) {
    this.adminPassword = adminPassword;
    this.demo = environment.matchesProfiles("demo");
  }

  @Override
  public void afterPropertiesSet() {
    if (demo) {
      throw new IllegalStateException("The profiles prod and demo exclude each other: demo creates users with known passwords.");
    }
    if (adminPassword == null || adminPassword.isBlank()) {
      throw new IllegalStateException("Set CMW_ADMIN_PASSWORD: the prod profile will not start without the administrator's password.");
    }
    // the engine's password policy (on in prod) would refuse it later with a less clear message
    if (adminPassword.length() < MIN_LENGTH || adminPassword.chars().noneMatch(Character::isUpperCase)
        || adminPassword.chars().noneMatch(Character::isLowerCase) || adminPassword.chars().noneMatch(Character::isDigit)
        || adminPassword.chars().allMatch(Character::isLetterOrDigit)) {
      throw new IllegalStateException("CMW_ADMIN_PASSWORD must have at least " + MIN_LENGTH
          + " characters with an upper-case and a lower-case letter, a digit and a special character.");
    }
  }
}

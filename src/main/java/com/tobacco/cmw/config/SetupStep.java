package com.tobacco.cmw.config;

/**
 * A step that prepares data at start-up (demo data, the access model). Steps run in their
 * {@link org.springframework.core.annotation.Order} before the web server accepts requests, so no
 * user ever meets a half-prepared system.
 */
public interface SetupStep {
  void run();
}

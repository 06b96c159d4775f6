package com.tobacco.cmw.support;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Every flow of a process is covered by its process test class; the report goes to
 * target/process-test-coverage.
 */
@TestConfiguration
public class CoverageSettings {

  @Bean
  @Primary
  public ProcessEngineCoverageProperties coverageProperties() {
    return ProcessEngineCoverageProperties.Companion.builder()
        .assertClassCoverageAtLeast(1.0)
        .build();
  }
}

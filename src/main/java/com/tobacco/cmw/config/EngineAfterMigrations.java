package com.tobacco.cmw.config;

import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * The process engine starts after the Flyway migrations, whatever bean happens to ask for an
 * engine service first. Without it the engine may create its ACT_ tables into an empty database
 * first, and Flyway (baseline-on-migrate) then takes the non-empty schema for version 1 and skips
 * our first script. Registered in {@code META-INF/spring.factories}.
 */
public class EngineAfterMigrations extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

  @Override
  protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
    return Set.of(ProcessEngineFactoryBean.class, ProcessEngineConfiguration.class);
  }
}

package com.tobacco.cmw.config;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link SetupStep}s in order once every bean exists (the engine is built and the
 * database migrated) and before the web server starts: ApplicationRunners would run after it.
 */
@Component
public class StartupSetup implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(StartupSetup.class);

  private final ObjectProvider<SetupStep> steps;

  public StartupSetup(ObjectProvider<SetupStep> steps) {
    this.steps = steps;
  }

  @Override
  public void afterSingletonsInstantiated() {
    List<SetupStep> ordered = steps.orderedStream().toList();
    for (SetupStep step : ordered) {
      long started = System.currentTimeMillis();
      step.run();
      log.info("Setup step {} done in {} ms", step.getClass().getSimpleName(), System.currentTimeMillis() - started);
    }
  }
}

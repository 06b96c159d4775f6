package com.tobacco.cmw.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import com.tobacco.cmw.process.InvalidInput;
import org.junit.jupiter.api.Test;

/** Typing errors stay out of the error log; real failures do not. */
class UserErrorLogFilterTest {

  final UserErrorLogFilter filter = new UserErrorLogFilter();
  final ch.qos.logback.classic.Logger logger = new LoggerContext().getLogger("org.camunda.bpm.engine.context");

  @Test
  void dropsBadInputWhereverItIsInTheChain() {
    InvalidInput bad = InvalidInput.inForm("visit", "請填寫");
    assertThat(filter.decide(null, logger, Level.ERROR, "x", null, bad)).isEqualTo(FilterReply.DENY);
    assertThat(filter.decide(null, logger, Level.ERROR, "x", null, new RuntimeException("wrapped", bad)))
        .isEqualTo(FilterReply.DENY);
    assertThat(filter.decide(null, logger, Level.ERROR, "{} failed", new Object[] {"cmd", bad}, null))
        .isEqualTo(FilterReply.DENY);
  }

  @Test
  void keepsRealFailures() {
    assertThat(filter.decide(null, logger, Level.ERROR, "x", null, new IllegalStateException("no visit")))
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(filter.decide(null, logger, Level.INFO, "started", null, null)).isEqualTo(FilterReply.NEUTRAL);
  }
}

package com.tobacco.cmw.process;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * "Now" and "today" of a process step: the engine clock ({@link ClockUtil}) in the company time
 * zone ({@code cmw.timezone}) — the clock the engine's timers run on and tests can set — so the
 * dates a step checks and the times it records agree with one another. Used by the promotion and
 * the satisfaction improvement.
 */
@Component
public class EngineClock {

  private final ZoneId zone;

  public EngineClock(@Value("${cmw.timezone:Asia/Shanghai}") String zone) {
    this.zone = ZoneId.of(zone);
  }

  public Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public LocalDate today() {
    return now().atZone(zone).toLocalDate();
  }

  public ZoneId zone() {
    return zone;
  }
}

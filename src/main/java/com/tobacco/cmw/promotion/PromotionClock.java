package com.tobacco.cmw.promotion;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * "Now" and "today" of the promotion: the engine clock ({@link ClockUtil}) in the company time zone,
 * so the evaluation day (and with it the 6- and 12-month windows) and the receipt's date checks
 * follow the clock that tests and the engine's timers use.
 */
@Component
public class PromotionClock {

  private final ZoneId zone;

  public PromotionClock(@Value("${cmw.timezone:Asia/Shanghai}") String zone) {
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

package com.tobacco.cmw.satisfaction;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * "Now" and "today" of the satisfaction improvement: the engine clock ({@link ClockUtil}) in the
 * company time zone ({@code cmw.timezone}), the clock the follow-up timer runs on — so the survey
 * period check, the target date, the evaluation year and every time stamp follow one clock that
 * tests can set.
 */
@Component
public class SatisfactionClock {

  private final ZoneId zone;

  public SatisfactionClock(@Value("${cmw.timezone:Asia/Shanghai}") String zone) {
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

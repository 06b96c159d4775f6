package com.tobacco.cmw.satisfaction;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The settings of the satisfaction improvement ({@code cmw.satisfaction.*}): the weights of the
 * index and the follow-up period after which the next survey is due (ISO 8601: {@code P90D},
 * {@code P3M}, or with a time part {@code PT2H}). Checked at start: a bad value stops the
 * application with a message rather than a failing process later.
 */
@Component("satisfactionSettings")
public class SatisfactionSettings {

  private final SatisfactionIndex.Weights weights;
  private final String followUpPeriod;
  private final Period period;
  private final Duration duration;
  private final ZoneId zone;

  public SatisfactionSettings(@Value("${cmw.satisfaction.weights.supply:1}") BigDecimal supply,
                              @Value("${cmw.satisfaction.weights.service:1}") BigDecimal service,
                              @Value("${cmw.satisfaction.weights.market:1}") BigDecimal market,
                              @Value("${cmw.satisfaction.follow-up-period:P90D}") String followUpPeriod,
                              @Value("${cmw.timezone:Asia/Shanghai}") String zone) {
    this.weights = new SatisfactionIndex.Weights(supply, service, market);
    this.followUpPeriod = followUpPeriod.strip();
    this.zone = ZoneId.of(zone);
    try {
      if (this.followUpPeriod.contains("T")) {
        this.duration = Duration.parse(this.followUpPeriod);
        this.period = null;
      } else {
        this.period = Period.parse(this.followUpPeriod);
        this.duration = null;
      }
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("cmw.satisfaction.follow-up-period is not an ISO 8601 duration (P90D, P3M): "
          + followUpPeriod, e);
    }
    if ((period != null && (period.isNegative() || period.isZero())) || (duration != null
        && (duration.isNegative() || duration.isZero()))) {
      throw new IllegalArgumentException("cmw.satisfaction.follow-up-period must be positive: " + followUpPeriod);
    }
  }

  public SatisfactionIndex.Weights weights() {
    return weights;
  }

  public String followUpPeriod() {
    return followUpPeriod;
  }

  /** When the follow-up survey is due, counted from {@code from} (calendar days in the company's zone). */
  public Instant followUpDue(Instant from) {
    return period != null ? from.atZone(zone).plus(period).toInstant() : from.plus(duration);
  }
}

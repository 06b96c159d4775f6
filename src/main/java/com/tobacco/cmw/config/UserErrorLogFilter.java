package com.tobacco.cmw.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import com.tobacco.cmw.process.InvalidInput;
import jakarta.annotation.PostConstruct;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

/**
 * Keeps typing errors out of the error log. The engine logs every exception that ends a command
 * at ERROR with its stack trace; bad input ({@link InvalidInput}) is answered to the user with a
 * clear message and is not a fault of the system, so those events are dropped. Everything else,
 * real failures included, is logged as before.
 */
@Component
public class UserErrorLogFilter extends TurboFilter {

  @PostConstruct
  void register() {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (factory instanceof LoggerContext context && !context.getTurboFilterList().contains(this)) {
      context.addTurboFilter(this);
    }
  }

  @Override
  public FilterReply decide(Marker marker, ch.qos.logback.classic.Logger logger, Level level, String format,
                            Object[] params, Throwable t) {
    return isUserError(t) || (params != null && params.length > 0 && isUserError(lastThrowable(params)))
        ? FilterReply.DENY : FilterReply.NEUTRAL;
  }

  static boolean isUserError(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof InvalidInput) {
        return true;
      }
    }
    return false;
  }

  private static Throwable lastThrowable(Object[] params) {
    return params[params.length - 1] instanceof Throwable t ? t : null;
  }
}

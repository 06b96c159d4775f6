package com.tobacco.cmw.process;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Bad input answered to the person who gave it, in the same transaction, so nothing is written
 * and no incident is raised. The REST API answers 400 with the message; Tasklist shows it on
 * the form. Messages are Chinese first, English after a slash.
 */
public final class InvalidInput {

  private InvalidInput() {}

  /** For a start (REST start, message correlation): answered as 400 Bad Request. */
  public static BadUserRequestException atStart(String message) {
    return new BadUserRequestException(message);
  }

  /** For a submitted task form: answered as 400 "Cannot complete task …: message". */
  public static FormFieldValidationException inForm(String field, String message) {
    return new FormFieldValidationException(field, message);
  }
}

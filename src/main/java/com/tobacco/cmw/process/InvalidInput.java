package com.tobacco.cmw.process;

import jakarta.ws.rs.core.Response.Status;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;

/**
 * Bad input answered to the person who gave it, in the same transaction, so nothing is written
 * and no incident is raised. Messages are Chinese first, English after a slash.
 *
 * <p>It is a REST {@link InvalidRequestException} with status 400 on purpose: the engine passes it
 * through unchanged, and every REST entry point (process start, start form, message
 * correlation, task complete and form submit) answers it with 400 and the message, which
 * Tasklist shows on the form. An engine exception would become a 500 on some of them.
 */
public class InvalidInput extends InvalidRequestException {

  private final String field;

  private InvalidInput(String field, String message) {
    super(Status.BAD_REQUEST, message);
    this.field = field;
  }

  /** Bad input when a process starts. */
  public static InvalidInput atStart(String message) {
    return new InvalidInput(null, message);
  }

  /** Bad input in a submitted task form; {@code field} names the form field or variable. */
  public static InvalidInput inForm(String field, String message) {
    return new InvalidInput(field, message);
  }

  /** The form field or variable at fault, if known. */
  public String field() {
    return field;
  }
}

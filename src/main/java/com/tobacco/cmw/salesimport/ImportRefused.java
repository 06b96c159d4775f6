package com.tobacco.cmw.salesimport;

import org.springframework.http.HttpStatus;

/**
 * The file as a whole cannot be imported (empty, not CSV or Excel, no header, a required column
 * missing, no rows, another import running); answered with {@link #status()} and the message.
 */
public class ImportRefused extends RuntimeException {

  private final HttpStatus status;

  public ImportRefused(HttpStatus status, String message) {
    super(message);
    this.status = status;
  }

  public static ImportRefused badRequest(String message) {
    return new ImportRefused(HttpStatus.BAD_REQUEST, message);
  }

  public HttpStatus status() {
    return status;
  }
}

package com.tobacco.cmw.security;

/** The current user may not see or do this; answered with 403. */
public class AccessDeniedException extends RuntimeException {
  public AccessDeniedException(String message) {
    super(message);
  }
}

package com.tobacco.cmw.web;

import com.tobacco.cmw.security.AccessDeniedException;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Error answers of {@code /api}: {@code {"status": 400, "message": "…"}}. */
@RestControllerAdvice(basePackages = "com.tobacco.cmw")
public class ApiErrors {

  public record ApiError(int status, String message) {}

  @ExceptionHandler({IllegalArgumentException.class, MethodArgumentTypeMismatchException.class,
      MissingServletRequestParameterException.class})
  public ResponseEntity<ApiError> badRequest(Exception e) {
    String message = e instanceof MethodArgumentTypeMismatchException m
        ? "參數 " + m.getName() + " 的值「" + m.getValue() + "」格式不正確 / invalid value for " + m.getName()
        : e.getMessage();
    return answer(HttpStatus.BAD_REQUEST, message);
  }

  @ExceptionHandler(NoSuchElementException.class)
  public ResponseEntity<ApiError> notFound(NoSuchElementException e) {
    return answer(HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler(AccessDeniedException.class)
  public ResponseEntity<ApiError> forbidden(AccessDeniedException e) {
    return answer(HttpStatus.FORBIDDEN, e.getMessage());
  }

  private static ResponseEntity<ApiError> answer(HttpStatus status, String message) {
    return ResponseEntity.status(status).body(new ApiError(status.value(), message));
  }
}

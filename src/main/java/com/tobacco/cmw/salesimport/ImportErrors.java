package com.tobacco.cmw.salesimport;

import com.tobacco.cmw.web.ApiErrors.ApiError;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Error answers of the upload, in the shape of {@code /api}'s others. A too large upload is
 * refused while the request is read, before any controller is chosen: {@link UploadLimit}
 * answers that one for every handler.
 */
@RestControllerAdvice(assignableTypes = ImportController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ImportErrors {

  static final String NO_FILE = "請以 multipart/form-data 上傳文件,字段名為 file / upload the file as multipart/form-data field 'file'";

  @ExceptionHandler(ImportRefused.class)
  public ResponseEntity<ApiError> refused(ImportRefused e) {
    return answer(e.status(), e.getMessage());
  }

  @ExceptionHandler({MissingServletRequestPartException.class, MultipartException.class})
  public ResponseEntity<ApiError> notMultipart(Exception e) {
    return answer(HttpStatus.BAD_REQUEST, NO_FILE);
  }

  static ResponseEntity<ApiError> answer(HttpStatus status, String message) {
    return ResponseEntity.status(status).body(new ApiError(status.value(), message));
  }

  /** A too large upload, for any handler (it is refused before one is chosen). */
  @RestControllerAdvice
  @Order(Ordered.HIGHEST_PRECEDENCE)
  public static class UploadLimit {
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    public ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
      return answer(HttpStatus.PAYLOAD_TOO_LARGE, "上傳的文件超過允許的大小 / the uploaded file is larger than allowed");
    }
  }
}

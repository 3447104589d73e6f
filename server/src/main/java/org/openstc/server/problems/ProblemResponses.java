package org.openstc.server.problems;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place where exceptions become RFC 9457 problem responses for the JSON API. Every problem
 * carries the request id so that a user can quote it and an operator can find the log.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
public class ProblemResponses extends ResponseEntityExceptionHandler {

  /** Base of the problem type URIs; documented in docs/API.md. */
  public static final String TYPE_BASE = "https://openstc.org/problems/";

  private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

  @ExceptionHandler(DomainException.class)
  ResponseEntity<ProblemDetail> domain(DomainException e, HttpServletRequest request) {
    return respond(problem(e.status(), e.type(), e.getMessage(), request));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> typeMismatch(
      MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    return respond(
        problem(
            HttpStatus.BAD_REQUEST,
            "invalid-request",
            "Parameter '" + e.getName() + "' has an invalid value",
            request));
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<ProblemDetail> illegalArgument(
      IllegalArgumentException e, HttpServletRequest request) {
    return respond(problem(HttpStatus.BAD_REQUEST, "invalid-request", e.getMessage(), request));
  }

  @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
  void security(RuntimeException e) {
    // Let Spring Security's entry point and access-denied handler answer (401/403 problems).
    throw e;
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
    log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
    return respond(
        problem(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "internal-error",
            "An unexpected error occurred. Quote request id "
                + MDC.get("requestId")
                + " to your administrator.",
            request));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String detail = "The request body is not valid JSON or does not match the expected fields";
    Throwable cause = ex.getMostSpecificCause();
    if (cause != null && cause.getMessage() != null) {
      String msg = cause.getMessage();
      int cut = msg.indexOf('\n');
      detail += ": " + (cut > 0 ? msg.substring(0, cut) : msg);
    }
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    body.setType(URI.create(TYPE_BASE + "malformed-body"));
    body.setTitle("Malformed request body");
    body.setProperty("requestId", MDC.get("requestId"));
    return ResponseEntity.badRequest().body(body);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String detail =
        ex.getBindingResult().getFieldErrors().stream()
            .map(f -> f.getField() + ": " + f.getDefaultMessage())
            .collect(Collectors.joining("; "));
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, detail.isEmpty() ? "Invalid request" : detail);
    body.setType(URI.create(TYPE_BASE + "invalid-request"));
    body.setTitle("Invalid request");
    body.setProperty("requestId", MDC.get("requestId"));
    return ResponseEntity.badRequest().body(body);
  }

  private static ProblemDetail problem(
      HttpStatus status, String type, String detail, HttpServletRequest request) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setType(URI.create(TYPE_BASE + type));
    body.setTitle(status.getReasonPhrase());
    body.setInstance(URI.create(request.getRequestURI()));
    body.setProperty("requestId", MDC.get("requestId"));
    return body;
  }

  private static ResponseEntity<ProblemDetail> respond(ProblemDetail body) {
    return ResponseEntity.status(body.getStatus()).body(body);
  }
}

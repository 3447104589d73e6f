package org.openstc.server.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.slf4j.MDC;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Answers errors that no handler caught (unknown routes, oversized requests, container errors): a
 * problem document for the API, a page for browsers.
 */
@Controller
class ErrorPages implements ErrorController {

  @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
  @PreAuthorize("permitAll()")
  String page(HttpServletRequest request, Model model) {
    HttpStatus status = status(request);
    if (originalPath(request).startsWith("/api/")) {
      return "forward:/error/problem";
    }
    model.addAttribute("status", status.value());
    model.addAttribute("title", title(status));
    model.addAttribute("message", message(status));
    model.addAttribute("requestId", MDC.get("requestId"));
    return "error/page";
  }

  @RequestMapping("/error")
  @PreAuthorize("permitAll()")
  ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
    return problemResponse(request);
  }

  @RequestMapping("/error/problem")
  @PreAuthorize("permitAll()")
  ResponseEntity<ProblemDetail> forwardedProblem(HttpServletRequest request) {
    return problemResponse(request);
  }

  private ResponseEntity<ProblemDetail> problemResponse(HttpServletRequest request) {
    HttpStatus status = status(request);
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, message(status));
    body.setTitle(status.getReasonPhrase());
    body.setType(URI.create("https://openstc.org/problems/" + slug(status)));
    body.setInstance(URI.create(originalPath(request)));
    body.setProperty("requestId", MDC.get("requestId"));
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }

  private static String originalPath(HttpServletRequest request) {
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    return uri == null ? request.getRequestURI() : uri.toString();
  }

  private static HttpStatus status(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    if (code instanceof Integer i) {
      HttpStatus resolved = HttpStatus.resolve(i);
      if (resolved != null) {
        return resolved;
      }
    }
    return HttpStatus.INTERNAL_SERVER_ERROR;
  }

  private static String slug(HttpStatus status) {
    return switch (status) {
      case NOT_FOUND -> "not-found";
      case METHOD_NOT_ALLOWED -> "method-not-allowed";
      case PAYLOAD_TOO_LARGE, CONTENT_TOO_LARGE -> "payload-too-large";
      case FORBIDDEN -> "forbidden";
      case UNAUTHORIZED -> "unauthenticated";
      case BAD_REQUEST -> "invalid-request";
      default -> "error-" + status.value();
    };
  }

  private static String title(HttpStatus status) {
    return switch (status) {
      case NOT_FOUND -> "Page not found";
      case FORBIDDEN -> "Not allowed";
      default -> status.getReasonPhrase();
    };
  }

  private static String message(HttpStatus status) {
    return switch (status) {
      case NOT_FOUND ->
          "There is nothing at this address. Check the link or go back to the dashboard.";
      case FORBIDDEN -> "Your roles do not allow this. Ask an administrator if you need access.";
      case METHOD_NOT_ALLOWED -> "This address does not accept that kind of request.";
      case PAYLOAD_TOO_LARGE, CONTENT_TOO_LARGE ->
          "The request or upload is larger than OpenSTC accepts.";
      case BAD_REQUEST -> "The request could not be understood.";
      default -> "Something went wrong on our side. Nothing was changed; please try again.";
    };
  }
}

package org.openstc.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses oversized non-multipart API bodies with 413 before anything reads them; file uploads go
 * through multipart, which has its own limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestSizeLimit extends OncePerRequestFilter {

  private final WebProperties properties;

  RequestSizeLimit(WebProperties properties) {
    this.properties = properties;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String type = request.getContentType();
    boolean multipart = type != null && type.toLowerCase().startsWith("multipart/");
    long length = request.getContentLengthLong();
    if (!multipart
        && request.getRequestURI().startsWith("/api/")
        && length > properties.maxJsonBody().toBytes()) {
      refuse(response, "has " + length + " bytes", properties.maxJsonBody().toBytes());
      return;
    }
    chain.doFilter(request, response);
  }

  /** Answers 413; {@code what} completes "The request body ..." (e.g. "has 3000000 bytes"). */
  static void refuse(HttpServletResponse response, String what, long max) throws IOException {
    response.setStatus(413);
    response.setContentType("application/problem+json");
    response
        .getWriter()
        .write(
            "{\"type\":\"https://openstc.org/problems/payload-too-large\",\"title\":\"Payload"
                + " Too Large\",\"status\":413,\"detail\":\"The request body "
                + what
                + "; the API accepts at most "
                + max
                + " bytes. Upload files as multipart/form-data.\"}");
  }
}

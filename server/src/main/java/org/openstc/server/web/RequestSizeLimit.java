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
      response.setStatus(413);
      response.setContentType("application/problem+json");
      response
          .getWriter()
          .write(
              "{\"type\":\"https://openstc.org/problems/payload-too-large\",\"title\":\"Payload"
                  + " Too Large\",\"status\":413,\"detail\":\"The request body has "
                  + length
                  + " bytes; the API accepts at most "
                  + properties.maxJsonBody().toBytes()
                  + " bytes. Upload files as multipart/form-data.\"}");
      return;
    }
    chain.doFilter(request, response);
  }
}

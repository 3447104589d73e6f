package org.openstc.server.web;

import jakarta.servlet.http.HttpServletResponse;
import org.openstc.server.problems.DomainException;
import org.slf4j.MDC;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Renders domain refusals on pages (not found, conflict ...) as a friendly error page. */
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

  @ExceptionHandler(DomainException.class)
  String domain(DomainException e, HttpServletResponse response, Model model) {
    response.setStatus(e.status().value());
    model.addAttribute("status", e.status().value());
    model.addAttribute("title", e.status().getReasonPhrase());
    model.addAttribute("message", e.getMessage());
    model.addAttribute("requestId", MDC.get("requestId"));
    return "error/page";
  }
}

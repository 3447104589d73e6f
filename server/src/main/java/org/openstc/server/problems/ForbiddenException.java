package org.openstc.server.problems;

import org.springframework.http.HttpStatus;

/** The user is signed in but may not do this (for example, approve their own change). */
public final class ForbiddenException extends DomainException {

  public ForbiddenException(String message) {
    super(message);
  }

  @Override
  public HttpStatus status() {
    return HttpStatus.FORBIDDEN;
  }

  @Override
  public String type() {
    return "forbidden";
  }
}

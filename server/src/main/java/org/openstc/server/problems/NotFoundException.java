package org.openstc.server.problems;

import org.springframework.http.HttpStatus;

/** The thing asked for does not exist, or the user may not see it. */
public final class NotFoundException extends DomainException {

  public NotFoundException(String message) {
    super(message);
  }

  @Override
  public HttpStatus status() {
    return HttpStatus.NOT_FOUND;
  }

  @Override
  public String type() {
    return "not-found";
  }
}

package org.openstc.server.problems;

import org.springframework.http.HttpStatus;

/**
 * The request clashes with the current state (a duplicate name, a stale version, a rule that
 * forbids it now).
 */
public final class ConflictException extends DomainException {

  public ConflictException(String message) {
    super(message);
  }

  @Override
  public HttpStatus status() {
    return HttpStatus.CONFLICT;
  }

  @Override
  public String type() {
    return "conflict";
  }
}

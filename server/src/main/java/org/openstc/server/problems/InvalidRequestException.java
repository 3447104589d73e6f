package org.openstc.server.problems;

import org.springframework.http.HttpStatus;

/** The request is malformed or a value is invalid; the message names the field. */
public final class InvalidRequestException extends DomainException {

  public InvalidRequestException(String message) {
    super(message);
  }

  @Override
  public HttpStatus status() {
    return HttpStatus.BAD_REQUEST;
  }

  @Override
  public String type() {
    return "invalid-request";
  }
}

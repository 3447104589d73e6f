package org.openstc.server.problems;

import org.springframework.http.HttpStatus;

/** The request is malformed or a value is invalid; the message names the field. */
public final class InvalidRequestException extends DomainException {

  public InvalidRequestException(String message) {
    super(message);
  }

  /**
   * The value stripped, or a refusal naming the field when it is blank or longer than {@code max}
   * characters.
   */
  public static String requireText(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw new InvalidRequestException(field + ": required");
    }
    String v = value.strip();
    if (v.length() > max) {
      throw new InvalidRequestException(field + ": at most " + max + " characters");
    }
    return v;
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

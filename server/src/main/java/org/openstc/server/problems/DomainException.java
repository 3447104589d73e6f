package org.openstc.server.problems;

import org.springframework.http.HttpStatus;

/**
 * A request that the domain refuses, with a message fit to show the user. {@link ProblemResponses}
 * turns each kind into an RFC 9457 problem response with the right status.
 */
public abstract sealed class DomainException extends RuntimeException
    permits NotFoundException, ConflictException, InvalidRequestException, ForbiddenException {

  protected DomainException(String message) {
    super(message);
  }

  /** The HTTP status this kind of refusal maps to. */
  public abstract HttpStatus status();

  /** A short machine-readable slug used in the problem type URI. */
  public abstract String type();
}

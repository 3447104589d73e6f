package org.openstc.controls.determination;

/** A determination request that cannot be evaluated (unknown code, inconsistent facts). */
public class InvalidDeterminationRequest extends RuntimeException {

  public InvalidDeterminationRequest(String message) {
    super(message);
  }
}

package org.openstc.controls.io;

/** A reference data file (list, chart, measures) that cannot be read, naming file and place. */
public class ReferenceDataException extends RuntimeException {

  public ReferenceDataException(String message) {
    super(message);
  }

  public ReferenceDataException(String message, Throwable cause) {
    super(message, cause);
  }
}

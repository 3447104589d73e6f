package org.openstc.server.cli;

/** A command that cannot do what it was asked, with a message for the terminal. */
public final class CliException extends RuntimeException {

  private final int exitCode;

  public CliException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  public CliException(String message) {
    this(message, 2);
  }

  public int exitCode() {
    return exitCode;
  }
}

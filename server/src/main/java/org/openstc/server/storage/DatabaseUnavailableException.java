package org.openstc.server.storage;

/** The configured database could not be reached when OpenSTC started. */
public final class DatabaseUnavailableException extends RuntimeException {

  public DatabaseUnavailableException(String redactedUrl, Throwable cause) {
    super(
        "Cannot connect to the database at "
            + redactedUrl
            + ": "
            + rootMessage(cause)
            + ". Check STC_DATABASE_URL, STC_DATABASE_USER and STC_DATABASE_PASSWORD"
            + " (or unset STC_DATABASE_URL to use the embedded database).",
        cause);
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}

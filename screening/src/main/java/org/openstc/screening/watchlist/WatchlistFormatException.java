package org.openstc.screening.watchlist;

/**
 * A list file could not be read: wrong or unknown format, malformed or truncated content, hostile
 * constructs (external entities, entity expansion) or a wrong encoding. The message names the file
 * and, where known, the line and element or column.
 */
public class WatchlistFormatException extends RuntimeException {

  private final String file;
  private final long line;

  public WatchlistFormatException(String file, long line, String message, Throwable cause) {
    super(file + (line > 0 ? ":" + line : "") + ": " + message, cause);
    this.file = file;
    this.line = line;
  }

  public WatchlistFormatException(String file, long line, String message) {
    this(file, line, message, null);
  }

  /** The file (or stream name) that failed. */
  public String file() {
    return file;
  }

  /** The 1-based line of the failure, or 0 when not known. */
  public long line() {
    return line;
  }
}

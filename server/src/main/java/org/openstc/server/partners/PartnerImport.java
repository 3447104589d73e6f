package org.openstc.server.partners;

import java.time.Instant;
import java.util.List;

/**
 * The state of one bulk import of partners: progress while it runs, then the counts and the rows
 * that could not be imported, each with its line and reason.
 */
public record PartnerImport(
    String id,
    long organisationId,
    String fileName,
    State state,
    double progress,
    int rowsRead,
    int created,
    int updated,
    List<RowError> errors,
    int errorCount,
    String failure,
    Instant startedAt,
    Instant finishedAt) {

  /** Where the import is. */
  public enum State {
    RUNNING,
    DONE,
    FAILED
  }

  /** A row that was not imported: its line in the file (1 = header) and why. */
  public record RowError(long line, String message) {}

  public PartnerImport {
    errors = List.copyOf(errors);
  }
}

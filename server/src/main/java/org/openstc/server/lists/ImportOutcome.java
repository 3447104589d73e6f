package org.openstc.server.lists;

import java.time.Duration;

/** What an import or download of one list gave. */
public sealed interface ImportOutcome {

  /** The source the outcome is about. */
  String source();

  /** One line for terminals and logs. */
  String describe();

  /**
   * A new version was stored and activated.
   *
   * @param readTime time spent reading and parsing the file
   * @param totalTime read, store, compare and activate
   */
  record Imported(WatchlistVersion version, Duration readTime, Duration totalTime)
      implements ImportOutcome {
    @Override
    public String source() {
      return version.source();
    }

    @Override
    public String describe() {
      return version.source()
          + ": version "
          + version.id()
          + " active, "
          + version.entityCount()
          + " entities ("
          + version.delta().text()
          + ") in "
          + totalTime.toMillis()
          + " ms";
    }
  }

  /** The file has the same checksum as the active version: nothing was stored. */
  record Unchanged(String source, long activeVersionId) implements ImportOutcome {
    @Override
    public String describe() {
      return source + ": unchanged (same checksum as active version " + activeVersionId + ")";
    }
  }

  /**
   * The file could not be downloaded or read; a failed attempt was recorded and the active version
   * was kept.
   *
   * @param attemptId id of the recorded failed attempt
   * @param file the file or URL
   * @param line line of the failure, or 0 when unknown
   * @param reason what went wrong, naming file, line and element where known
   * @param keptVersionId the version still active, or null when the source has none
   */
  record Failed(
      String source, long attemptId, String file, long line, String reason, Long keptVersionId)
      implements ImportOutcome {
    @Override
    public String describe() {
      return source
          + ": FAILED: "
          + reason
          + (keptVersionId == null
              ? " (no version active)"
              : " (version " + keptVersionId + " stays active)");
    }
  }
}

package org.openstc.server.lists;

/** Receives progress of downloads and imports, e.g. for a progress bar on a terminal. */
public interface ImportProgress {

  /** Reports nothing. */
  ImportProgress NONE = new ImportProgress() {};

  /** Bytes of a download received so far; {@code total} is -1 when the server did not say. */
  default void downloading(String url, long received, long total) {}

  /** Entities of a file read so far. */
  default void reading(String file, int entities) {}

  /** One list is done (imported, unchanged or failed). */
  default void finished(ImportOutcome outcome) {}
}

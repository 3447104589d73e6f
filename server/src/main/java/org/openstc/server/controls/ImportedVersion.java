package org.openstc.server.controls;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The record of one control list version imported into the server: which list, its legal source and
 * date, the file it came from with its SHA-256, how many entries, who imported it and when.
 */
public record ImportedVersion(
    long id,
    String listId,
    String title,
    String jurisdiction,
    ControlListKind kind,
    String legalSource,
    LocalDate validFrom,
    String origin,
    String fileName,
    String storedFile,
    String checksum,
    int entryCount,
    Instant importedAt,
    String importedBy) {

  /** The label used in diffs and classifications, e.g. {@code EU-ANNEX-I@2025-11-15}. */
  public String label() {
    return listId + "@" + validFrom;
  }
}

package org.openstc.server.lists;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.openstc.screening.watchlist.EntityType;
import org.openstc.screening.watchlist.ListFormat;

/**
 * One import attempt of one source: an immutable stored version of the list or a failed attempt.
 *
 * @param id version id
 * @param source source code
 * @param status imported or failed
 * @param active whether this is the source's active version
 * @param format the format read, or null when the attempt failed before detection
 * @param fileName the file(s) or URL imported
 * @param checksum SHA-256 of the imported bytes (files in reading order), or null
 * @param publicationDate publication date stated in the file, or null
 * @param importedAt when it was imported
 * @param importedBy who imported it ({@code system} for the scheduled update, {@code cli:NAME})
 * @param entityCount how many entities
 * @param countsByType entities per type
 * @param previousVersionId the version it was compared with, or null for the first one
 * @param delta what it changed against that version
 * @param error why the attempt failed (file, line, reason), or null
 */
public record WatchlistVersion(
    long id,
    String source,
    VersionStatus status,
    boolean active,
    ListFormat format,
    String fileName,
    String checksum,
    LocalDate publicationDate,
    Instant importedAt,
    String importedBy,
    int entityCount,
    Map<EntityType, Integer> countsByType,
    Long previousVersionId,
    DeltaSummary delta,
    String error) {

  public WatchlistVersion {
    countsByType = Map.copyOf(countsByType);
  }

  public int count(EntityType type) {
    return countsByType.getOrDefault(type, 0);
  }

  /** The first 12 hex digits of the checksum, for tables. */
  public String shortChecksum() {
    return checksum == null ? "" : checksum.substring(0, Math.min(12, checksum.length()));
  }
}

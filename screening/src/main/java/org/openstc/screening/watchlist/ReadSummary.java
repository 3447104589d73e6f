package org.openstc.screening.watchlist;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * What a completed read of one list file produced: format, source, the publication date stated in
 * the file and how many entities of each type were emitted.
 *
 * @param file the file (or stream) name
 * @param format the detected or requested format
 * @param source the source code the entities were given
 * @param publicationDate publication date stated in the file, or {@code null}
 * @param entities how many entities were emitted
 * @param countsByType entities per type
 */
public record ReadSummary(
    String file,
    ListFormat format,
    String source,
    LocalDate publicationDate,
    int entities,
    Map<EntityType, Integer> countsByType) {

  public ReadSummary {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(source, "source");
    countsByType = Map.copyOf(countsByType);
  }

  public int count(EntityType type) {
    return countsByType.getOrDefault(type, 0);
  }
}

package org.openstc.screening.watchlist;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One publication of one list held in memory: its source, format, publication date and entities
 * (ids unique). Two snapshots of the same source are compared by {@link WatchlistDelta}.
 *
 * @param source source code ({@link ListSource#code()})
 * @param format the format it was read from
 * @param publicationDate publication date stated in the file, or {@code null} when it states none
 * @param entities the entities, in file order
 */
public record WatchlistSnapshot(
    String source, ListFormat format, LocalDate publicationDate, List<ListedEntity> entities) {

  public WatchlistSnapshot {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(format, "format");
    entities = List.copyOf(entities);
    Set<EntityId> seen = new HashSet<>();
    for (ListedEntity entity : entities) {
      if (!seen.add(entity.id())) {
        throw new IllegalArgumentException("duplicate entity id " + entity.id() + " in " + source);
      }
    }
  }

  public int size() {
    return entities.size();
  }

  /** How many entities of each type. */
  public Map<EntityType, Integer> countsByType() {
    Map<EntityType, Integer> counts = new EnumMap<>(EntityType.class);
    for (ListedEntity entity : entities) {
      counts.merge(entity.type(), 1, Integer::sum);
    }
    return counts;
  }

  /** The entities by id, in file order. */
  public Map<EntityId, ListedEntity> byId() {
    Map<EntityId, ListedEntity> map = new LinkedHashMap<>(entities.size() * 2);
    for (ListedEntity entity : entities) {
      map.put(entity.id(), entity);
    }
    return map;
  }
}

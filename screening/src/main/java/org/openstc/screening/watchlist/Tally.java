package org.openstc.screening.watchlist;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Counts entities on their way to the caller's consumer, refuses a second entity with the same id
 * (a store keyed by id would otherwise silently keep one of them), and produces the {@link
 * ReadSummary}.
 */
final class Tally implements Consumer<ListedEntity> {

  private final Consumer<ListedEntity> sink;
  private final String file;
  private final java.util.Set<EntityId> ids = new java.util.HashSet<>();
  private final Map<EntityType, Integer> counts = new EnumMap<>(EntityType.class);
  private int total;
  private LocalDate publicationDate;

  Tally(Consumer<ListedEntity> sink, String file) {
    this.sink = sink;
    this.file = file;
  }

  @Override
  public void accept(ListedEntity entity) {
    if (!ids.add(entity.id())) {
      throw new WatchlistFormatException(file, 0, "duplicate entity id " + entity.id());
    }
    total++;
    counts.merge(entity.type(), 1, Integer::sum);
    sink.accept(entity);
  }

  void publicationDate(LocalDate date) {
    if (date != null) {
      publicationDate = date;
    }
  }

  ReadSummary summary(String file, ListFormat format, String source) {
    return new ReadSummary(file, format, source, publicationDate, total, counts);
  }
}

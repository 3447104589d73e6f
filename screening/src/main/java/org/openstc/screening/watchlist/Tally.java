package org.openstc.screening.watchlist;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/** Counts entities on their way to the caller's consumer and produces the {@link ReadSummary}. */
final class Tally implements Consumer<ListedEntity> {

  private final Consumer<ListedEntity> sink;
  private final Map<EntityType, Integer> counts = new EnumMap<>(EntityType.class);
  private int total;
  private LocalDate publicationDate;

  Tally(Consumer<ListedEntity> sink) {
    this.sink = sink;
  }

  @Override
  public void accept(ListedEntity entity) {
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

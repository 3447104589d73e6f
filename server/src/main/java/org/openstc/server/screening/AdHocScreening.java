package org.openstc.server.screening;

import java.util.List;
import org.openstc.screening.matching.ScreeningHit;
import org.openstc.screening.matching.ScreeningOptions;
import org.openstc.screening.matching.ScreeningQuery;
import org.openstc.server.screening.internal.ScreeningIndex;
import org.springframework.stereotype.Service;

/** Screens a name without creating a partner (the check page and POST /api/v1/screenings). */
@Service
public class AdHocScreening {

  private final ScreeningIndex index;
  private final ScreeningProperties properties;

  public AdHocScreening(ScreeningIndex index, ScreeningProperties properties) {
    this.index = index;
    this.properties = properties;
  }

  /** One hit as shown to users, with the engine's explanation. */
  public record Hit(
      double score,
      String list,
      Long listVersionId,
      String entityId,
      String entityName,
      String entityType,
      String matchedName,
      String nameKind,
      String nameStrength,
      List<String> qualifiers,
      List<String> programmes,
      String explanation) {}

  /** The hits for one query, and how many listed entities were searched. */
  public record Result(String name, List<Hit> hits, int entitiesSearched) {}

  public Result screen(ScreeningQuery query, Double threshold, Integer limit) {
    ScreeningIndex.Snapshot snapshot = index.current();
    if (snapshot.empty()) {
      return new Result(query.name(), List.of(), 0);
    }
    ScreeningOptions options =
        snapshot
            .screener()
            .defaults()
            .withThreshold(threshold == null ? properties.threshold() : threshold)
            .withLimit(limit == null ? 10 : limit);
    List<Hit> hits =
        snapshot.screener().screen(query, options).stream().map(h -> toHit(h, snapshot)).toList();
    return new Result(query.name(), hits, snapshot.entities());
  }

  /** Whether any list is loaded at all. */
  public boolean ready() {
    return !index.current().empty();
  }

  public int maxBatch() {
    return properties.maxBatch();
  }

  private static Hit toHit(ScreeningHit h, ScreeningIndex.Snapshot snapshot) {
    return new Hit(
        Math.round(h.score() * 1000) / 1000.0,
        h.entity().source(),
        snapshot.versionBySource().get(h.entity().source()),
        h.entity().id().value(),
        h.entity().name().full(),
        h.entity().type().name(),
        h.matchedName().full(),
        h.matchedName().kind().name(),
        h.matchedName().strength().name(),
        h.qualifiers(),
        h.entity().programmes(),
        h.explain());
  }
}

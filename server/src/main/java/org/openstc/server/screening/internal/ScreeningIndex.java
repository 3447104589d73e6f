package org.openstc.server.screening.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openstc.screening.matching.Screener;
import org.openstc.screening.watchlist.ListedEntity;
import org.openstc.server.lists.WatchlistVersion;
import org.openstc.server.lists.Watchlists;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The in-memory screening index over the active version of every enabled list. Built on first use,
 * swapped atomically after a list change (queries in flight finish on the index they started on),
 * and re-checked every 30 s so that imports made by another process (the command line) are seen.
 */
@Component
public class ScreeningIndex {

  private static final Logger log = LoggerFactory.getLogger(ScreeningIndex.class);

  /** One built index and the list versions it covers. */
  public record Snapshot(
      Screener screener, Map<String, Long> versionBySource, String signature, int entities) {
    public boolean empty() {
      return screener == null;
    }
  }

  private final Watchlists watchlists;
  private volatile Snapshot snapshot;
  // Bumped by every invalidation, so a build that started before a list change is not installed.
  private final java.util.concurrent.atomic.AtomicLong generation =
      new java.util.concurrent.atomic.AtomicLong();

  public ScreeningIndex(Watchlists watchlists) {
    this.watchlists = watchlists;
  }

  public Snapshot current() {
    Snapshot s = snapshot;
    return s != null ? s : rebuild();
  }

  /**
   * Forgets the current index after a list change; the next query (or a background warm-up)
   * rebuilds it once, however many lists changed in between.
   */
  public void invalidate() {
    generation.incrementAndGet();
    snapshot = null;
  }

  /** Rebuilds in the background so the first query after a list change rarely waits. */
  public void warmUp() {
    Thread.ofVirtual()
        .name("screening-index-warm-up")
        .start(() -> {
          try {
            current();
          } catch (RuntimeException e) {
            // The next query builds it; a closing application (the CLI) ends up here.
            log.debug("Screening index warm-up did not complete", e);
          }
        });
  }

  /** Builds the index from the active versions now in the database, unless one is current. */
  public synchronized Snapshot rebuild() {
    Snapshot ready = snapshot;
    if (ready != null) {
      return ready;
    }
    long built = generation.get();
    long start = System.nanoTime();
    List<WatchlistVersion> versions = watchlists.activeVersions();
    String signature = signature(versions);
    List<ListedEntity> entities = new ArrayList<>();
    watchlists.forEachActiveEntity(entities::add);
    Map<String, Long> bySource = new HashMap<>();
    versions.forEach(v -> bySource.put(v.source(), v.id()));
    Screener screener = entities.isEmpty() ? null : Screener.build(entities);
    Snapshot next = new Snapshot(screener, Map.copyOf(bySource), signature, entities.size());
    if (generation.get() == built) {
      snapshot = next;
    }
    log.info(
        "Screening index built: {} entities from {} in {} ms",
        entities.size(),
        signature.isEmpty() ? "no lists" : signature,
        (System.nanoTime() - start) / 1_000_000);
    return next;
  }

  /** Rebuilds when the active versions changed behind our back (e.g. a command-line import). */
  @Scheduled(
      fixedDelayString = "${stc.screening.index-check:30s}",
      initialDelayString = "${stc.screening.index-check:30s}")
  void refreshIfChanged() {
    Snapshot s = snapshot;
    if (s != null && !signature(watchlists.activeVersions()).equals(s.signature())) {
      invalidate();
      rebuild();
    }
  }

  private static String signature(List<WatchlistVersion> versions) {
    return versions.stream()
        .map(v -> v.source() + "@" + v.id())
        .sorted()
        .collect(Collectors.joining(","));
  }
}

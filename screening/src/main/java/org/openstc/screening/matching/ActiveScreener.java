package org.openstc.screening.matching;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the screener in use and swaps it atomically when a list is updated: a query runs entirely
 * against the index it started with, and the next query sees the new one.
 */
public final class ActiveScreener {

  private final AtomicReference<Screener> current;

  public ActiveScreener(Screener initial) {
    this.current = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
  }

  /** The screener queries run against now. */
  public Screener current() {
    return current.get();
  }

  /** Installs a new screener and returns the one it replaces. */
  public Screener swap(Screener next) {
    return current.getAndSet(Objects.requireNonNull(next, "next"));
  }

  /** Screens against the current index. */
  public List<ScreeningHit> screen(ScreeningQuery query) {
    return current.get().screen(query);
  }

  /** Screens against the current index with the given options. */
  public List<ScreeningHit> screen(ScreeningQuery query, ScreeningOptions options) {
    return current.get().screen(query, options);
  }
}

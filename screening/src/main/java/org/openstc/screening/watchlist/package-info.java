/**
 * Watchlist model (entities as published on sanctions and denied-party lists), the catalogue of
 * official sources, streaming readers for each published list format and deltas between versions.
 *
 * <p>Entry point: {@link org.openstc.screening.watchlist.WatchlistReaders}.
 */
package org.openstc.screening.watchlist;

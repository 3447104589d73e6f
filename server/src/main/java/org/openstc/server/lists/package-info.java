/**
 * Watchlists in the server: the registry of list sources, immutable imported versions with their
 * entities, the active version per source, stored deltas, downloads and the scheduled update. Other
 * modules read through {@link org.openstc.server.lists.Watchlists} and listen to {@link
 * org.openstc.server.lists.WatchlistVersionActivated}.
 */
package org.openstc.server.lists;

package org.openstc.server.lists;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.openstc.screening.watchlist.ListFormat;

/**
 * A list source as registered in this installation: the official catalogue entry (or an
 * organisation's own list), whether it is updated, and which version screening uses.
 *
 * @param code source code, also the source of its entities (e.g. {@code us-ofac-sdn})
 * @param name human name
 * @param publisher who publishes it
 * @param format the format of its published files
 * @param downloadUrls where {@code stc lists update} downloads it from (empty for private lists)
 * @param enabled whether updates download it and screening uses it
 * @param official whether it comes from the official catalogue
 * @param activeVersionId the active version, or null before the first import
 * @param lastCheckedAt when the last download was attempted, or null
 * @param lastCheckResult what the last download attempt gave, or null
 */
public record WatchlistSource(
    String code,
    String name,
    String publisher,
    ListFormat format,
    List<URI> downloadUrls,
    boolean enabled,
    boolean official,
    Long activeVersionId,
    Instant lastCheckedAt,
    String lastCheckResult) {

  public WatchlistSource {
    downloadUrls = List.copyOf(downloadUrls);
  }

  public boolean downloadable() {
    return !downloadUrls.isEmpty();
  }
}

package org.openstc.server.lists;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the watchlist module.
 *
 * @param maxUploadSize largest list file accepted by an upload (default 200MB)
 * @param update the scheduled download of enabled sources
 */
@ConfigurationProperties("stc.lists")
public record ListsProperties(DataSize maxUploadSize, Update update) {

  public ListsProperties {
    maxUploadSize = maxUploadSize == null ? DataSize.ofMegabytes(200) : maxUploadSize;
    update = update == null ? new Update(null, null, null, null, null, null, null, null) : update;
  }

  /**
   * How and when enabled sources are downloaded.
   *
   * @param enabled whether the server downloads on the schedule (default true; the command line
   *     {@code stc lists update} works either way)
   * @param cron when, as a Spring cron expression in UTC (default 05:30 every day)
   * @param connectTimeout how long to wait for a connection (default 20s)
   * @param requestTimeout how long one download may take (default 10m)
   * @param attempts how many times a download is tried before it is reported failed (default 3)
   * @param retryDelay pause before the second attempt, doubled for each further one (default 5s)
   * @param maxDownloadSize largest file accepted from a source (default 1GB)
   * @param proxy HTTP proxy as {@code host:port}, or empty for a direct connection
   */
  public record Update(
      Boolean enabled,
      String cron,
      Duration connectTimeout,
      Duration requestTimeout,
      Integer attempts,
      Duration retryDelay,
      DataSize maxDownloadSize,
      String proxy) {

    public Update {
      enabled = enabled == null ? Boolean.TRUE : enabled;
      cron = cron == null || cron.isBlank() ? "0 30 5 * * *" : cron;
      connectTimeout = connectTimeout == null ? Duration.ofSeconds(20) : connectTimeout;
      requestTimeout = requestTimeout == null ? Duration.ofMinutes(10) : requestTimeout;
      attempts = attempts == null ? 3 : attempts;
      if (attempts < 1) {
        throw new IllegalArgumentException("stc.lists.update.attempts must be at least 1");
      }
      retryDelay = retryDelay == null ? Duration.ofSeconds(5) : retryDelay;
      maxDownloadSize = maxDownloadSize == null ? DataSize.ofGigabytes(1) : maxDownloadSize;
      proxy = proxy == null || proxy.isBlank() ? null : proxy.strip();
      if (proxy != null && !proxy.matches("[^:\\s]+:\\d{1,5}")) {
        throw new IllegalArgumentException("stc.lists.update.proxy must be host:port: " + proxy);
      }
    }
  }
}

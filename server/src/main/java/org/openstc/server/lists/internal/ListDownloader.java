package org.openstc.server.lists.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openstc.server.lists.ImportProgress;
import org.openstc.server.lists.ListsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Downloads list files over HTTP(S) with connect and overall timeouts, a size limit and retries
 * with growing pauses, and turns every failure into one sentence an operator can act on.
 */
@Component
public class ListDownloader {

  private static final Logger log = LoggerFactory.getLogger(ListDownloader.class);

  private final ListsProperties.Update settings;

  public ListDownloader(ListsProperties properties) {
    this.settings = properties.update();
  }

  /** A download that failed after all attempts; the message says why and what to check. */
  public static final class DownloadFailedException extends Exception {
    public DownloadFailedException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Downloads one URL into {@code target}, trying up to the configured number of attempts. */
  public void download(URI url, Path target, ImportProgress progress)
      throws DownloadFailedException {
    HttpClient client = client();
    Duration pause = settings.retryDelay();
    String lastProblem = null;
    Exception lastCause = null;
    for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
      try {
        fetch(client, url, target, progress);
        return;
      } catch (PermanentFailure e) {
        throw new DownloadFailedException(e.getMessage(), e);
      } catch (IOException e) {
        lastProblem = explain(url, e);
        lastCause = e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DownloadFailedException("download of " + url + " was interrupted", e);
      }
      log.info("Download attempt {} of {} failed: {}", attempt, settings.attempts(), lastProblem);
      if (attempt < settings.attempts()) {
        try {
          Thread.sleep(pause);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
        pause = pause.multipliedBy(2);
      }
    }
    throw new DownloadFailedException(
        lastProblem + " (" + settings.attempts() + " attempt(s))", lastCause);
  }

  private void fetch(HttpClient client, URI url, Path target, ImportProgress progress)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(settings.requestTimeout())
            .header("User-Agent", "OpenSTC list update")
            .GET()
            .build();
    HttpResponse<InputStream> response =
        client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    int status = response.statusCode();
    if (status != 200) {
      response.body().close();
      String text = url + " answered HTTP " + status;
      if (status >= 500 || status == 429 || status == 408) {
        throw new IOException(text);
      }
      throw new PermanentFailure(text);
    }
    long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
    long limit = settings.maxDownloadSize().toBytes();
    if (total > limit) {
      response.body().close();
      throw new PermanentFailure(
          url + " is " + total + " bytes, more than stc.lists.update.max-download-size " + limit);
    }
    long received = 0;
    long reported = 0;
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = response.body();
        OutputStream out = Files.newOutputStream(target)) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        received += n;
        if (received > limit) {
          throw new PermanentFailure(
              url + " sent more than stc.lists.update.max-download-size (" + limit + " bytes)");
        }
        out.write(buffer, 0, n);
        if (received - reported >= 256 * 1024) {
          progress.downloading(url.toString(), received, total);
          reported = received;
        }
      }
    }
    if (total >= 0 && received != total) {
      throw new IOException(url + " broke off after " + received + " of " + total + " bytes");
    }
    progress.downloading(url.toString(), received, total);
  }

  private HttpClient client() {
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NORMAL);
    if (settings.proxy() != null) {
      int colon = settings.proxy().lastIndexOf(':');
      builder.proxy(
          ProxySelector.of(
              InetSocketAddress.createUnresolved(
                  settings.proxy().substring(0, colon),
                  Integer.parseInt(settings.proxy().substring(colon + 1)))));
    }
    return builder.build();
  }

  /** One sentence on why a download failed, with the likely fix. */
  static String explain(URI url, IOException e) {
    String where = url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "");
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      if (root instanceof ConnectException || root instanceof UnknownHostException) {
        break;
      }
      root = root.getCause();
    }
    if (e instanceof HttpConnectTimeoutException) {
      return "cannot download "
          + url
          + ": no connection to "
          + where
          + " within the connect timeout — is this server offline or behind a proxy"
          + " (stc.lists.update.proxy)?";
    }
    if (e instanceof HttpTimeoutException) {
      return "cannot download "
          + url
          + ": no complete answer from "
          + where
          + " within stc.lists.update.request-timeout";
    }
    if (has(e, UnknownHostException.class) || has(e, UnresolvedAddressException.class)) {
      return "cannot download "
          + url
          + ": the host name "
          + url.getHost()
          + " cannot be resolved — is this server offline (no internet or DNS)?";
    }
    if (has(e, ConnectException.class)) {
      return "cannot download "
          + url
          + ": connection to "
          + where
          + " refused or unreachable — is this server offline or behind a proxy"
          + " (stc.lists.update.proxy)?";
    }
    String detail = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return "cannot download " + url + ": " + detail;
  }

  private static boolean has(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /** A failure that another attempt cannot fix (HTTP 404, file too large). */
  private static final class PermanentFailure extends IOException {
    PermanentFailure(String message) {
      super(message);
    }
  }
}

package org.openstc.server.lists;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.openstc.server.audit.Actor;
import org.openstc.server.lists.internal.ListDownloader;
import org.openstc.server.lists.internal.ListDownloader.DownloadFailedException;
import org.openstc.server.lists.internal.ListStore;
import org.openstc.server.problems.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Downloads every enabled source from its official URLs and imports what changed. A source that
 * cannot be downloaded or read is reported (and a failed attempt recorded) while its active version
 * stays in use; the other sources still update.
 */
@Service
public class WatchlistUpdates {

  private static final Logger log = LoggerFactory.getLogger(WatchlistUpdates.class);

  private final ListStore store;
  private final ListDownloader downloader;
  private final WatchlistImports imports;

  private final java.util.concurrent.atomic.AtomicBoolean running =
      new java.util.concurrent.atomic.AtomicBoolean();

  public WatchlistUpdates(ListStore store, ListDownloader downloader, WatchlistImports imports) {
    this.store = store;
    this.downloader = downloader;
    this.imports = imports;
  }

  /**
   * Updates the given sources, or (empty) every enabled source that has download URLs.
   *
   * @return one outcome per source, in source order
   */
  public List<ImportOutcome> update(List<String> only, Actor actor, ImportProgress progress) {
    if (!running.compareAndSet(false, true)) {
      throw new ConflictException("A list update is already running");
    }
    try {
      return updateNow(only, actor, progress);
    } finally {
      running.set(false);
    }
  }

  /**
   * Starts an update of every enabled source on a background thread (for the page and the API,
   * where downloads with retries may take minutes); results land in each source's last check.
   *
   * @throws ConflictException when an update is already running
   */
  public void startInBackground(Actor actor) {
    if (running.get()) {
      throw new ConflictException("A list update is already running");
    }
    Thread.ofVirtual()
        .name("list-update")
        .start(() -> {
          try {
            update(List.of(), actor, ImportProgress.NONE);
          } catch (RuntimeException e) {
            log.error("List update failed", e);
          }
        });
  }

  /** Whether an update is running now. */
  public boolean isRunning() {
    return running.get();
  }

  private List<ImportOutcome> updateNow(List<String> only, Actor actor, ImportProgress progress) {
    List<WatchlistSource> sources =
        store.sources().stream()
            .filter(WatchlistSource::downloadable)
            .filter(s -> only.isEmpty() ? s.enabled() : only.contains(s.code()))
            .toList();
    List<ImportOutcome> outcomes = new ArrayList<>();
    for (WatchlistSource source : sources) {
      ImportOutcome outcome = update(source, actor, progress);
      store.recordCheck(source.code(), outcome.describe());
      outcomes.add(outcome);
      if (outcome instanceof ImportOutcome.Failed) {
        log.warn("List update: {}", outcome.describe());
      } else {
        log.info("List update: {}", outcome.describe());
      }
    }
    return outcomes;
  }

  private ImportOutcome update(WatchlistSource source, Actor actor, ImportProgress progress) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("stc-list-" + source.code() + "-");
      for (URI url : source.downloadUrls()) {
        Path target = dir.resolve(fileName(source, url));
        try {
          downloader.download(url, target, progress);
        } catch (DownloadFailedException e) {
          ImportOutcome failed =
              imports.downloadFailed(source.code(), url.toString(), e.getMessage(), actor);
          progress.finished(failed);
          return failed;
        }
      }
      Path what =
          source.downloadUrls().size() == 1
              ? dir.resolve(fileName(source, source.downloadUrls().getFirst()))
              : dir;
      String shown =
          source.downloadUrls().size() == 1
              ? source.downloadUrls().getFirst().toString()
              : source.downloadUrls().getFirst().resolve(".")
                  + " ("
                  + source.downloadUrls().size()
                  + " files)";
      return imports.importFile(what, shown, source.code(), actor, progress);
    } catch (IOException e) {
      ImportOutcome failed =
          imports.downloadFailed(
              source.code(),
              source.code(),
              "cannot use a temporary folder: " + e.getMessage(),
              actor);
      progress.finished(failed);
      return failed;
    } finally {
      delete(dir);
    }
  }

  /** The file name for a download: the URL's last path segment (OFAC sets are read by name). */
  private static String fileName(WatchlistSource source, URI url) {
    String path = url.getPath() == null ? "" : url.getPath();
    String last = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    if (source.downloadUrls().size() > 1 && !last.isBlank()) {
      return last;
    }
    return source.code() + "-" + (last.isBlank() ? "list" : last.replaceAll("[^a-z0-9._-]", "_"));
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      log.debug("Could not delete {}", dir, e);
    }
  }
}

package org.openstc.server.cli;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.openstc.screening.watchlist.EntityType;
import org.openstc.server.lists.ImportOutcome;
import org.openstc.server.lists.ImportProgress;
import org.openstc.server.lists.VersionDelta;
import org.openstc.server.lists.WatchlistImports;
import org.openstc.server.lists.WatchlistSource;
import org.openstc.server.lists.WatchlistUpdates;
import org.openstc.server.lists.WatchlistVersion;
import org.openstc.server.lists.Watchlists;
import org.openstc.server.problems.DomainException;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stc lists}: watchlist sources, imports, downloads, versions and deltas. */
@Command(
    name = "lists",
    mixinStandardHelpOptions = true,
    description = "Watchlists: download, import, show sources and versions, print deltas.",
    subcommands = {
      ListsCommand.Update.class,
      ListsCommand.Import.class,
      ListsCommand.Show.class,
      ListsCommand.Delta.class,
      ListsCommand.Activate.class
    })
final class ListsCommand implements Runnable {

  /** Exit code when a download or import failed (the active versions were kept). */
  static final int IMPORT_FAILED = 5;

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  static void report(List<ImportOutcome> outcomes) {
    outcomes.forEach(o -> System.out.println(o.describe()));
    long failed = outcomes.stream().filter(o -> o instanceof ImportOutcome.Failed).count();
    if (failed > 0) {
      throw new CliException(
          failed + " of " + outcomes.size() + " list(s) failed; their active versions were kept",
          IMPORT_FAILED);
    }
  }

  @Command(
      name = "update",
      mixinStandardHelpOptions = true,
      description =
          "Download the enabled sources from their official URLs and import what changed"
              + " (timeouts and retries: stc.lists.update.*). A source that cannot be downloaded"
              + " keeps its active version. Exit 5 when any source failed.")
  static final class Update implements Runnable {

    @Mixin DatabaseOptions database;

    @Option(
        names = "--source",
        split = ",",
        paramLabel = "CODE",
        description = "Only these sources (enabled or not), e.g. un-sc,us-ofac-sdn")
    List<String> sources;

    @Override
    public void run() {
      try (ConfigurableApplicationContext context = database.startWithoutWeb()) {
        report(
            context
                .getBean(WatchlistUpdates.class)
                .update(
                    sources == null ? List.of() : sources,
                    AdminCommand.cliActor(),
                    new TerminalProgress()));
      } catch (DomainException e) {
        throw new CliException(e.getMessage());
      }
    }
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description =
          "Import list files (format detected from content; gzip and zip unwrapped). A folder"
              + " holding an OFAC CSV set (sdn.csv, add.csv, alt.csv, sdn_comments.csv or the"
              + " cons_* files) is one list. Each file becomes a new active version unless it is"
              + " unchanged. Exit 5 when any file failed.")
  static final class Import implements Runnable {

    @Mixin DatabaseOptions database;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "List files or OFAC folders")
    List<Path> files;

    @Option(
        names = "--source",
        paramLabel = "NAME",
        description =
            "Source code to import into (default: inferred from format and file name);"
                + " a new code registers an own list, e.g. --source acme-blacklist")
    String source;

    @Override
    public void run() {
      try (ConfigurableApplicationContext context = database.startWithoutWeb()) {
        WatchlistImports imports = context.getBean(WatchlistImports.class);
        List<ImportOutcome> outcomes = new ArrayList<>();
        TerminalProgress progress = new TerminalProgress();
        for (Path file : files) {
          outcomes.add(imports.importFile(file, source, AdminCommand.cliActor(), progress));
        }
        report(outcomes);
      } catch (DomainException e) {
        throw new CliException(e.getMessage());
      }
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Print the sources, their active versions, entity counts, dates and checksums.")
  static final class Show implements Runnable {

    @Mixin DatabaseOptions database;

    @Option(names = "--versions", description = "Also list the stored versions of every source")
    boolean versions;

    @Override
    public void run() {
      try (ConfigurableApplicationContext context = database.startWithoutWeb()) {
        Watchlists watchlists = context.getBean(Watchlists.class);
        String format = "%-14s %-8s %7s %8s %7s %7s %6s %5s  %-10s  %-16s  %-12s  %s%n";
        System.out.printf(
            format,
            "SOURCE",
            "ENABLED",
            "VERSION",
            "ENTITIES",
            "PERSONS",
            "ORGS",
            "VESSEL",
            "AIRCR",
            "PUBLISHED",
            "IMPORTED (UTC)",
            "SHA-256",
            "NAME");
        for (WatchlistSource s : watchlists.sources()) {
          WatchlistVersion v =
              s.activeVersionId() == null ? null : watchlists.version(s.activeVersionId());
          System.out.printf(
              format,
              s.code(),
              s.enabled() ? "yes" : "no",
              v == null ? "-" : v.id(),
              v == null ? "-" : v.entityCount(),
              v == null ? "-" : v.count(EntityType.PERSON),
              v == null ? "-" : v.count(EntityType.ORGANISATION),
              v == null ? "-" : v.count(EntityType.VESSEL),
              v == null ? "-" : v.count(EntityType.AIRCRAFT),
              v == null || v.publicationDate() == null ? "-" : v.publicationDate(),
              v == null ? "-" : WHEN.format(v.importedAt()),
              v == null ? "-" : v.shortChecksum(),
              s.name());
          if (s.lastCheckResult() != null && s.lastCheckResult().contains("FAILED")) {
            System.out.println(
                "    last update " + WHEN.format(s.lastCheckedAt()) + ": " + s.lastCheckResult());
          }
          if (versions) {
            for (WatchlistVersion each : watchlists.versions(s.code(), 1000)) {
              System.out.println(
                  "    version "
                      + each.id()
                      + (each.active() ? " (active)" : "")
                      + " "
                      + each.status()
                      + " "
                      + WHEN.format(each.importedAt())
                      + " by "
                      + each.importedBy()
                      + ": "
                      + (each.error() != null
                          ? each.error()
                          : each.entityCount() + " entities, " + each.delta().text())
                      + " ["
                      + each.fileName()
                      + "]");
            }
          }
        }
      }
    }
  }

  @Command(
      name = "delta",
      mixinStandardHelpOptions = true,
      description =
          "Print what the latest import of a source (or --version) changed against the version"
              + " before it: counts and the ids of added, removed and changed entities.")
  static final class Delta implements Runnable {

    @Mixin DatabaseOptions database;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "Source code, e.g. us-ofac-sdn")
    String source;

    @Option(names = "--version", paramLabel = "ID", description = "A stored version's id")
    Long version;

    @Override
    public void run() {
      try (ConfigurableApplicationContext context = database.startWithoutWeb()) {
        Watchlists watchlists = context.getBean(Watchlists.class);
        VersionDelta delta =
            version == null ? watchlists.latestDelta(source) : watchlists.delta(version);
        if (!delta.source().equals(source)) {
          throw new CliException("version " + version + " belongs to " + delta.source());
        }
        System.out.println(
            delta.source()
                + ": version "
                + delta.versionId()
                + (delta.previousVersionId() == null
                    ? " is the first version: " + delta.summary().added() + " entities, all new"
                    : " against version "
                        + delta.previousVersionId()
                        + ": "
                        + delta.summary().text()));
        print("Added", delta.added(), false);
        print("Removed", delta.removed(), false);
        print("Changed", delta.changed(), true);
      } catch (DomainException e) {
        throw new CliException(e.getMessage());
      }
    }

    private static void print(String title, List<VersionDelta.Entry> entries, boolean fields) {
      if (entries.isEmpty()) {
        return;
      }
      System.out.println(title + " (" + entries.size() + "):");
      for (VersionDelta.Entry e : entries) {
        System.out.println(
            "  "
                + e.entityId()
                + "\t"
                + e.name()
                + (fields ? "\t[" + String.join(", ", e.fields()) + "]" : ""));
      }
    }
  }

  @Command(
      name = "activate",
      mixinStandardHelpOptions = true,
      description = "Make a stored version the active one of its source (e.g. go back).")
  static final class Activate implements Runnable {

    @Mixin DatabaseOptions database;

    @Parameters(index = "0", paramLabel = "VERSION_ID")
    long versionId;

    @Override
    public void run() {
      try (ConfigurableApplicationContext context = database.startWithoutWeb()) {
        WatchlistVersion v =
            context.getBean(Watchlists.class).activate(versionId, AdminCommand.cliActor());
        System.out.println(v.source() + ": version " + v.id() + " is active");
      } catch (DomainException e) {
        throw new CliException(e.getMessage());
      }
    }
  }

  /** Progress on standard error: a redrawn line on a terminal, occasional lines otherwise. */
  static final class TerminalProgress implements ImportProgress {
    private final boolean terminal = System.console() != null;
    private long lastDrawn;
    private boolean open;

    @Override
    public void downloading(String url, long received, long total) {
      String amount = mb(received) + (total > 0 ? " of " + mb(total) : "");
      String bar = total > 0 ? bar((double) received / total) + " " : "";
      draw("Downloading " + url + " " + bar + amount, total > 0 && received >= total);
    }

    @Override
    public void reading(String file, int entities) {
      draw("Reading " + file + ": " + entities + " entities", false);
    }

    @Override
    public void finished(ImportOutcome outcome) {
      if (open) {
        System.err.println();
        open = false;
      }
    }

    private void draw(String line, boolean force) {
      long now = System.nanoTime();
      long every = terminal ? 150_000_000L : 2_000_000_000L;
      if (!force && now - lastDrawn < every) {
        return;
      }
      lastDrawn = now;
      if (terminal) {
        System.err.print("\r" + line + "\033[K");
        open = true;
      } else {
        System.err.println(line);
      }
    }

    private static String bar(double fraction) {
      int width = 24;
      int filled = (int) Math.round(Math.min(1, fraction) * width);
      return "["
          + "#".repeat(filled)
          + ".".repeat(width - filled)
          + "] "
          + Math.round(Math.min(1, fraction) * 100)
          + "%";
    }

    private static String mb(long bytes) {
      return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
    }
  }
}

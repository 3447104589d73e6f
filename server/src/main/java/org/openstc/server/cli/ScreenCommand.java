package org.openstc.server.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openstc.screening.matching.BatchScreener;
import org.openstc.screening.matching.ScoringMode;
import org.openstc.screening.matching.Screener;
import org.openstc.screening.matching.ScreeningOptions;
import org.openstc.screening.watchlist.ListedEntity;
import org.openstc.screening.watchlist.ReadSummary;
import org.openstc.screening.watchlist.WatchlistFormatException;
import org.openstc.screening.watchlist.WatchlistReaders;
import org.openstc.server.lists.Watchlists;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code stc screen}: screens a CSV or JSON-lines file of parties against list files or the lists
 * stored in the database, writing one CSV row per hit to stdout.
 */
@Command(
    name = "screen",
    mixinStandardHelpOptions = true,
    description =
        "Screen a CSV (header id,name[,type,birth_date,country]) or JSON-lines file against list"
            + " files (--list, any format, format detected; a folder holding an OFAC CSV set is one"
            + " list) or, without --list, the active lists in the database. Writes CSV"
            + " query_id,query_name,score,list,entity_id,entity_name,matched_name to stdout;"
            + " progress and a summary go to stderr.")
final class ScreenCommand implements Runnable {

  @Mixin DatabaseOptions database;

  @Option(names = "--list", paramLabel = "FILE", description = "A list file or folder (repeatable)")
  List<Path> lists = new ArrayList<>();

  @Option(
      names = "--threshold",
      paramLabel = "SCORE",
      defaultValue = "0.80",
      description = "Lowest score reported (default 0.80)")
  double threshold;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "5",
      description = "Most hits per query (default 5)")
  int limit;

  @Option(
      names = "--mode",
      paramLabel = "MODE",
      defaultValue = "graded",
      description = "graded (default) or ofac (reproduces OFAC Sanctions List Search scores)")
  String mode;

  @Parameters(
      index = "0",
      paramLabel = "INPUT",
      description = "CSV or JSON-lines file, or - for stdin")
  String input;

  @Override
  public void run() {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new CliException("--threshold must be in (0, 1]");
    }
    if (limit < 1) {
      throw new CliException("--limit must be at least 1");
    }
    ScoringMode scoring =
        switch (mode.toLowerCase(Locale.ROOT)) {
          case "graded" -> ScoringMode.GRADED;
          case "ofac" -> ScoringMode.OFAC;
          default -> throw new CliException("--mode must be graded or ofac");
        };
    Path inputPath = input.equals("-") ? null : Path.of(input);
    if (inputPath != null && !Files.isRegularFile(inputPath)) {
      throw new CliException("no such input file: " + input);
    }
    List<ListedEntity> entities = lists.isEmpty() ? fromDatabase() : fromFiles();
    long t = System.nanoTime();
    Screener screener = Screener.build(entities);
    System.err.printf(
        Locale.ROOT,
        "stc: index of %,d entities (%,d names) built in %.1f s%n",
        screener.size(),
        screener.nameCount(),
        (System.nanoTime() - t) / 1e9);
    long total = inputPath == null ? 0 : countRows(inputPath);
    ProgressBar bar = new ProgressBar(System.err, "names", total);
    List<String> errors = new ArrayList<>();
    try (Reader in =
            inputPath == null
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(inputPath, StandardCharsets.UTF_8);
        BufferedWriter out =
            new BufferedWriter(
                new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)) {
      BatchScreener.Summary summary =
          new BatchScreener(
                  screener,
                  ScreeningOptions.DEFAULTS
                      .withThreshold(threshold)
                      .withLimit(limit)
                      .withMode(scoring))
              .screen(
                  in,
                  out,
                  (queries, hits) ->
                      bar.update(queries, String.format(Locale.ROOT, "%,d hits", hits)),
                  e -> errors.add(e.toString()));
      out.flush();
      bar.finish(
          summary.queries() + summary.badRows(),
          String.format(Locale.ROOT, "%,d hits", summary.hits()));
      errors.stream().limit(50).forEach(e -> System.err.println("stc: " + e));
      if (errors.size() > 50) {
        System.err.println("stc: ... and " + (errors.size() - 50) + " more bad rows");
      }
      System.err.println("stc: " + summary);
    } catch (IOException e) {
      throw new CliException("cannot read " + input + ": " + e.getMessage());
    }
  }

  private List<ListedEntity> fromFiles() {
    List<ListedEntity> entities = new ArrayList<>();
    for (Path list : lists) {
      long t = System.nanoTime();
      try {
        ReadSummary summary = WatchlistReaders.read(list, entities::add);
        System.err.printf(
            Locale.ROOT,
            "stc: read %,d entities from %s (%s) in %.1f s%n",
            summary.entities(),
            list,
            summary.format(),
            (System.nanoTime() - t) / 1e9);
      } catch (WatchlistFormatException e) {
        throw new CliException(e.getMessage());
      } catch (UncheckedIOException e) {
        throw new CliException("cannot read " + list + ": " + e.getMessage());
      }
    }
    return entities;
  }

  private List<ListedEntity> fromDatabase() {
    try (ConfigurableApplicationContext context = database.startWithoutWeb()) {
      List<ListedEntity> entities = context.getBean(Watchlists.class).activeEntities();
      if (entities.isEmpty()) {
        throw new CliException(
            "no list is loaded in the database; import one with ./stc lists import FILE, or pass"
                + " --list FILE");
      }
      System.err.printf(
          Locale.ROOT,
          "stc: %,d entities from the active lists in the database%n",
          entities.size());
      return entities;
    }
  }

  private static long countRows(Path file) {
    try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
      return Math.max(0, lines.filter(l -> !l.isBlank()).count() - 1);
    } catch (IOException | UncheckedIOException e) {
      return 0; // unknown total: the bar shows a count only
    }
  }
}

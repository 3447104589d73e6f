package org.openstc.screening.matching;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openstc.screening.watchlist.ListedEntity;

/**
 * Single-thread screening throughput on UN + OFAC SDN 2021 + OFAC non-SDN, with mixed queries (one
 * UN positive for every four synthetic negatives), at list size x1, x4 and x16. Run with {@code
 * java -cp <test classpath> org.openstc.screening.matching.ScreenerBenchmark [dataDir]}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx2g"})
@Threads(1)
public class ScreenerBenchmark {

  @Param({"1", "4", "16"})
  public int copies;

  /** How the copies differ: recombined words (new names) or one letter per word (worst case). */
  @Param({"recombined", "near-duplicate"})
  public String kind;

  @Param({"../shared/data"})
  public String data;

  private Screener screener;
  private List<ScreeningQuery> queries;
  private int next;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    Path dir = Path.of(data);
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("shared data not found at " + dir.toAbsolutePath());
    }
    List<ListedEntity> all = new ArrayList<>();
    all.addAll(MatchingEvaluation.load(dir.resolve("sanctions/un/consolidated-2026-02-27.xml")));
    all.addAll(MatchingEvaluation.load(dir.resolve("sanctions/ofac/sdn-2021-07-07")));
    all.addAll(MatchingEvaluation.load(dir.resolve("sanctions/ofac/cons-2025-12-19")));
    screener =
        Screener.build(
            kind.equals("near-duplicate")
                ? MatchingEvaluation.SyntheticLists.copies(all, copies)
                : MatchingEvaluation.SyntheticLists.recombined(all, copies));
    Path m = dir.resolve("matching");
    queries =
        MatchingEvaluation.mixed(
            MatchingEvaluation.people(m.resolve("yente-positives_un_untreated.csv"), 0),
            MatchingEvaluation.people(m.resolve("yente-positives_un_treated.csv"), 0),
            MatchingEvaluation.people(m.resolve("yente-negatives_global.csv"), 20_000));
  }

  @Benchmark
  public List<ScreeningHit> screen() {
    ScreeningQuery q = queries.get(next);
    next = next + 1 == queries.size() ? 0 : next + 1;
    return screener.screen(q);
  }

  public static void main(String[] args) throws Exception {
    OptionsBuilder options = new OptionsBuilder();
    options.include(ScreenerBenchmark.class.getSimpleName());
    if (args.length > 0) {
      options.param("data", args[0]);
    }
    if (args.length > 1) {
      options.param("copies", args[1].split(","));
    }
    if (args.length > 2) {
      options.param("kind", args[2].split(","));
    }
    new Runner(options.build()).run();
  }
}

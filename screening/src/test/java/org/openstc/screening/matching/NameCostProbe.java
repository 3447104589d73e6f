package org.openstc.screening.matching;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openstc.screening.watchlist.ListedEntity;

/**
 * What each name of a load-test name file costs the engine, single-threaded, on the lists the
 * screening API load test serves (UN + OFAC SDN 2021 + OFAC non-SDN + CSL 2022): the best of seven
 * rounds of 1,000 calls per name after a warm-up, so that the figures say where the engine's time
 * goes rather than how busy the machine is. Run with {@code java -cp <test classpath>
 * org.openstc.screening.matching.NameCostProbe [dataDir] [namesFile]}.
 */
public final class NameCostProbe {

  private NameCostProbe() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args.length > 0 ? args[0] : "../../shared/data");
    Path namesFile = Path.of(args.length > 1 ? args[1] : "../bench/names.txt");
    List<ListedEntity> all = new ArrayList<>();
    for (String list :
        List.of(
            "sanctions/un/consolidated-2026-02-27.xml",
            "sanctions/ofac/sdn-2021-07-07",
            "sanctions/ofac/cons-2025-12-19",
            "sanctions/csl/consolidated-2022-05-16.csv.gz")) {
      all.addAll(MatchingEvaluation.load(data.resolve(list)));
    }
    Screener screener = Screener.build(all);
    List<String> names = new ArrayList<>();
    for (String line : Files.readAllLines(namesFile, StandardCharsets.UTF_8)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        names.add(line.strip());
      }
    }
    ScreeningOptions options = screener.defaults();
    for (int round = 0; round < 3_000; round++) {
      for (String name : names) {
        screener.screen(ScreeningQuery.ofName(name), options);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%d entities, %d names, threshold %.2f%n",
        all.size(),
        names.size(),
        options.threshold());
    double total = 0;
    for (String name : names) {
      ScreeningQuery query = ScreeningQuery.ofName(name);
      double best = Double.MAX_VALUE;
      int hits = 0;
      for (int round = 0; round < 7; round++) {
        long start = System.nanoTime();
        for (int i = 0; i < 1_000; i++) {
          hits = screener.screen(query, options).size();
        }
        best = Math.min(best, (System.nanoTime() - start) / 1e3 / 1_000);
      }
      total += best;
      System.out.printf(Locale.ROOT, "%8.1f µs  %2d hits  %s%n", best, hits, name);
    }
    System.out.printf(Locale.ROOT, "mean %.1f µs per query%n", total / names.size());
  }
}

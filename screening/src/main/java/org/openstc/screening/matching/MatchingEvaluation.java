package org.openstc.screening.matching;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.openstc.screening.watchlist.BirthDate;
import org.openstc.screening.watchlist.EntityId;
import org.openstc.screening.watchlist.EntityType;
import org.openstc.screening.watchlist.Gender;
import org.openstc.screening.watchlist.ListedEntity;
import org.openstc.screening.watchlist.Name;
import org.openstc.screening.watchlist.WatchlistReaders;

/**
 * Prints every accuracy and speed figure of the screening engine from the shared data folder: name
 * bench P/R/F1, OFAC-mode agreement, UN positives recall, alert rate on the negatives, index build
 * time and heap, single-thread throughput and its scaling with list size. Plain Java, so the CLI
 * ({@code stc eval-matching --data DIR}) and a {@code main} can both call it.
 */
public final class MatchingEvaluation {

  private final Path data;
  private final PrintStream out;

  public MatchingEvaluation(Path data, PrintStream out) {
    this.data = data;
    this.out = out;
  }

  /** Runs with the shared data folder given as first argument (default ../shared/data). */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data");
    boolean quick = args.length > 1 && args[1].equals("--quick");
    new MatchingEvaluation(dir, System.out).run(quick);
  }

  /** Runs everything; {@code quick} samples the negatives (5,000 each) and skips scaling. */
  public void run(boolean quick) throws IOException {
    Path matching = data.resolve("matching");
    out.println("== Name bench (" + matching.resolve("nomenklatura-name-bench-cases.csv") + ")");
    NameBench.Result bench =
        new NameBench().run(matching.resolve("nomenklatura-name-bench-cases.csv"));
    bench.points().forEach(p -> out.println("  " + p));
    out.println("  best " + bench.best());

    out.println("== OFAC-compatible mode (ofac-search-fixtures.csv, within ±5 points)");
    OfacFixtures.Result ofacResult =
        new OfacFixtures().run(matching.resolve("ofac-search-fixtures.csv"), 5);
    out.printf(
        Locale.ROOT,
        "  agreement %.1f%% of %d rows%n",
        ofacResult.agreement() * 100,
        ofacResult.rows().size());

    long t0 = System.nanoTime();
    List<ListedEntity> un = load(data.resolve("sanctions/un/consolidated-2026-02-27.xml"));
    List<ListedEntity> sdn = load(data.resolve("sanctions/ofac/sdn-2021-07-07"));
    List<ListedEntity> cons = load(data.resolve("sanctions/ofac/cons-2025-12-19"));
    long t1 = System.nanoTime();
    out.printf(
        Locale.ROOT,
        "== Lists: UN %d, OFAC SDN 2021 %d, OFAC non-SDN %d entities (read in %.2f s)%n",
        un.size(),
        sdn.size(),
        cons.size(),
        (t1 - t0) / 1e9);
    List<ListedEntity> all = new ArrayList<>(un);
    all.addAll(sdn);
    all.addAll(cons);

    double threshold = ScreeningOptions.DEFAULT_THRESHOLD;
    Screener unOnly = Screener.build(un);
    List<ScreeningQuery> untreated =
        people(matching.resolve("yente-positives_un_untreated.csv"), 0);
    List<ScreeningQuery> treated = people(matching.resolve("yente-positives_un_treated.csv"), 0);
    out.printf(Locale.ROOT, "== UN positives against the UN list, threshold %.2f%n", threshold);
    out.printf(
        Locale.ROOT,
        "  untreated recall %.4f (%d queries)%n",
        hitRate(unOnly, untreated),
        untreated.size());
    out.printf(
        Locale.ROOT,
        "  treated   recall %.4f (%d queries)%n",
        hitRate(unOnly, treated),
        treated.size());

    System.gc();
    long heapBefore = usedHeap();
    long p0 = processCpu();
    long b0 = System.nanoTime();
    Screener full = Screener.build(all);
    long b1 = System.nanoTime();
    long p1 = processCpu();
    long heapAfter = usedHeap();
    out.printf(
        Locale.ROOT,
        "== Index UN + SDN 2021 + non-SDN: %d entities, %d names, build %.2f s (%.2f s CPU, all"
            + " threads), retained heap ~%d MB%n",
        full.size(),
        full.nameCount(),
        (b1 - b0) / 1e9,
        (p1 - p0) / 1e9,
        Math.max(0, heapAfter - heapBefore) / (1024 * 1024));
    // A second build: the first one includes loading ICU's transliterators and JIT warm-up.
    p0 = processCpu();
    b0 = System.nanoTime();
    Screener rebuilt = Screener.build(all);
    out.printf(
        Locale.ROOT,
        "  rebuild (list update, warm JVM): %.2f s (%.2f s CPU)%n",
        (System.nanoTime() - b0) / 1e9,
        (processCpu() - p0) / 1e9);

    int sample = quick ? 5000 : 0;
    for (String file : List.of("yente-negatives_global.csv", "yente-negatives_us.csv")) {
      List<ScreeningQuery> negatives = people(matching.resolve(file), sample);
      long n0 = System.nanoTime();
      int alerts = 0;
      for (ScreeningQuery q : negatives) {
        if (!full.screen(q).isEmpty()) {
          alerts++;
        }
      }
      long n1 = System.nanoTime();
      out.printf(
          Locale.ROOT,
          "  %s: alert rate %.3f%% (%d of %d), %.0f queries/s%n",
          file,
          100.0 * alerts / negatives.size(),
          alerts,
          negatives.size(),
          negatives.size() / ((n1 - n0) / 1e9));
    }

    List<ScreeningQuery> mixed =
        mixed(untreated, treated, people(matching.resolve("yente-negatives_global.csv"), 20000));
    out.println("== Single-thread throughput, mixed positive/negative queries");
    out.printf(
        Locale.ROOT, "  x1  (%d entities): %s%n", rebuilt.size(), throughput(rebuilt, mixed));
    if (!quick) {
      for (boolean nearDuplicates : new boolean[] {false, true}) {
        out.println(
            nearDuplicates
                ? "  near-duplicate copies (one letter changed per word: every copy of a matching"
                    + " name is a candidate, the worst case):"
                : "  recombined copies (names made of other entities' words: a longer list of"
                    + " new names over the same vocabulary):");
        for (int copies : new int[] {4, 16}) {
          List<ListedEntity> scaled =
              nearDuplicates
                  ? SyntheticLists.copies(all, copies)
                  : SyntheticLists.recombined(all, copies);
          long s0 = System.nanoTime();
          Screener big = Screener.build(scaled);
          long s1 = System.nanoTime();
          out.printf(
              Locale.ROOT,
              "  x%-2d (%d entities, build %.2f s): %s%n",
              copies,
              big.size(),
              (s1 - s0) / 1e9,
              throughput(big, mixed));
        }
      }
    }
  }

  static List<ListedEntity> load(Path path) {
    List<ListedEntity> list = new ArrayList<>();
    WatchlistReaders.read(path, list::add);
    return list;
  }

  private static long processCpu() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }

  private static long usedHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  /** Share of queries with at least one hit: recall on positives, alert rate on negatives. */
  static double hitRate(Screener screener, List<ScreeningQuery> queries) {
    int found = 0;
    for (ScreeningQuery q : queries) {
      if (!screener.screen(q).isEmpty()) {
        found++;
      }
    }
    return queries.isEmpty() ? 0 : found / (double) queries.size();
  }

  /** Queries per second, wall clock and thread CPU time, first pass (cold caches) and steady. */
  record Throughput(double coldWall, double warmWall, double warmCpu) {
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%.0f queries/s (thread CPU time %.0f/s; first pass with cold caches %.0f/s)",
          warmWall,
          warmCpu,
          coldWall);
    }
  }

  static Throughput throughput(Screener screener, List<ScreeningQuery> queries) {
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long t0 = System.nanoTime();
    for (ScreeningQuery q : queries) {
      screener.screen(q);
    }
    double cold = queries.size() / ((System.nanoTime() - t0) / 1e9);
    for (ScreeningQuery q : queries) {
      screener.screen(q);
    }
    long c0 = mx.getCurrentThreadCpuTime();
    t0 = System.nanoTime();
    int n = 0;
    while (System.nanoTime() - t0 < 10_000_000_000L) {
      for (ScreeningQuery q : queries) {
        screener.screen(q);
        n++;
      }
    }
    double wall = n / ((System.nanoTime() - t0) / 1e9);
    double cpu = n / ((mx.getCurrentThreadCpuTime() - c0) / 1e9);
    return new Throughput(cold, wall, cpu);
  }

  /** Interleaves positives and negatives, one positive for every four negatives. */
  static List<ScreeningQuery> mixed(
      List<ScreeningQuery> a, List<ScreeningQuery> b, List<ScreeningQuery> negatives) {
    List<ScreeningQuery> out = new ArrayList<>();
    List<ScreeningQuery> positives = new ArrayList<>(a);
    positives.addAll(b);
    int p = 0;
    for (int i = 0; i < negatives.size(); i++) {
      if (i % 4 == 0 && !positives.isEmpty()) {
        out.add(positives.get(p++ % positives.size()));
      }
      out.add(negatives.get(i));
    }
    return out;
  }

  /** Reads a yente people file ({@code full_name,...,gender,date_of_birth,...,nationality}). */
  static List<ScreeningQuery> people(Path csv, int limit) throws IOException {
    List<ScreeningQuery> out = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      for (CSVRecord rec :
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        String name = rec.get("full_name");
        if (name == null || name.isBlank()) {
          continue;
        }
        BirthDate dob = null;
        String d = rec.get("date_of_birth");
        if (d != null && !d.isBlank()) {
          BirthDate parsed = BirthDate.parse(d);
          dob = parsed.earliest() == null ? null : parsed;
        }
        out.add(
            new ScreeningQuery(
                name,
                EntityType.PERSON,
                dob,
                rec.get("nationality"),
                Gender.parse(rec.get("gender")),
                List.of()));
        if (limit > 0 && out.size() >= limit) {
          break;
        }
      }
    }
    return out;
  }

  /** Synthetic list copies for the scaling measurement. */
  static final class SyntheticLists {
    private SyntheticLists() {}

    /**
     * The list plus {@code copies - 1} copies whose names are new combinations of the list's own
     * words: each name keeps its first word and takes the rest from another entity's name of the
     * same type, so the vocabulary stays and the number of names grows.
     */
    static List<ListedEntity> recombined(List<ListedEntity> list, int copies) {
      List<ListedEntity> out = new ArrayList<>(list.size() * copies);
      out.addAll(list);
      int n = list.size();
      for (int k = 1; k < copies; k++) {
        for (int e = 0; e < n; e++) {
          ListedEntity en = list.get(e);
          ListedEntity donor = list.get((int) ((e * 7919L + k * 104729L) % n));
          ListedEntity.Builder b =
              ListedEntity.builder(EntityId.of(en.id().value() + "~r" + k), en.type(), en.source());
          b.name(recombine(en.name().full(), donor.name().full()));
          en.birthDates().forEach(b::birthDate);
          en.nationalities().forEach(b::nationality);
          out.add(b.build());
        }
      }
      return out;
    }

    private static String recombine(String a, String b) {
      String[] wa = a.replace(",", "").split("\\s+");
      String[] wb = b.replace(",", "").split("\\s+");
      StringBuilder sb = new StringBuilder(wa[0]);
      for (int i = 1; i < Math.max(2, wb.length); i++) {
        sb.append(' ').append(wb[Math.min(i, wb.length - 1)]);
      }
      return sb.toString();
    }

    /** The list plus {@code copies - 1} copies whose names have one letter changed per word. */
    static List<ListedEntity> copies(List<ListedEntity> list, int copies) {
      List<ListedEntity> out = new ArrayList<>(list.size() * copies);
      out.addAll(list);
      for (int k = 1; k < copies; k++) {
        for (ListedEntity e : list) {
          ListedEntity.Builder b =
              ListedEntity.builder(EntityId.of(e.id().value() + "~" + k), e.type(), e.source());
          b.name(mutate(e.name().full(), k));
          for (Name a : e.aliases()) {
            b.alias(
                new Name(
                    mutate(a.full(), k), a.strength(), a.kind(), a.script(), a.language(), null));
          }
          e.birthDates().forEach(b::birthDate);
          e.nationalities().forEach(b::nationality);
          out.add(b.build());
        }
      }
      return out;
    }

    private static String mutate(String name, int k) {
      StringBuilder sb = new StringBuilder(name);
      int wordStart = 0;
      for (int i = 0; i <= sb.length(); i++) {
        if (i == sb.length() || !Character.isLetter(sb.charAt(i))) {
          int len = i - wordStart;
          if (len >= 4) {
            int pos = wordStart + 1 + (k * 7) % (len - 1);
            char c = sb.charAt(pos);
            char r = (char) ('a' + (c + k * 11) % 26);
            sb.setCharAt(pos, Character.isUpperCase(c) ? Character.toUpperCase(r) : r);
          }
          wordStart = i + 1;
        }
      }
      return sb.toString();
    }
  }
}

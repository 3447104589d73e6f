package org.openstc.server.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openstc.screening.watchlist.WatchlistReaders;
import org.openstc.server.TestDatabase;
import org.openstc.server.audit.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Measures importing UN + OFAC SDN (2021 set) + OFAC non-SDN + CSL 2022 end to end through the
 * service: parse only, then parse + store + delta + activate. Not collected by the normal test run
 * (its name does not end in Test); run it by name, figures in docs/PERFORMANCE.md; a full import
 * and a re-import of changed content.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = "stc.lists.update.enabled=false")
class ListImportBenchmark {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase.register(registry, "listperf");
  }

  @Autowired WatchlistImports imports;

  @Test
  void fourOfficialListsImportQuickly() {
    List<Path> files =
        List.of(
            ListFixtures.sanctions("un/consolidated-2026-02-27.xml"),
            ListFixtures.sanctions("ofac/sdn-2021-07-07"),
            ListFixtures.sanctions("ofac/cons-2025-12-19"),
            ListFixtures.sanctions("csl/consolidated-2022-05-16.csv.gz"));
    // Warm-up of the readers (JIT), as a long-running server would be.
    files.forEach(f -> WatchlistReaders.read(f, e -> {}));

    long parseStart = System.nanoTime();
    int[] parsed = {0};
    files.forEach(f -> WatchlistReaders.read(f, e -> parsed[0]++));
    Duration parseOnly = Duration.ofNanos(System.nanoTime() - parseStart);

    // First round: a cold import into the official sources; second round: the same files into
    // fresh sources with warm code, as a long-running server's daily update would be.
    int stored = 0;
    for (String round : List.of("cold", "warm")) {
      long start = System.nanoTime();
      Duration readInImport = Duration.ZERO;
      stored = 0;
      for (Path file : files) {
        String source =
            round.equals("cold")
                ? null
                : "perf-"
                    + file.getFileName().toString().toLowerCase().replaceAll("[^a-z0-9]", "-");
        ImportOutcome outcome =
            imports.importFile(file, source, new Actor("perf", null), ImportProgress.NONE);
        assertThat(outcome).as(outcome.describe()).isInstanceOf(ImportOutcome.Imported.class);
        ImportOutcome.Imported done = (ImportOutcome.Imported) outcome;
        readInImport = readInImport.plus(done.readTime());
        stored += done.version().entityCount();
        System.out.println(
            "[perf] "
                + round
                + " "
                + outcome.describe()
                + ", read "
                + done.readTime().toMillis()
                + " ms");
      }
      Duration total = Duration.ofNanos(System.nanoTime() - start);
      System.out.printf(
          "[perf] %s: %d entities: parse only %d ms; import (parse+store+delta+activate) %d ms,"
              + " of which reading %d ms%n",
          round, stored, parseOnly.toMillis(), total.toMillis(), readInImport.toMillis());
    }
    assertThat(stored).isEqualTo(parsed[0]);

    // A daily update: successive versions of one list, most entities unchanged.
    for (String day : List.of("2024-04-26", "2024-05-02", "2024-05-03")) {
      ImportOutcome outcome =
          imports.importFile(
              ListFixtures.sanctions("ofac/sdn-" + day + ".csv"),
              "perf-sdn-2024",
              new Actor("perf", null),
              ImportProgress.NONE);
      assertThat(outcome).isInstanceOf(ImportOutcome.Imported.class);
      System.out.println(
          "[perf] update "
              + day
              + ": "
              + outcome.describe()
              + ", read "
              + ((ImportOutcome.Imported) outcome).readTime().toMillis()
              + " ms");
    }
    assertThat(parseOnly).isLessThan(Duration.ofSeconds(10));
  }
}

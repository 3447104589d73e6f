package org.openstc.server.lists.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openstc.screening.watchlist.ListedEntity;
import org.openstc.screening.watchlist.WatchlistReaders;

/** The stored JSON form reads back equal to what was written, for every real list entity. */
class EntityJsonTest {

  private final EntityJson json = new EntityJson();

  @Test
  void cslEntitiesSurviveTheRoundTrip() {
    Path csl =
        Path.of(
            System.getProperty("openstc.shared.data", "../../shared/data"),
            "sanctions/csl/consolidated-2022-05-16.csv.gz");
    Assumptions.assumeTrue(Files.exists(csl));
    List<ListedEntity> entities = new ArrayList<>();
    WatchlistReaders.read(csl, entities::add);
    for (int round = 0; round < 3; round++) {
      long t0 = System.nanoTime();
      entities.forEach(ListedEntity::fingerprint);
      long t1 = System.nanoTime();
      List<String> written = entities.stream().map(json::write).toList();
      long t2 = System.nanoTime();
      List<ListedEntity> read = written.stream().map(json::read).toList();
      long t3 = System.nanoTime();
      System.out.printf(
          "[perf] %d entities: fingerprint %d ms, write %d ms, read %d ms, %d chars%n",
          entities.size(),
          (t1 - t0) / 1_000_000,
          (t2 - t1) / 1_000_000,
          (t3 - t2) / 1_000_000,
          written.stream().mapToInt(String::length).sum());
      assertThat(read).isEqualTo(entities);
    }
  }
}

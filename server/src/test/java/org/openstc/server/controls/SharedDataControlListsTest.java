package org.openstc.server.controls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openstc.controls.determination.Determination;
import org.openstc.controls.determination.DeterminationRequest;
import org.openstc.controls.determination.Outcome;
import org.openstc.controls.list.ControlListVersion;
import org.openstc.controls.list.ListDiff;
import org.openstc.server.TestDatabase;
import org.openstc.server.audit.Actor;
import org.openstc.server.controls.internal.ControlListStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real public lists of {@code ../shared/data} imported into the server: the EU Annex I JSON and
 * the US CCL in both its JSON and official eCFR XML forms; skipped when the folder is absent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class SharedDataControlListsTest {

  private static final Path shared = sharedFolder();
  private static Path dataDir;

  private static Path sharedFolder() {
    String p = System.getProperty("openstc.shared.data");
    return p == null || p.isBlank() ? null : Path.of(p);
  }

  @BeforeAll
  static void sharedData() {
    Assumptions.assumeTrue(
        shared != null && Files.isDirectory(shared.resolve("controllists")),
        "shared data folder absent");
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws IOException {
    TestDatabase.register(registry, "controlsshared");
    dataDir = Files.createTempDirectory("openstc-controls-shared");
    registry.add("stc.data-dir", dataDir::toString);
    // Nothing from the shared folder directly: everything the US rules need is imported.
    registry.add("stc.controls.shared-data", () -> "none");
  }

  @Autowired ControlListCatalogue catalogue;
  @Autowired ControlListStore store;

  private ImportedVersion importFile(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return catalogue.importList(
          in, file.getFileName().toString(), null, null, new Actor("test", null));
    }
  }

  @Test
  void realListsImportSearchDiffAndDetermine() throws Exception {
    Path dir = shared.resolve("controllists");
    assertThat(catalogue.referenceData().chart()).isNull();
    long start = System.nanoTime();
    ImportedVersion eu = importFile(dir.resolve("eu-dual-use-annex-i-02021R0821-20251115.json"));
    ImportedVersion ccl = importFile(dir.resolve("us-ear-ccl-2026-07-23.json"));
    ImportedVersion ecfr =
        importFile(dir.resolve("ecfr").resolve("title-15-part-774-2026-09-01.xml"));
    ImportedVersion chart =
        importFile(dir.resolve("ecfr").resolve("title-15-part-738-2026-09-01.xml"));
    ImportedVersion groups =
        importFile(dir.resolve("ecfr").resolve("title-15-part-740-2026-09-01.supp1-excerpt.xml"));
    long importMs = (System.nanoTime() - start) / 1_000_000;
    assertThat(chart.kind()).isEqualTo(ControlListKind.ECFR_738);
    assertThat(chart.entryCount()).isGreaterThan(150);
    assertThat(groups.kind()).isEqualTo(ControlListKind.ECFR_740);

    assertThat(eu.kind()).isEqualTo(ControlListKind.EU_ANNEX_I);
    assertThat(eu.label()).isEqualTo("EU-ANNEX-I@2025-11-15");
    assertThat(ccl.kind()).isEqualTo(ControlListKind.US_CCL_JSON);
    assertThat(ecfr.kind()).isEqualTo(ControlListKind.ECFR_774);
    assertThat(ecfr.validFrom()).hasToString("2026-09-01");
    assertThat(store.entryCount(eu.id())).isEqualTo(eu.entryCount()).isGreaterThan(1000);
    assertThat(ecfr.checksum()).startsWith("c60be9cd");

    ControlListVersion annex = catalogue.version("EU-ANNEX-I@2025-11-15");
    assertThat(catalogue.search(annex, "sample rate", false, 50))
        .anySatisfy(h -> assertThat(h.code().value()).startsWith("3A"));
    assertThat(catalogue.search(annex, "sample rate", true, 50))
        .extracting(h -> h.code().value())
        .contains("3A001.a.5.a.1");
    assertThat(catalogue.search(annex, "positioning accuracy", false, 50))
        .anySatisfy(h -> assertThat(h.code().value()).startsWith("2B"));

    // The two US sources of nearly the same date: the diff is small against 600+ headings.
    ListDiff us =
        catalogue.diff(
            catalogue.version("US-CCL@2026-07-23"), catalogue.version("US-CCL@2026-09-01"), null);
    assertThat(us.changes()).isNotEmpty();

    long t = System.nanoTime();
    Determination d =
        catalogue.determine(DeterminationRequest.builder().us("3A001.a.1").to("CN").build());
    long firstMs = (System.nanoTime() - t) / 1_000_000;
    assertThat(catalogue.referenceData().loaded()).anyMatch(s -> s.contains("__ecfr-774__"));
    assertThat(d.outcome()).isIn(Outcome.LICENCE_REQUIRED, Outcome.PROHIBITED);
    assertThat(d.cites("742.4")).isTrue();
    Determination eu2b =
        catalogue.determine(DeterminationRequest.builder().eu("2B001").to("JP").build());
    assertThat(eu2b.outcome()).isEqualTo(Outcome.GENERAL_AUTHORISATION);
    assertThat(eu2b.generalAuthorisations()).contains("EU001");
    System.out.printf(
        "import of 3 lists, Country Chart and Groups: %d ms (%d + %d + %d entries); first"
            + " determination after import (reload): %d ms%n",
        importMs, eu.entryCount(), ccl.entryCount(), ecfr.entryCount(), firstMs);
  }
}

package org.openstc.server.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openstc.screening.watchlist.EntityType;
import org.openstc.screening.watchlist.ListedEntity;
import org.openstc.screening.watchlist.WatchlistReaders;
import org.openstc.server.TestDatabase;
import org.openstc.server.audit.Actor;
import org.openstc.server.audit.AuditQuery;
import org.openstc.server.audit.AuditRecord;
import org.openstc.server.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.event.TransactionalEventListener;

/** Importing list files into versions: activation, deltas, and failures that change nothing. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = "stc.lists.update.enabled=false")
@RecordApplicationEvents
class WatchlistImportsTest {

  private static final Actor ANN = new Actor("ann", null);

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase.register(registry, "listimports");
  }

  @Autowired WatchlistImports imports;
  @Autowired Watchlists watchlists;
  @Autowired AuditTrail audit;
  @Autowired ApplicationEvents events;
  @Autowired JdbcClient jdbc;

  private ImportOutcome.Imported imported(String fixture, String source) {
    ImportOutcome outcome =
        imports.importFile(ListFixtures.fixture(fixture), source, ANN, ImportProgress.NONE);
    assertThat(outcome).as(outcome.describe()).isInstanceOf(ImportOutcome.Imported.class);
    return (ImportOutcome.Imported) outcome;
  }

  private ImportOutcome.Failed failed(String fixture, String source) {
    ImportOutcome outcome =
        imports.importFile(ListFixtures.fixture(fixture), source, ANN, ImportProgress.NONE);
    assertThat(outcome).as(outcome.describe()).isInstanceOf(ImportOutcome.Failed.class);
    return (ImportOutcome.Failed) outcome;
  }

  private List<AuditRecord> auditOf(String action) {
    return audit.search(new AuditQuery(null, null, action, null, null, null, null, 0, 100));
  }

  @Test
  void officialSourcesAreRegisteredFromTheCatalogue() {
    assertThat(watchlists.sources())
        .extracting(WatchlistSource::code)
        .contains("un-sc", "us-ofac-sdn", "us-ofac-cons", "us-trade-csl", "eu-fsf", "gb-fcdo");
    WatchlistSource sdn = watchlists.source("us-ofac-sdn");
    assertThat(sdn.official()).isTrue();
    assertThat(sdn.downloadUrls()).hasSize(4);
    assertThat(watchlists.source("us-bis-dpl").enabled()).isFalse();
  }

  @Test
  void secondVersionStoresAddedRemovedAndChangedEntitiesAndIsAnnounced() {
    ImportOutcome.Imported first = imported("own-v1.csv", "acme-own");
    assertThat(first.version().active()).isTrue();
    assertThat(first.version().entityCount()).isEqualTo(3);
    assertThat(first.version().count(EntityType.VESSEL)).isEqualTo(1);
    assertThat(first.version().delta().initial()).isTrue();
    assertThat(first.version().checksum()).hasSize(64);
    assertThat(first.version().importedBy()).isEqualTo("ann");
    assertThat(watchlists.source("acme-own").official()).isFalse();

    ImportOutcome.Imported second = imported("own-v2.csv", "acme-own");
    WatchlistVersion v2 = second.version();
    assertThat(v2.previousVersionId()).isEqualTo(first.version().id());
    assertThat(v2.delta()).isEqualTo(new DeltaSummary(1, 1, 1, 1, false));
    assertThat(watchlists.version(first.version().id()).active()).isFalse();
    // The unchanged entity C-1 shares its stored JSON with the first version.
    assertThat(
            jdbc.sql(
                    "select count(distinct content_hash) from list_entity where version_id in"
                        + " (:a, :b)")
                .param("a", first.version().id())
                .param("b", v2.id())
                .query(Integer.class)
                .single())
        .isEqualTo(5);

    VersionDelta delta = watchlists.delta(v2.id());
    assertThat(delta.added()).extracting(VersionDelta.Entry::entityId).containsExactly("C-4");
    assertThat(delta.removed())
        .extracting(VersionDelta.Entry::name)
        .containsExactly("Acme Shell Ltd");
    assertThat(delta.changed())
        .singleElement()
        .satisfies(c -> {
          assertThat(c.entityId()).isEqualTo("C-3");
          assertThat(c.fields()).containsExactly("aliases", "remarks");
          assertThat(c.changes().getFirst().added())
              .singleElement()
              .asString()
              .contains("Perla Negra");
        });

    assertThat(events.stream(WatchlistVersionActivated.class))
        .filteredOn(e -> e.source().equals("acme-own"))
        .extracting(WatchlistVersionActivated::versionId, WatchlistVersionActivated::delta)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                first.version().id(), new DeltaSummary(3, 0, 0, 0, true)),
            org.assertj.core.groups.Tuple.tuple(v2.id(), new DeltaSummary(1, 1, 1, 1, false)));
    assertThat(watchlists.activeEntities())
        .filteredOn(e -> e.source().equals("acme-own"))
        .extracting(e -> e.id().value())
        .containsExactlyInAnyOrder("C-1", "C-3", "C-4");
    assertThat(auditOf("LIST_VERSION_IMPORTED"))
        .anySatisfy(r -> assertThat(r.objectId()).isEqualTo(String.valueOf(v2.id())));
  }

  /** A listener of another module that fails after the commit. */
  @TestConfiguration
  static class BrokenListener {
    @TransactionalEventListener
    void on(WatchlistVersionActivated event) {
      if (event.source().equals("acme-listener")) {
        throw new IllegalStateException("re-screening broke");
      }
    }
  }

  @Test
  void aListenerFailingAfterTheCommitDoesNotTurnTheImportIntoAFailure() {
    ImportOutcome.Imported imported = imported("own-v1.csv", "acme-listener");
    assertThat(watchlists.source("acme-listener").activeVersionId())
        .isEqualTo(imported.version().id());
    assertThat(watchlists.versions("acme-listener", 10))
        .singleElement()
        .satisfies(v -> assertThat(v.status()).isEqualTo(VersionStatus.IMPORTED));
  }

  @Test
  void theSameFileAgainStoresNothing() {
    ImportOutcome.Imported first = imported("own-v1.csv", "acme-same");
    ImportOutcome again =
        imports.importFile(
            ListFixtures.fixture("own-v1.csv"), "acme-same", ANN, ImportProgress.NONE);
    assertThat(again).isEqualTo(new ImportOutcome.Unchanged("acme-same", first.version().id()));
    assertThat(watchlists.versions("acme-same", 10)).hasSize(1);
  }

  @Test
  void brokenFileIsRecordedAsFailedAndTheActiveVersionStays() {
    ImportOutcome.Imported good = imported("own-v1.csv", "acme-broken");
    ImportOutcome.Failed bad = failed("broken-quote.csv", "acme-broken");

    assertThat(bad.reason()).contains("broken-quote.csv");
    assertThat(bad.keptVersionId()).isEqualTo(good.version().id());
    assertThat(watchlists.source("acme-broken").activeVersionId()).isEqualTo(good.version().id());
    WatchlistVersion attempt = watchlists.version(bad.attemptId());
    assertThat(attempt.status()).isEqualTo(VersionStatus.FAILED);
    assertThat(attempt.entityCount()).isZero();
    assertThat(attempt.error()).contains("broken-quote.csv");
    assertThat(watchlists.entities(good.version().id())).hasSize(3);
    assertThat(watchlists.entities(bad.attemptId())).isEmpty();
    assertThat(auditOf("LIST_IMPORT_FAILED"))
        .anySatisfy(
            r -> assertThat(r.summary()).contains("broken-quote.csv").contains("stays active"));
  }

  @Test
  void truncatedXmlKeepsNothingOfThePartialRead() {
    ImportOutcome.Failed bad = failed("truncated-un.xml", "un-truncated");
    assertThat(bad.reason()).contains("truncated-un.xml");
    assertThat(bad.line()).isPositive();
    assertThat(watchlists.source("un-truncated").activeVersionId()).isNull();
    assertThat(watchlists.versions("un-truncated", 10))
        .allSatisfy(v -> assertThat(v.status()).isEqualTo(VersionStatus.FAILED));
  }

  @Test
  void externalEntitiesAreRefused() {
    ImportOutcome.Failed bad = failed("xxe.xml", "un-xxe");
    assertThat(bad.reason()).containsIgnoringCase("xxe.xml").doesNotContain("root:");
    assertThat(watchlists.source("un-xxe").activeVersionId()).isNull();
  }

  @Test
  void entityExpansionBombIsRefusedWithoutExpanding() {
    ImportOutcome.Failed bad = failed("bomb.xml", "un-bomb");
    assertThat(bad.reason()).contains("bomb.xml").containsIgnoringCase("DOCTYPE");
    assertThat(watchlists.source("un-bomb").activeVersionId()).isNull();
  }

  @Test
  void wrongEncodingIsNamedAndTheActiveVersionStays(@TempDir Path dir) throws Exception {
    ImportOutcome.Imported good = imported("own-v1.csv", "acme-latin1");
    Path latin1 = dir.resolve("latin1.csv");
    Files.write(
        latin1,
        "id,name,type\nC-9,M\u00fcller Maschinenbau GmbH,organisation\n"
            .getBytes(StandardCharsets.ISO_8859_1));
    ImportOutcome outcome = imports.importFile(latin1, "acme-latin1", ANN, ImportProgress.NONE);
    assertThat(outcome).isInstanceOf(ImportOutcome.Failed.class);
    assertThat(((ImportOutcome.Failed) outcome).reason()).contains("latin1.csv");
    assertThat(watchlists.source("acme-latin1").activeVersionId()).isEqualTo(good.version().id());
  }

  @Test
  void unknownFormatIsNamedAndAudited() {
    ImportOutcome.Failed bad = failed("not-a-list.txt", null);
    assertThat(bad.reason()).contains("not-a-list.txt").contains("unknown list format");
    assertThat(auditOf("LIST_IMPORT_FAILED"))
        .anySatisfy(r -> assertThat(r.summary()).contains("not-a-list.txt"));
  }

  @Test
  void anEarlierVersionCanBeActivatedAgain() {
    ImportOutcome.Imported first = imported("own-v1.csv", "acme-back");
    ImportOutcome.Imported second = imported("own-v2.csv", "acme-back");
    WatchlistVersion back = watchlists.activate(first.version().id(), ANN);
    assertThat(back.active()).isTrue();
    assertThat(watchlists.source("acme-back").activeVersionId()).isEqualTo(first.version().id());
    assertThat(events.stream(WatchlistVersionActivated.class))
        .filteredOn(e -> e.source().equals("acme-back"))
        .last()
        .satisfies(e -> {
          assertThat(e.previousVersionId()).isEqualTo(second.version().id());
          assertThat(e.delta()).isEqualTo(new DeltaSummary(1, 1, 1, 1, false));
        });
  }

  @Test
  void disabledSourceLeavesScreeningButKeepsItsVersions() {
    imported("own-v1.csv", "acme-off");
    watchlists.setEnabled("acme-off", false, ANN);
    assertThat(watchlists.activeVersions()).noneMatch(v -> v.source().equals("acme-off"));
    assertThat(watchlists.activeEntities()).noneMatch(e -> e.source().equals("acme-off"));
    assertThat(watchlists.versions("acme-off", 10)).hasSize(1);
    assertThat(auditOf("LIST_SOURCE_DISABLED"))
        .anySatisfy(r -> assertThat(r.objectId()).isEqualTo("acme-off"));
  }

  @Test
  void storedEntitiesReadBackEqualToTheFile() {
    var un = ListFixtures.sanctions("un/consolidated-2026-02-27.xml");
    ImportOutcome outcome = imports.importFile(un, null, ANN, ImportProgress.NONE);
    assertThat(outcome).as(outcome.describe()).isInstanceOf(ImportOutcome.Imported.class);
    WatchlistVersion version = ((ImportOutcome.Imported) outcome).version();
    assertThat(version.source()).isEqualTo("un-sc");
    assertThat(version.count(EntityType.PERSON)).isEqualTo(730);
    assertThat(version.count(EntityType.ORGANISATION)).isEqualTo(273);
    List<ListedEntity> original = WatchlistReaders.snapshot(un).entities();
    assertThat(watchlists.entities(version.id())).containsExactlyInAnyOrderElementsOf(original);
  }
}

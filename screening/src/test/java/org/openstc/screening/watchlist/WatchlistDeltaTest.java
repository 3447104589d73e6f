package org.openstc.screening.watchlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class WatchlistDeltaTest {

  @Test
  void realSdnUpdatesAddThenRemoveEntries() {
    WatchlistSnapshot april =
        WatchlistReaders.snapshot(SharedData.sanctions("ofac/sdn-2024-04-26.csv"));
    WatchlistSnapshot may2 =
        WatchlistReaders.snapshot(SharedData.sanctions("ofac/sdn-2024-05-02.csv"));
    WatchlistSnapshot may3 =
        WatchlistReaders.snapshot(SharedData.sanctions("ofac/sdn-2024-05-03.csv"));

    WatchlistDelta first = WatchlistDelta.between(april, may2);
    assertThat(first.added()).hasSize(305).contains(EntityId.of("46633"), EntityId.of("48321"));
    assertThat(first.removed()).isEmpty();
    assertThat(first.unchanged()).isEqualTo(14668);

    WatchlistDelta second = WatchlistDelta.between(may2, may3);
    assertThat(second.added()).isEmpty();
    assertThat(second.removed())
        .extracting(EntityId::value)
        .containsExactly("38556", "38557", "38558", "38559", "38560", "38563", "38565", "38566");
    // The published sdn.csv rows of the remaining entries are byte-identical between these dates.
    assertThat(second.changed()).isEmpty();
    assertThat(second.summary())
        .isEqualTo("us-ofac-sdn: +0 added, -8 removed, ~0 changed, 14965 unchanged");
  }

  @Test
  void changedEntityReportsWhichFieldsChangedAndHow() {
    ListedEntity before =
        ListedEntity.builder(EntityId.of("7"), EntityType.PERSON, "test")
            .name("DOE, John")
            .alias(Name.alias("JD", NameStrength.WEAK))
            .birthDate(BirthDate.year(1970))
            .programme("SDGT")
            .build();
    ListedEntity after =
        before.toBuilder()
            .alias(Name.alias("JOHNNY", NameStrength.STRONG))
            .programme("IRAN")
            .build();
    ListedEntity other =
        ListedEntity.builder(EntityId.of("8"), EntityType.ORGANISATION, "test")
            .name("ACME")
            .build();
    ListedEntity added =
        ListedEntity.builder(EntityId.of("9"), EntityType.VESSEL, "test").name("SEA").build();

    WatchlistDelta delta =
        WatchlistDelta.between(
            new WatchlistSnapshot("test", ListFormat.PRIVATE_CSV, null, List.of(before, other)),
            new WatchlistSnapshot("test", ListFormat.PRIVATE_CSV, null, List.of(after, added)));

    assertThat(delta.added()).containsExactly(EntityId.of("9"));
    assertThat(delta.removed()).containsExactly(EntityId.of("8"));
    assertThat(delta.changed()).hasSize(1);
    WatchlistDelta.EntityChange change = delta.changed().get(0);
    assertThat(change.fieldNames()).containsExactly("aliases", "programmes");
    assertThat(change.fields().get(0).added()).containsExactly("ALIAS|STRONG|JOHNNY");
    assertThat(change.fields().get(0).removed()).isEmpty();
    assertThat(change.fields().get(1).added()).containsExactly("IRAN");
  }

  @Test
  void reorderedListsKeepTheFingerprintAndAreNoChange() {
    ListedEntity a =
        ListedEntity.builder(EntityId.of("1"), EntityType.PERSON, "test")
            .name("X")
            .alias(Name.alias("A", NameStrength.STRONG))
            .alias(Name.alias("B", NameStrength.STRONG))
            .build();
    ListedEntity b =
        ListedEntity.builder(EntityId.of("1"), EntityType.PERSON, "test")
            .name("X")
            .alias(Name.alias("B", NameStrength.STRONG))
            .alias(Name.alias("A", NameStrength.STRONG))
            .build();

    assertThat(a.fingerprint()).isEqualTo(b.fingerprint()).hasSize(64);
    assertThat(a.fingerprint()).isNotEqualTo(a.toBuilder().remarks("new").build().fingerprint());
    assertThat(
            WatchlistDelta.between(
                    new WatchlistSnapshot("test", ListFormat.PRIVATE_CSV, null, List.of(a)),
                    new WatchlistSnapshot("test", ListFormat.PRIVATE_CSV, null, List.of(b)))
                .isEmpty())
        .isTrue();
  }

  @Test
  void snapshotsOfDifferentSourcesCannotBeCompared() {
    assertThatThrownBy(() ->
            WatchlistDelta.between(
                new WatchlistSnapshot("a", ListFormat.UN_XML, null, List.of()),
                new WatchlistSnapshot("b", ListFormat.UN_XML, null, List.of())))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

package org.openstc.screening.watchlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnXmlReaderTest {

  @Test
  void realUnListYieldsItsIndividualsAndEntitiesWithOriginalScriptNames() {
    WatchlistSnapshot un =
        WatchlistReaders.snapshot(SharedData.sanctions("un/consolidated-2026-02-27.xml"));

    assertThat(un.format()).isEqualTo(ListFormat.UN_XML);
    assertThat(un.source()).isEqualTo(ListSources.UN_SC);
    assertThat(un.publicationDate()).isEqualTo(LocalDate.of(2026, 2, 27));
    assertThat(un.countsByType())
        .isEqualTo(Map.of(EntityType.PERSON, 730, EntityType.ORGANISATION, 273));
    Map<EntityId, ListedEntity> byId = un.byId();

    ListedEntity badege = byId.get(EntityId.of("CDi.001"));
    assertThat(badege.name().full()).isEqualTo("ERIC BADEGE");
    assertThat(badege.name().parts().family()).isEqualTo("BADEGE");
    assertThat(badege.gender()).isEqualTo(Gender.MALE);
    assertThat(badege.listedOn()).isEqualTo(LocalDate.of(2012, 12, 31));
    assertThat(badege.birthDates())
        .extracting(BirthDate::precision)
        .containsExactly(BirthDate.Precision.YEAR);
    assertThat(badege.birthDates().get(0).admitsYear(1971)).isTrue();
    assertThat(badege.nationalities()).extracting(CountryRef::code).containsExactly("CD");
    assertThat(badege.programmes()).containsExactly("DRC");

    long withOriginalScript =
        un.entities().stream()
            .filter(e -> e.aliases().stream().anyMatch(n -> n.kind() == NameKind.ORIGINAL_SCRIPT))
            .count();
    assertThat(withOriginalScript).isGreaterThan(300);
    ListedEntity saddam =
        un.entities().stream()
            .filter(e -> e.aliases().stream().anyMatch(n -> n.full().equals("صدام حسين التكريتي")))
            .findFirst()
            .orElseThrow();
    Name arabic =
        saddam.aliases().stream()
            .filter(n -> n.kind() == NameKind.ORIGINAL_SCRIPT)
            .findFirst()
            .orElseThrow();
    assertThat(arabic.script()).isEqualTo("Arab");

    long weakAliases =
        un.entities().stream().flatMap(e -> e.aliases().stream()).filter(Name::isWeak).count();
    assertThat(weakAliases).isBetween(500L, 615L);
    long passports =
        un.entities().stream()
            .flatMap(e -> e.identifiers(IdentifierType.PASSPORT).stream())
            .count();
    assertThat(passports).isGreaterThan(250);
  }
}

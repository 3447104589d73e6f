package org.openstc.screening.watchlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OfacLegacyCsvReaderTest {

  @Test
  void sdnSetOf2021IsReadAsOneListWithAddressesAliasesAndRemarks() {
    WatchlistSnapshot sdn = WatchlistReaders.snapshot(SharedData.sanctions("ofac/sdn-2021-07-07"));

    assertThat(sdn.format()).isEqualTo(ListFormat.OFAC_LEGACY_CSV);
    assertThat(sdn.source()).isEqualTo(ListSources.OFAC_SDN);
    assertThat(sdn.countsByType())
        .isEqualTo(
            Map.of(
                EntityType.PERSON, 4620,
                EntityType.ORGANISATION, 3673,
                EntityType.VESSEL, 406,
                EntityType.AIRCRAFT, 277));
    Map<EntityId, ListedEntity> byId = sdn.byId();

    ListedEntity bnc = byId.get(EntityId.of("306"));
    assertThat(bnc.name().full()).isEqualTo("BANCO NACIONAL DE CUBA");
    assertThat(bnc.aliases())
        .contains(
            Name.alias("NATIONAL BANK OF CUBA", NameStrength.STRONG),
            Name.alias("BNC", NameStrength.WEAK));
    assertThat(bnc.addresses())
        .extracting(a -> a.country().code())
        .contains("CH", "ES", "JP", "PA");
    assertThat(bnc.programmes()).containsExactly("CUBA");

    ListedEntity artavil = byId.get(EntityId.of("15036"));
    assertThat(artavil.type()).isEqualTo(EntityType.VESSEL);
    assertThat(artavil.identifiers(IdentifierType.IMO))
        .extracting(Identifier::value)
        .containsExactly("9187629");
    assertThat(artavil.identifiers(IdentifierType.MMSI))
        .extracting(Identifier::value)
        .containsExactly("572469210");
    assertThat(artavil.identifiers(IdentifierType.CALL_SIGN))
        .extracting(Identifier::value)
        .containsExactly("T2EU4");
    assertThat(artavil.properties().get("flag")).containsExactly("Iran");
    assertThat(artavil.aliases())
        .filteredOn(n -> n.kind() == NameKind.FORMERLY_KNOWN_AS)
        .extracting(Name::full)
        .contains("ALPHA");

    ListedEntity cifuentes = byId.get(EntityId.of("12300"));
    assertThat(cifuentes.name().parts().family()).isEqualTo("CIFUENTES VILLA");
    assertThat(cifuentes.name().parts().given()).isEqualTo("Jorge Milton");
    assertThat(cifuentes.birthDates()).hasSize(3);
    assertThat(cifuentes.birthDates().get(0).earliest()).hasToString("1965-05-13");
    assertThat(cifuentes.placesOfBirth()).contains("Medellin, Colombia");
    assertThat(cifuentes.identifiers(IdentifierType.PASSPORT))
        .extracting(Identifier::value, i -> i.issuingCountry().code())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("AL720622", "CO"));
    assertThat(cifuentes.identifiers(IdentifierType.NATIONAL_ID)).hasSizeGreaterThanOrEqualTo(3);
    // The remark continues in sdn_comments.csv; the continuation must be joined, not lost.
    assertThat(cifuentes.remarks()).endsWith("Linked To: R D I S.A.");
    assertThat(cifuentes.properties().get("linkedTo"))
        .contains("DESARROLLO MINERO RESPONSABLE C.I. S.A.S.");

    long persons = sdn.countsByType().get(EntityType.PERSON);
    long withGender = sdn.entities().stream().filter(e -> e.gender() != Gender.UNKNOWN).count();
    assertThat(withGender).isGreaterThan(1400).isLessThanOrEqualTo(persons);
  }

  @Test
  void nonSdnSetOf2025HasItsPrimaryRecords() {
    WatchlistSnapshot cons =
        WatchlistReaders.snapshot(SharedData.sanctions("ofac/cons-2025-12-19"));

    assertThat(cons.source()).isEqualTo(ListSources.OFAC_NON_SDN);
    assertThat(cons.size()).isEqualTo(442);
    ListedEntity zahhar = cons.byId().get(EntityId.of("9647"));
    assertThat(zahhar.programmes()).containsExactly("SDGT", "NS-PLC");
    assertThat(zahhar.gender()).isEqualTo(Gender.MALE);
    assertThat(zahhar.birthDates())
        .extracting(BirthDate::precision)
        .containsExactly(BirthDate.Precision.YEAR);
    ListedEntity vtb = cons.byId().get(EntityId.of("17013"));
    assertThat(vtb.identifiers(IdentifierType.SWIFT_BIC))
        .extracting(Identifier::value)
        .contains("VTBRRUMM");
  }

  @Test
  void remarksYieldDatesPlacesIdentifiersAndWeakAliases() {
    String csv =
        "1,\"DOE, John\",\"individual\",\"SDGT] [IRAN\",\"Director\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"
            + "\"DOB circa 1965; alt. DOB 1959 to 1961; POB Tehran, Iran; nationality Iran; citizen Iraq;"
            + " Passport A1234567 (Iran) expires 2030; National ID No. 987-65 (Iran); Gender Male;"
            + " Digital Currency Address - ETH 0xabc123; a.k.a. 'JD'; f.k.a. 'OLD NAME'.\"\r\n";
    List<ListedEntity> out = new ArrayList<>();
    ReadSummary summary =
        WatchlistReaders.read(
            new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
            "sdn.csv",
            null,
            null,
            out::add);

    assertThat(summary.format()).isEqualTo(ListFormat.OFAC_LEGACY_CSV);
    ListedEntity doe = out.get(0);
    assertThat(doe.programmes()).containsExactly("SDGT", "IRAN");
    assertThat(doe.positions()).containsExactly("Director");
    assertThat(doe.birthDates())
        .extracting(BirthDate::precision, BirthDate::approximate)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(BirthDate.Precision.YEAR, true),
            org.assertj.core.groups.Tuple.tuple(BirthDate.Precision.RANGE, false));
    assertThat(doe.placesOfBirth()).containsExactly("Tehran, Iran");
    assertThat(doe.nationalities()).extracting(CountryRef::code).containsExactly("IR");
    assertThat(doe.citizenships()).extracting(CountryRef::code).containsExactly("IQ");
    assertThat(doe.identifiers(IdentifierType.PASSPORT).get(0))
        .extracting(Identifier::value, Identifier::note)
        .containsExactly("A1234567", "expires 2030");
    assertThat(doe.identifiers(IdentifierType.NATIONAL_ID))
        .extracting(Identifier::value)
        .containsExactly("987-65");
    assertThat(doe.identifiers(IdentifierType.CRYPTO_ADDRESS))
        .extracting(Identifier::value)
        .containsExactly("0xabc123");
    assertThat(doe.gender()).isEqualTo(Gender.MALE);
    assertThat(doe.aliases())
        .extracting(Name::full, Name::strength, Name::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("JD", NameStrength.WEAK, NameKind.ALIAS),
            org.assertj.core.groups.Tuple.tuple(
                "OLD NAME", NameStrength.WEAK, NameKind.FORMERLY_KNOWN_AS));
  }

  @Test
  void zipHoldingTheSetIsReadAsTheSet(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    java.nio.file.Path zip = dir.resolve("sdn.zip");
    try (java.util.zip.ZipOutputStream out =
        new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(zip))) {
      put(
          out,
          "SDN/SDN.CSV",
          "7,\"DOE, John\",\"individual\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 1970; a.k.a. \"\r\n");
      put(out, "SDN/ADD.CSV", "7,1,\"1 Main St\",\"Kabul\",\"Afghanistan\",-0- \r\n");
      put(out, "SDN/ALT.CSV", "7,2,\"aka\",\"DOE, Johnny\",-0- \r\n");
      put(out, "SDN/SDN_COMMENTS.CSV", "7,\"'JD'.\"\r\n");
    }

    assertThat(WatchlistReaders.detect(zip)).isEqualTo(ListFormat.OFAC_LEGACY_CSV);
    WatchlistSnapshot sdn = WatchlistReaders.snapshot(zip);
    assertThat(sdn.source()).isEqualTo(ListSources.OFAC_SDN);
    ListedEntity doe = sdn.entities().get(0);
    assertThat(doe.addresses()).extracting(a -> a.country().code()).containsExactly("AF");
    assertThat(doe.aliases())
        .extracting(Name::full, Name::strength)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("DOE, Johnny", NameStrength.STRONG),
            org.assertj.core.groups.Tuple.tuple("JD", NameStrength.WEAK));
  }

  private static void put(java.util.zip.ZipOutputStream out, String name, String content)
      throws java.io.IOException {
    out.putNextEntry(new java.util.zip.ZipEntry(name));
    out.write(content.getBytes(StandardCharsets.UTF_8));
    out.closeEntry();
  }

  @Test
  void rowWithTooFewColumnsNamesFileAndLine() {
    String csv = "1,\"A\",-0- ,\"X\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n2,\"B\",-0- ,\"X\"\n";
    assertThatThrownBy(() ->
            WatchlistReaders.read(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                "sdn.csv",
                ListFormat.OFAC_LEGACY_CSV,
                null,
                e -> {}))
        .isInstanceOf(WatchlistFormatException.class)
        .hasMessageContaining("sdn.csv:2")
        .hasMessageContaining("12 columns");
  }
}

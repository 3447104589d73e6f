package org.openstc.screening.watchlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every reader on the real published files in the shared data folder: counts and spot checks. */
class RealListsTest {

  @Test
  void formatIsDetectedFromContentForEveryRealFile() {
    Map<String, ListFormat> expected =
        Map.ofEntries(
            Map.entry("un/consolidated-2026-02-27.xml", ListFormat.UN_XML),
            Map.entry("ofac/sdn-2021-07-07", ListFormat.OFAC_LEGACY_CSV),
            Map.entry("ofac/sdn-2024-05-03.csv", ListFormat.OFAC_LEGACY_CSV),
            Map.entry("ofac/cons-2025-12-19", ListFormat.OFAC_LEGACY_CSV),
            Map.entry(
                "ofac/advanced-xml/cons_advanced-2020-03-17.xml", ListFormat.OFAC_ADVANCED_XML),
            Map.entry("ofac/classic-xml/consolidated-2024-05-06.xml", ListFormat.OFAC_CLASSIC_XML),
            Map.entry(
                "ofac/enhanced-xml/CONS_ENHANCED-2025-01-10.ZIP", ListFormat.OFAC_ENHANCED_XML),
            Map.entry("ofac/enhanced-xml/irgc-export-2024-08-28.xml", ListFormat.OFAC_ENHANCED_XML),
            Map.entry("csl/consolidated-2022-05-16.csv.gz", ListFormat.CSL_CSV),
            Map.entry("csl/csl-2019-excerpt.csv", ListFormat.CSL_CSV),
            Map.entry("csl/consolidated-sample.csv", ListFormat.CSL_CSV),
            Map.entry("bis/dpl-2021.txt", ListFormat.BIS_DPL_TSV),
            Map.entry("eu/fsf-xml-1.1-sample-2026-08-05.xml", ListFormat.EU_FSF_XML),
            Map.entry("uk/fcdo-sanctions-list-sample-2026-09-10.xml", ListFormat.UK_FCDO_XML));
    expected.forEach((file, format) ->
        assertThat(WatchlistReaders.detect(SharedData.sanctions(file))).as(file).isEqualTo(format));
  }

  @Test
  void ofacClassicXmlNonSdnListOf2024() {
    WatchlistSnapshot cons =
        WatchlistReaders.snapshot(
            SharedData.sanctions("ofac/classic-xml/consolidated-2024-05-06.xml"));

    assertThat(cons.size()).isEqualTo(443);
    assertThat(cons.source()).isEqualTo(ListSources.OFAC_NON_SDN);
    assertThat(cons.publicationDate()).isEqualTo(LocalDate.of(2024, 5, 6));
    ListedEntity haniya = cons.byId().get(EntityId.of("9639"));
    assertThat(haniya.name().full()).isEqualTo("HANIYA, Ismail Abdul Salah");
    assertThat(haniya.name().parts().family()).isEqualTo("HANIYA");
    assertThat(haniya.aliases()).extracting(Name::full).contains("HANIYYA, Ismaeel");
    assertThat(haniya.placesOfBirth()).containsExactly("Shati");
    ListedEntity gazprombank = cons.byId().get(EntityId.of("17016"));
    assertThat(gazprombank.identifiers(IdentifierType.TAX_ID))
        .extracting(Identifier::value, i -> i.issuingCountry().code())
        .containsExactly(tuple("7744001497", "RU"));
    assertThat(gazprombank.properties().get("website")).contains("www.gazprombank.ru");
  }

  @Test
  void ofacEnhancedXmlZippedAsPublishedAndProgramExport() {
    WatchlistSnapshot cons =
        WatchlistReaders.snapshot(
            SharedData.sanctions("ofac/enhanced-xml/CONS_ENHANCED-2025-01-10.ZIP"));
    assertThat(cons.size()).isEqualTo(443);
    assertThat(cons.publicationDate()).isEqualTo(LocalDate.of(2025, 1, 10));
    ListedEntity gazprombank = cons.byId().get(EntityId.of("17016"));
    assertThat(gazprombank.aliases())
        .filteredOn(n -> n.kind() == NameKind.ORIGINAL_SCRIPT)
        .extracting(Name::script)
        .containsOnly("Cyrl");
    assertThat(gazprombank.identifiers(IdentifierType.LEI))
        .extracting(Identifier::value)
        .containsExactly("253400WSS48YWMBUA688");
    assertThat(gazprombank.listedOn()).isEqualTo(LocalDate.of(2014, 7, 16));

    WatchlistSnapshot irgc =
        WatchlistReaders.snapshot(
            SharedData.sanctions("ofac/enhanced-xml/irgc-export-2024-08-28.xml"),
            null,
            ListSources.OFAC_SDN);
    assertThat(irgc.countsByType())
        .isEqualTo(
            Map.of(EntityType.PERSON, 165, EntityType.ORGANISATION, 84, EntityType.AIRCRAFT, 44));
    ListedEntity ebrahimi = irgc.byId().get(EntityId.of("26526"));
    assertThat(ebrahimi.programmes()).containsExactly("IFSR", "IRGC", "SDGT");
    assertThat(ebrahimi.birthDates()).containsExactly(BirthDate.year(1972));
    assertThat(ebrahimi.properties().get("linkedTo")).containsExactly("ANSAR BANK");
  }

  @Test
  void ofacAdvancedXmlResolvesReferencesLocationsDocumentsAndEntries() {
    WatchlistSnapshot cons =
        WatchlistReaders.snapshot(
            SharedData.sanctions("ofac/advanced-xml/cons_advanced-2020-03-17.xml"));

    assertThat(cons.size()).isEqualTo(375);
    assertThat(cons.publicationDate()).isEqualTo(LocalDate.of(2020, 3, 17));
    ListedEntity mansour = cons.byId().get(EntityId.of("9643"));
    assertThat(mansour.type()).isEqualTo(EntityType.PERSON);
    assertThat(mansour.name().full()).isEqualTo("MANSOUR, Yasser Daoud");
    assertThat(mansour.name().parts().given()).isEqualTo("Yasser Daoud");
    assertThat(mansour.birthDates()).containsExactly(BirthDate.year(1967));
    assertThat(mansour.placesOfBirth()).containsExactly("Nablus, West Bank");
    assertThat(mansour.programmes()).containsExactly("NS-PLC");
    assertThat(mansour.listedOn()).isEqualTo(LocalDate.of(2006, 4, 12));
    ListedEntity gazprombank = cons.byId().get(EntityId.of("17016"));
    assertThat(gazprombank.addresses())
        .extracting(a -> a.city(), a -> a.country().code())
        .contains(tuple("Moscow", "RU"));
    assertThat(gazprombank.identifiers(IdentifierType.SWIFT_BIC))
        .extracting(Identifier::value)
        .containsExactly("GAZPRUMM");
    long withDocuments = cons.entities().stream().filter(e -> !e.identifiers().isEmpty()).count();
    assertThat(withDocuments).isGreaterThan(100);
  }

  @Test
  void cslOf2022HasAllRecordsAcrossItsLists() {
    WatchlistSnapshot csl =
        WatchlistReaders.snapshot(SharedData.sanctions("csl/consolidated-2022-05-16.csv.gz"));

    assertThat(csl.size()).isEqualTo(14_160);
    assertThat(csl.countsByType().get(EntityType.PERSON)).isEqualTo(5286);
    ListedEntity sufian = csl.byId().get(EntityId.of("SDN:9935"));
    assertThat(sufian.aliases()).hasSize(14);
    assertThat(sufian.nationalities()).extracting(CountryRef::code).containsExactly("CA", "SD");
    assertThat(sufian.birthDates()).containsExactly(BirthDate.parse("1962-08-06"));
    assertThat(sufian.identifiers(IdentifierType.PASSPORT))
        .extracting(Identifier::value, i -> i.issuingCountry().code())
        .containsExactly(tuple("BC166787", "CA"));
    ListedEntity plant = csl.byId().get(EntityId.of("EL:4398d33e9e93c7477af39f1e0bfffc13ddd47bcc"));
    assertThat(plant.aliases())
        .extracting(Name::full)
        .containsExactly("Open Joint Stock Company 140 Repair Plant", "JSC 140 Repair Plant");
    assertThat(plant.addresses().get(0).country().code()).isEqualTo("BY");
    assertThat(plant.properties().get("list")).containsExactly("EL");

    assertThat(WatchlistReaders.snapshot(SharedData.sanctions("csl/csl-2019-excerpt.csv")).size())
        .isEqualTo(115);
    assertThat(
            WatchlistReaders.snapshot(SharedData.sanctions("csl/consolidated-sample.csv")).size())
        .isEqualTo(13);
  }

  @Test
  void bisDeniedPersonsList() {
    WatchlistSnapshot dpl = WatchlistReaders.snapshot(SharedData.sanctions("bis/dpl-2021.txt"));

    assertThat(dpl.size()).isEqualTo(581);
    ListedEntity ash = dpl.entities().get(0);
    assertThat(ash.name().full()).isEqualTo("I. ASH");
    assertThat(ash.addresses().get(0).city()).isEqualTo("SEAGOVILLE");
    assertThat(ash.addresses().get(0).country().code()).isEqualTo("US");
    assertThat(ash.listedOn()).isEqualTo(LocalDate.of(2003, 6, 19));
    assertThat(ash.properties().get("endDate")).containsExactly("06/29/2056");
  }

  @Test
  void euFinancialSanctionsFileExcerpt() {
    WatchlistSnapshot eu =
        WatchlistReaders.snapshot(SharedData.sanctions("eu/fsf-xml-1.1-sample-2026-08-05.xml"));

    assertThat(eu.size()).isEqualTo(5);
    assertThat(eu.publicationDate()).isEqualTo(LocalDate.of(2026, 8, 5));
    ListedEntity ksm = eu.byId().get(EntityId.of("191"));
    assertThat(ksm.name().full()).isEqualTo("Khalid Sheikh MOHAMMED");
    assertThat(ksm.sourceEntryId()).isEqualTo("EU.3579.2");
    assertThat(ksm.birthDates()).contains(BirthDate.parse("1965-04-14"));
    assertThat(ksm.identifiers(IdentifierType.PASSPORT))
        .extracting(Identifier::value)
        .containsExactly("488555");
    assertThat(ksm.programmes()).containsExactly("TERR");
    ListedEntity jan = eu.byId().get(EntityId.of("521"));
    assertThat(jan.birthDates())
        .extracting(BirthDate::precision, BirthDate::approximate)
        .containsExactly(tuple(BirthDate.Precision.RANGE, true));
    assertThat(jan.citizenships()).extracting(CountryRef::code).containsExactly("AF");
  }

  @Test
  void ukSanctionsListExcerpt() {
    WatchlistSnapshot uk =
        WatchlistReaders.snapshot(
            SharedData.sanctions("uk/fcdo-sanctions-list-sample-2026-09-10.xml"));

    assertThat(uk.size()).isEqualTo(5);
    assertThat(uk.publicationDate()).isEqualTo(LocalDate.of(2026, 9, 10));
    ListedEntity akhund = uk.byId().get(EntityId.of("AFG0006"));
    assertThat(akhund.birthDates())
        .extracting(BirthDate::precision)
        .containsExactly(
            BirthDate.Precision.DAY, BirthDate.Precision.YEAR, BirthDate.Precision.YEAR);
    assertThat(akhund.aliases())
        .filteredOn(n -> n.kind() == NameKind.ORIGINAL_SCRIPT)
        .extracting(Name::full)
        .containsExactly("محمد حسن آخوند");
    assertThat(akhund.titles()).containsExactly("Mullah", "Haji");
    ListedEntity bnk = uk.byId().get(EntityId.of("BEL0107"));
    assertThat(bnk.aliases())
        .extracting(Name::full, Name::strength)
        .containsExactly(
            tuple("BNK UK Limited", NameStrength.STRONG), tuple("BNK", NameStrength.WEAK));
    assertThat(akhund.addresses())
        .extracting(Address::city, a -> a.country().code())
        .containsExactly(tuple("Kabul", "AF"));
    assertThat(bnk.addresses().get(0))
        .extracting(Address::street, Address::region, Address::postalCode)
        .containsExactly("Salatin House, 19 Cedar Road", "Sutton, Surrey", "SM2 5DA");
    assertThat(bnk.properties().get("sanctionsImposed"))
        .containsExactly("Asset freeze", "Director Disqualification Sanction");
    ListedEntity petrel = uk.byId().get(EntityId.of("DPR0075"));
    assertThat(petrel.type()).isEqualTo(EntityType.VESSEL);
    assertThat(petrel.identifiers(IdentifierType.IMO))
        .extracting(Identifier::value)
        .containsExactly("9562233");
  }

  @Test
  void olderSdnSetOf2019IsReadToo() {
    ReadSummary summary =
        WatchlistReaders.read(SharedData.sanctions("ofac/sdn-2019-01-15"), e -> {});
    assertThat(summary.entities()).isGreaterThan(7000);
    assertThat(summary.format()).isEqualTo(ListFormat.OFAC_LEGACY_CSV);
  }
}

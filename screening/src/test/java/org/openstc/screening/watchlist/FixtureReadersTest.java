package org.openstc.screening.watchlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Readers on small fixtures written for these tests, covering fields the real excerpts lack. */
class FixtureReadersTest {

  static Path fixture(String name) {
    try {
      return Path.of(FixtureReadersTest.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void euFixtureCarriesLanguagesWeakAliasesRangesAndDocumentFlags() {
    WatchlistSnapshot eu = WatchlistReaders.snapshot(fixture("eu-fsf-fixture.xml"));

    assertThat(eu.format()).isEqualTo(ListFormat.EU_FSF_XML);
    assertThat(eu.publicationDate()).isEqualTo(LocalDate.of(2026, 1, 15));
    ListedEntity ivanov = eu.byId().get(EntityId.of("9001"));
    assertThat(ivanov.name().full()).isEqualTo("Ivan Petrovich IVANOV");
    assertThat(ivanov.name().parts())
        .isEqualTo(new NameParts("Ivan", "Petrovich", "IVANOV", null, null, "Dr"));
    assertThat(ivanov.aliases())
        .extracting(Name::full, Name::kind, Name::strength, Name::script, Name::language)
        .containsExactly(
            tuple(
                "Иван Петрович Иванов",
                NameKind.ORIGINAL_SCRIPT,
                NameStrength.STRONG,
                "Cyrl",
                "ru"),
            tuple("Vanya", NameKind.ALIAS, NameStrength.WEAK, null, null),
            tuple("Vano", NameKind.ALIAS, NameStrength.WEAK, null, null));
    assertThat(ivanov.titles()).containsExactly("Dr", "Mullah", "Maulavi");
    assertThat(ivanov.properties().get("phone")).containsExactly("+7 495 1", "+7 495 2");
    assertThat(ivanov.identifiers(IdentifierType.TAX_ID).get(0).note())
        .isEqualTo("issued 2001-02-03");
    assertThat(ivanov.gender()).isEqualTo(Gender.MALE);
    assertThat(ivanov.positions()).containsExactly("Deputy Minister", "Adviser");
    assertThat(ivanov.birthDates())
        .containsExactly(
            BirthDate.years(1960, 1962).approximately(),
            BirthDate.month(java.time.YearMonth.of(1961, 7)));
    assertThat(ivanov.placesOfBirth()).containsExactly("Moscow, RUSSIAN FEDERATION");
    assertThat(ivanov.identifiers(IdentifierType.PASSPORT).get(0).note())
        .contains("knownFalse", "Forged");
    assertThat(ivanov.identifiers(IdentifierType.TAX_ID))
        .extracting(Identifier::value)
        .containsExactly("770012345678");
    assertThat(ivanov.addresses().get(0).postalCode()).isEqualTo("125009");
    assertThat(ivanov.properties().get("email")).containsExactly("ivanov@example.org");
    assertThat(ivanov.listedOn()).isEqualTo(LocalDate.of(2020, 3, 1));
    assertThat(ivanov.programmes()).containsExactly("RUS");
    assertThat(ivanov.url()).isEqualTo("https://eur-lex.europa.eu/example");
    ListedEntity holding = eu.byId().get(EntityId.of("9002"));
    assertThat(holding.type()).isEqualTo(EntityType.ORGANISATION);
    assertThat(holding.listedOn()).isEqualTo(LocalDate.of(2021, 5, 5));
    assertThat(holding.identifiers(IdentifierType.SWIFT_BIC))
        .extracting(Identifier::value)
        .containsExactly("FIXTBY2X");
  }

  @Test
  void ukFixtureReadsPartialDatesWeakAliasesAndShips() {
    WatchlistSnapshot uk = WatchlistReaders.snapshot(fixture("uk-fcdo-fixture.xml"));

    ListedEntity petrova = uk.byId().get(EntityId.of("RUS9001"));
    assertThat(petrova.name().full()).isEqualTo("Olga Sergeyevna PETROVA");
    assertThat(petrova.name().parts().family()).isEqualTo("PETROVA");
    assertThat(petrova.birthDates())
        .containsExactly(BirthDate.month(java.time.YearMonth.of(1975, 3)).withRaw("dd/03/1975"));
    assertThat(petrova.aliases())
        .extracting(Name::full, Name::strength, Name::language)
        .containsExactly(
            tuple("Olya", NameStrength.WEAK, null),
            tuple("Ольга Сергеевна Петрова", NameStrength.STRONG, "Russian"));
    assertThat(petrova.gender()).isEqualTo(Gender.FEMALE);
    assertThat(petrova.nationalities()).extracting(CountryRef::code).containsExactly("RU");
    assertThat(petrova.placesOfBirth()).containsExactly("Tula, Russia");
    ListedEntity ship = uk.byId().get(EntityId.of("RUS9002"));
    assertThat(ship.type()).isEqualTo(EntityType.VESSEL);
    assertThat(ship.properties().get("flag")).containsExactly("Gabon");
    assertThat(ship.properties().get("buildDate")).containsExactly("2004");
    assertThat(ship.properties().get("hullIdentificationNumber")).containsExactly("HIN-1");
  }

  @Test
  void cslJsonInTheApiShape() {
    WatchlistSnapshot csl = WatchlistReaders.snapshot(fixture("csl-fixture.json"));

    assertThat(csl.format()).isEqualTo(ListFormat.CSL_JSON);
    assertThat(csl.source()).isEqualTo(ListSources.TRADE_CSL);
    ListedEntity ali = csl.byId().get(EntityId.of("SDN:f1"));
    assertThat(ali.type()).isEqualTo(EntityType.PERSON);
    assertThat(ali.name().parts().family()).isEqualTo("FIXTURE");
    assertThat(ali.aliases()).extracting(Name::full).containsExactly("FIXTURE, Aly", "ABU FIX");
    assertThat(ali.programmes()).containsExactly("SDGT", "IRAN");
    assertThat(ali.addresses())
        .extracting(Address::city, a -> a.country().code())
        .containsExactly(tuple("Tehran", "IR"));
    assertThat(ali.birthDates())
        .extracting(BirthDate::precision)
        .containsExactly(BirthDate.Precision.DAY, BirthDate.Precision.YEAR);
    assertThat(ali.citizenships()).extracting(CountryRef::code).containsExactly("IR");
    assertThat(ali.nationalities()).extracting(CountryRef::code).containsExactly("IQ");
    assertThat(ali.gender()).isEqualTo(Gender.MALE);
    assertThat(ali.identifiers(IdentifierType.PASSPORT).get(0))
        .extracting(Identifier::value, i -> i.issuingCountry().code(), Identifier::note)
        .containsExactly("P123", "IR", "issued 2010-01-01; expires 2020-01-01");
    assertThat(ali.identifiers(IdentifierType.IMO))
        .extracting(Identifier::value)
        .containsExactly("9000001");
    ListedEntity electronics = csl.byId().get(EntityId.of("EL:f2"));
    assertThat(electronics.type()).isEqualTo(EntityType.UNKNOWN);
    assertThat(electronics.properties().get("licenseRequirement"))
        .containsExactly("For all items subject to the EAR.");
  }

  @Test
  void followTheMoneyLinesKeepTargetsAndUnmodelledProperties() {
    WatchlistSnapshot ftm = WatchlistReaders.snapshot(fixture("ftm-fixture.ftm.json"));

    assertThat(ftm.format()).isEqualTo(ListFormat.FTM_JSON);
    assertThat(ftm.entities())
        .extracting(e -> e.id().value())
        .containsExactly("NK-fix1", "NK-fix2", "NK-fix5");
    ListedEntity ivan = ftm.byId().get(EntityId.of("NK-fix1"));
    assertThat(ivan.name().parts())
        .isEqualTo(new NameParts("Ivan", null, "Ivanov", "Petrovich", null, null));
    assertThat(ivan.aliases())
        .extracting(Name::full, Name::strength)
        .containsExactly(
            tuple("Иван Иванов", NameStrength.STRONG), tuple("Vanya", NameStrength.WEAK));
    assertThat(ivan.birthDates())
        .extracting(BirthDate::precision)
        .containsExactly(BirthDate.Precision.MONTH);
    assertThat(ivan.nationalities()).extracting(CountryRef::code).containsExactly("RU");
    assertThat(ivan.identifiers())
        .extracting(Identifier::type)
        .containsExactlyInAnyOrder(
            IdentifierType.PASSPORT, IdentifierType.PASSPORT, IdentifierType.TAX_ID);
    assertThat(ivan.properties())
        .containsEntry("deathDate", List.of("2030"))
        .containsEntry("datasets", List.of("eu_fsf"));
    // Folded in from the Sanction, Passport and Address entities that refer to NK-fix1.
    assertThat(ivan.programmes()).containsExactly("RUS");
    assertThat(ivan.listedOn()).isEqualTo(LocalDate.of(2022, 2, 28));
    assertThat(ivan.properties().get("authority")).containsExactly("Council of the EU");
    assertThat(ivan.identifiers(IdentifierType.PASSPORT))
        .extracting(Identifier::value)
        .containsExactlyInAnyOrder("7201234", "P-777");
    assertThat(ivan.addresses())
        .extracting(Address::full, a -> a.country().code())
        .containsExactly(tuple("Tverskaya 1, Moscow", "RU"));
    ListedEntity holding = ftm.byId().get(EntityId.of("NK-fix2"));
    assertThat(holding.aliases())
        .extracting(Name::kind)
        .containsExactly(NameKind.FORMERLY_KNOWN_AS);
    assertThat(holding.identifiers(IdentifierType.LEI)).hasSize(1);
    assertThat(holding.identifiers(IdentifierType.REGISTRATION))
        .extracting(Identifier::value)
        .containsExactly("OGRN-1");
    ListedEntity vessel = ftm.byId().get(EntityId.of("NK-fix5"));
    assertThat(vessel.identifiers())
        .extracting(Identifier::type)
        .containsExactlyInAnyOrder(IdentifierType.IMO, IdentifierType.MMSI);
    assertThat(vessel.properties().get("flag")).containsExactly("ga");
  }

  @Test
  void privateListCsvFollowsItsHeader() {
    WatchlistSnapshot list = WatchlistReaders.snapshot(fixture("private-list.csv"));

    assertThat(list.format()).isEqualTo(ListFormat.PRIVATE_CSV);
    assertThat(list.source()).isEqualTo(ListSources.PRIVATE);
    ListedEntity doe = list.byId().get(EntityId.of("C-001"));
    assertThat(doe.type()).isEqualTo(EntityType.PERSON);
    assertThat(doe.name().parts().family()).isEqualTo("DOE");
    assertThat(doe.aliases())
        .extracting(Name::full, Name::strength)
        .containsExactly(
            tuple("DOE, Johnny", NameStrength.STRONG),
            tuple("J. DOE", NameStrength.STRONG),
            tuple("JD", NameStrength.WEAK));
    assertThat(doe.birthDates())
        .extracting(BirthDate::precision, BirthDate::approximate)
        .containsExactly(
            tuple(BirthDate.Precision.DAY, false), tuple(BirthDate.Precision.YEAR, true));
    assertThat(doe.identifiers())
        .extracting(Identifier::type, Identifier::value, i -> i.issuingCountry().code())
        .containsExactly(
            tuple(IdentifierType.PASSPORT, "123456789", "GB"),
            tuple(IdentifierType.NATIONAL_ID, "AB123456C", "GB"));
    assertThat(doe.listedOn()).isEqualTo(LocalDate.of(2024, 2, 1));
    assertThat(doe.properties()).containsEntry("risk_owner", List.of("alice"));
    ListedEntity acme = list.byId().get(EntityId.of("C-002"));
    assertThat(acme.countries()).extracting(CountryRef::code).containsExactly("IR", "AE");
    assertThat(list.byId().get(EntityId.of("C-003")).identifiers(IdentifierType.IMO)).hasSize(1);
  }

  @Test
  void semicolonDelimitedPrivateListFromASpreadsheetUsesBarsInsideCells() {
    String csv =
        "\uFEFFid;name;type;aliases;nationality;identifiers\r\n"
            + "K-1;Müller, Hans;person;Hans Mueller|H. Müller;DE|AT;PASSPORT:C01X00T47:DE\r\n";
    List<ListedEntity> entities = new ArrayList<>();
    ReadSummary summary =
        WatchlistReaders.read(
            new java.io.ByteArrayInputStream(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            "export.csv",
            null,
            null,
            entities::add);

    assertThat(summary.format()).isEqualTo(ListFormat.PRIVATE_CSV);
    ListedEntity mueller = entities.get(0);
    assertThat(mueller.name().full()).isEqualTo("Müller, Hans");
    assertThat(mueller.aliases())
        .extracting(Name::full)
        .containsExactly("Hans Mueller", "H. Müller");
    assertThat(mueller.nationalities()).extracting(CountryRef::code).containsExactly("DE", "AT");
    assertThat(mueller.identifiers(IdentifierType.PASSPORT))
        .extracting(Identifier::value)
        .containsExactly("C01X00T47");
  }

  @Test
  void gzipAndZipAreUnwrappedTransparently() throws IOException {
    byte[] csv = Files.readAllBytes(fixture("private-list.csv"));
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(csv);
    }
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      out.putNextEntry(new ZipEntry("lists/blacklist.csv"));
      out.write(csv);
      out.closeEntry();
    }
    for (byte[] packed : List.of(gz.toByteArray(), zip.toByteArray())) {
      List<ListedEntity> entities = new ArrayList<>();
      ReadSummary summary =
          WatchlistReaders.read(
              new java.io.ByteArrayInputStream(packed), "upload", null, null, entities::add);
      assertThat(summary.format()).isEqualTo(ListFormat.PRIVATE_CSV);
      assertThat(entities).hasSize(3);
    }
    assertThat(
            WatchlistReaders.detect(new java.io.ByteArrayInputStream(zip.toByteArray()), "x.zip"))
        .isEqualTo(ListFormat.PRIVATE_CSV);
  }

  @Test
  void utf16WithByteOrderMarkIsRead() throws IOException {
    String text = Files.readString(fixture("private-list.csv"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(0xFF);
    bytes.write(0xFE);
    bytes.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
    List<ListedEntity> entities = new ArrayList<>();
    WatchlistReaders.read(
        new java.io.ByteArrayInputStream(bytes.toByteArray()),
        "excel.csv",
        null,
        null,
        entities::add);
    assertThat(entities).extracting(e -> e.id().value()).containsExactly("C-001", "C-002", "C-003");
  }
}

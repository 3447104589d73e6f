package org.openstc.screening.watchlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class ModelTest {

  @Test
  void birthDatesAreReadInTheSpellingsListsUse() {
    assertThat(BirthDate.parse("1970-05-12"))
        .isEqualTo(BirthDate.exact(LocalDate.of(1970, 5, 12)).withRaw("1970-05-12"));
    assertThat(BirthDate.parse("12 Jan 1970").earliest()).isEqualTo(LocalDate.of(1970, 1, 12));
    assertThat(BirthDate.parse("12 September 1970").earliest())
        .isEqualTo(LocalDate.of(1970, 9, 12));
    assertThat(BirthDate.parse("Sept 1970").precision()).isEqualTo(BirthDate.Precision.MONTH);
    assertThat(BirthDate.parse("Jan 1970").latest()).isEqualTo(LocalDate.of(1970, 1, 31));
    assertThat(BirthDate.parse("1970").precision()).isEqualTo(BirthDate.Precision.YEAR);
    assertThat(BirthDate.parse("1970-00-00").precision()).isEqualTo(BirthDate.Precision.YEAR);
    BirthDate range = BirthDate.parse("1959 to 1961");
    assertThat(range.precision()).isEqualTo(BirthDate.Precision.RANGE);
    assertThat(range.admitsYear(1960)).isTrue();
    assertThat(range.admitsYear(1962)).isFalse();
    assertThat(BirthDate.parse("Between 1965 and 1969"))
        .extracting(BirthDate::earliest, BirthDate::latest)
        .containsExactly(LocalDate.of(1965, 1, 1), LocalDate.of(1969, 12, 31));
    assertThat(BirthDate.parse("1965-1967").precision()).isEqualTo(BirthDate.Precision.RANGE);
    BirthDate circa = BirthDate.parse("circa 1965");
    assertThat(circa.approximate()).isTrue();
    assertThat(circa.admits(LocalDate.of(1965, 6, 1))).isTrue();
    assertThat(BirthDate.parse("12/05/1958").earliest()).isEqualTo(LocalDate.of(1958, 5, 12));
    assertThat(BirthDate.parse("dd/mm/1945"))
        .extracting(BirthDate::precision)
        .isEqualTo(BirthDate.Precision.YEAR);
    assertThat(BirthDate.parse("dd/03/1975").precision()).isEqualTo(BirthDate.Precision.MONTH);
    BirthDate unknown = BirthDate.parse("in the 1960s");
    assertThat(unknown.precision()).isEqualTo(BirthDate.Precision.UNPARSED);
    assertThat(unknown.admitsYear(1965)).isFalse();
    assertThat(BirthDate.parse("31 Feb 1970").precision()).isEqualTo(BirthDate.Precision.UNPARSED);
  }

  @Test
  void boundsInferThePrecision() {
    assertThat(BirthDate.within(LocalDate.of(1972, 1, 1), LocalDate.of(1972, 12, 31)))
        .isEqualTo(BirthDate.year(1972));
    assertThat(BirthDate.within(LocalDate.of(1972, 2, 1), LocalDate.of(1972, 2, 29)))
        .isEqualTo(BirthDate.month(YearMonth.of(1972, 2)));
    assertThat(BirthDate.within(LocalDate.of(1972, 3, 3), LocalDate.of(1972, 3, 3)).precision())
        .isEqualTo(BirthDate.Precision.DAY);
    assertThat(BirthDate.within(LocalDate.of(1960, 1, 1), LocalDate.of(1962, 12, 31)).precision())
        .isEqualTo(BirthDate.Precision.RANGE);
    assertThatThrownBy(() -> BirthDate.between(LocalDate.of(1970, 1, 2), LocalDate.of(1970, 1, 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void countriesResolveFromNamesLongFormsDemonymsAndCodes() {
    assertThat(CountryRef.of("Iran").code()).isEqualTo("IR");
    assertThat(CountryRef.of("IRAN (ISLAMIC REPUBLIC OF)").code()).isEqualTo("IR");
    assertThat(CountryRef.of("Iranian").code()).isEqualTo("IR");
    assertThat(CountryRef.of("Korea, North").code()).isEqualTo("KP");
    assertThat(CountryRef.of("Democratic People's Republic of Korea").code()).isEqualTo("KP");
    assertThat(CountryRef.of("Congo, Democratic Republic of the").code()).isEqualTo("CD");
    assertThat(CountryRef.of("Democratic Republic of the Congo").code()).isEqualTo("CD");
    assertThat(CountryRef.of("Côte d'Ivoire").code()).isEqualTo("CI");
    assertThat(CountryRef.of("Türkiye").code()).isEqualTo("TR");
    assertThat(CountryRef.of("RUSSIAN FEDERATION").code()).isEqualTo("RU");
    assertThat(CountryRef.of("Kosovo").code()).isEqualTo("XK");
    assertThat(CountryRef.of("DEU").code()).isEqualTo("DE");
    assertThat(CountryRef.of("sy").code()).isEqualTo("SY");
    CountryRef soviet = CountryRef.of("Soviet Union");
    assertThat(soviet.isResolved()).isFalse();
    assertThat(soviet.raw()).isEqualTo("Soviet Union");
    assertThatThrownBy(() -> new CountryRef("IRN", "Iran"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void identifierLabelsAreClassified() {
    assertThat(IdentifierType.classify("Passport")).isEqualTo(IdentifierType.PASSPORT);
    assertThat(IdentifierType.classify("Diplomatic Passport")).isEqualTo(IdentifierType.PASSPORT);
    assertThat(IdentifierType.classify("Cedula No.")).isEqualTo(IdentifierType.NATIONAL_ID);
    assertThat(IdentifierType.classify("National ID No.")).isEqualTo(IdentifierType.NATIONAL_ID);
    assertThat(IdentifierType.classify("Tax ID No.")).isEqualTo(IdentifierType.TAX_ID);
    assertThat(IdentifierType.classify("RFC")).isEqualTo(IdentifierType.TAX_ID);
    assertThat(IdentifierType.classify("Registration ID")).isEqualTo(IdentifierType.REGISTRATION);
    assertThat(IdentifierType.classify("Legal Entity Number")).isEqualTo(IdentifierType.LEI);
    assertThat(IdentifierType.classify("SWIFT/BIC")).isEqualTo(IdentifierType.SWIFT_BIC);
    assertThat(IdentifierType.classify("Digital Currency Address - XBT"))
        .isEqualTo(IdentifierType.CRYPTO_ADDRESS);
    assertThat(IdentifierType.classify("Vessel Registration Identification"))
        .isEqualTo(IdentifierType.IMO);
    assertThat(IdentifierType.classify("MMSI")).isEqualTo(IdentifierType.MMSI);
    assertThat(IdentifierType.classify("Government Gazette Number"))
        .isEqualTo(IdentifierType.OTHER);
  }

  @Test
  void entityNormalisesAndValidatesItsContent() {
    ListedEntity entity =
        ListedEntity.builder(EntityId.of(" 42 "), EntityType.PERSON, "test")
            .alias(Name.alias("FIRST", NameStrength.STRONG))
            .alias(Name.alias("FIRST", NameStrength.STRONG))
            .alias(Name.alias("weak one", NameStrength.WEAK))
            .programme(" SDGT ")
            .programme("SDGT")
            .listedOn(LocalDate.of(2020, 1, 1))
            .listedOn(LocalDate.of(2010, 1, 1))
            .build();

    assertThat(entity.id().value()).isEqualTo("42");
    assertThat(entity.name().full()).isEqualTo("FIRST");
    assertThat(entity.name().kind()).isEqualTo(NameKind.PRIMARY);
    assertThat(entity.aliases()).extracting(Name::full).containsExactly("weak one");
    assertThat(entity.programmes()).containsExactly("SDGT");
    assertThat(entity.listedOn()).isEqualTo(LocalDate.of(2010, 1, 1));
    assertThat(entity.allNames()).hasSize(2);
    assertThatThrownBy(
            () -> ListedEntity.builder(EntityId.of("1"), EntityType.PERSON, "test").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no name");
    assertThatThrownBy(() -> EntityId.of("  ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Name.primary(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void originalScriptNamesCarryTheirScript() {
    assertThat(Name.originalScript("صدام حسين", null).script()).isEqualTo("Arab");
    assertThat(Name.originalScript("Иван", "ru").script()).isEqualTo("Cyrl");
    assertThat(Name.originalScript("金正恩", null).script()).isEqualTo("Hani");
    assertThat(Name.originalScript("김정은", null).script()).isEqualTo("Hang");
  }

  @Test
  void catalogueHasEveryOfficialSourceWithDownloadUrls() {
    assertThat(ListSources.official())
        .extracting(ListSource::code)
        .containsExactly(
            "un-sc",
            "us-ofac-sdn",
            "us-ofac-cons",
            "us-trade-csl",
            "us-bis-dpl",
            "eu-fsf",
            "gb-fcdo",
            "opensanctions");
    assertThat(ListSources.find("us-ofac-sdn").orElseThrow().downloadUrls()).hasSize(4);
    assertThat(ListSources.official())
        .allSatisfy(s ->
            assertThat(s.downloadUrls())
                .allSatisfy(u -> assertThat(u.getScheme()).isEqualTo("https")));
    assertThat(ListSources.find("nope")).isEmpty();
  }
}

package org.openstc.controls.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openstc.controls.Fixtures;
import org.openstc.controls.country.ChartColumn;
import org.openstc.controls.io.ReferenceDataException;

class ControlListReadersTest {

  @Test
  void annexIProvisionsBecomeATreeWithNotesAndParameters() {
    EuAnnexIReader.AnnexI a = EuAnnexIReader.read(Fixtures.path("annex-i-fixture.json"));
    ControlListVersion v = a.version();
    assertThat(v.source().validFrom()).isEqualTo(LocalDate.of(2025, 11, 15));
    ControlEntry b = v.entry(ControlEntryCode.of("2B001.b")).orElseThrow();
    assertThat(b.parent()).isEqualTo(ControlEntryCode.of("2B001"));
    assertThat(b.notes()).containsExactly("Note: 2B001.b does not control fixture machines.");
    assertThat(b.parameters()).hasSize(1);
    assertThat(b.regime()).isEqualTo(Regime.WASSENAAR);
    assertThat(v.entry(ControlEntryCode.of("1C350")).orElseThrow().regime())
        .isEqualTo(Regime.AUSTRALIA_GROUP);
    assertThat(v.entry(ControlEntryCode.of("0B001")).orElseThrow().regime())
        .isEqualTo(Regime.WASSENAAR);
    assertThat(v.children(ControlEntryCode.of("2B001"))).hasSize(2);
    assertThat(a.generalAuthorisationTexts()).containsKey("EU001");
    assertThat(v.nearest(ControlEntryCode.of("2B001.b.9.z")).code())
        .isEqualTo(ControlEntryCode.of("2B001.b"));
  }

  @Test
  void cclJsonKeepsReasonsColumnsAndItems() {
    ControlListVersion v = UsCclReaders.readJson(Fixtures.path("ccl-fixture-2026-07-23.json"));
    ControlEntry e = v.entry(ControlEntryCode.of("2B001")).orElseThrow();
    assertThat(e.reasonsForControl()).containsExactly("NS", "NP", "AT");
    assertThat(e.usControls())
        .extracting(UsControl::column)
        .containsExactly(
            new ChartColumn("NS", 2), new ChartColumn("NP", 1), new ChartColumn("AT", 1));
    assertThat(v.entry(ControlEntryCode.of("3A001.a.3"))).isPresent();
  }

  @Test
  void ecfrXmlImportReadsHeadingsTablesExceptionsAndItems() {
    ControlListVersion v =
        UsCclReaders.readEcfrXml(
            Fixtures.path("ccl-part-774-fixture-2026-09-01.xml"), LocalDate.of(2026, 9, 1));
    ControlEntry h = v.entry(ControlEntryCode.of("2B001")).orElseThrow();
    assertThat(h.reasonsForControl()).containsExactly("NS", "NP", "AT");
    assertThat(h.usControls()).hasSize(3);
    assertThat(h.licenceExceptions()).containsEntry("LVS", "N/A").containsEntry("GBS", "N/A");
    assertThat(v.entry(ControlEntryCode.of("2B001.b.1")).orElseThrow().text()).contains("1.1 µm");
    assertThat(v.entry(ControlEntryCode.of("2B001.a")).orElseThrow().notes())
        .anyMatch(n -> n.contains("does not control fixture lathes"));
    assertThat(v.entry(ControlEntryCode.of("2B999"))).isPresent();
  }

  @Test
  void reasonStringsAreNormalised() {
    assertThat(UsCclReaders.reasons("NS, RS, MT, NP, AT (see § 742.6)"))
        .containsExactly("NS", "RS", "MT", "NP", "AT");
    assertThat(UsCclReaders.reasons("AT only")).containsExactly("AT");
  }

  @Test
  void licenceRequirementRowsKnowWhichParagraphsTheyReach() {
    ControlEntryCode eccn = ControlEntryCode.of("3A001");
    UsControl ns1 =
        UsControl.parse(
            eccn,
            "NS applies to MMIC amplifiers in 3A001.b.2 and discrete transistors in 3A001.b.3",
            "NS Column 1.");
    assertThat(ns1.reaches(ControlEntryCode.of("3A001.b.2.a"))).isTrue();
    assertThat(ns1.reaches(ControlEntryCode.of("3A001.a.3"))).isFalse();
    assertThat(ns1.reaches(eccn)).isTrue();
    UsControl rs =
        UsControl.parse(
            eccn,
            "RS applies to 3A001.z.1.a, z.2.a, z.3.a",
            "To or within any destination worldwide.");
    assertThat(rs.includedParagraphs())
        .extracting(ControlEntryCode::value)
        .containsExactly("3A001.z.1.a", "3A001.z.2.a", "3A001.z.3.a");
    assertThat(rs.column()).isNull();
    UsControl except =
        UsControl.parse(
            ControlEntryCode.of("0A501"),
            "NS applies to entire entry except 0A501.y",
            "NS Column 1.");
    assertThat(except.reaches(ControlEntryCode.of("0A501.y.1"))).isFalse();
    assertThat(except.reaches(ControlEntryCode.of("0A501.a"))).isTrue();
  }

  @Test
  void diffBetweenCclVersionsShowsAddedRemovedAndChangedEntries() {
    ControlListVersion july = UsCclReaders.readJson(Fixtures.path("ccl-fixture-2026-07-23.json"));
    ControlListVersion sept =
        UsCclReaders.readEcfrXml(
            Fixtures.path("ccl-part-774-fixture-2026-09-01.xml"), LocalDate.of(2026, 9, 1));
    ListDiff d = ListDiff.between(july, sept);
    assertThat(d.added()).extracting(ListDiff.Added::code).contains(ControlEntryCode.of("2B999"));
    assertThat(d.removed())
        .extracting(ListDiff.Removed::code)
        .contains(ControlEntryCode.of("3A001"));
    ListDiff.Changed changed =
        d.changed().stream()
            .filter(c -> c.code().value().equals("2B001"))
            .findFirst()
            .orElseThrow();
    assertThat(changed.diff().render())
        .startsWith("Machine tools [-(fixture).-] {+(fixture), as follows")
        .contains("Related Controls: See also 2B201.+}");
    assertThat(d.affecting(ControlEntryCode.of("3A001.a.3")))
        .extracting(ListDiff.EntryChange::code)
        .contains(ControlEntryCode.of("3A001"));
  }

  @Test
  void nationalListLoadsAndComparesWithTheWassenaarPartOfTheEuList() {
    ControlListVersion national = ControlListJson.read(Fixtures.path("national-list-fixture.json"));
    assertThat(national.entry(ControlEntryCode.of("XX-001")).orElseThrow().regime())
        .isEqualTo(Regime.NATIONAL);
    ControlListVersion wassenaar =
        EuAnnexIReader.read(Fixtures.path("annex-i-fixture.json"))
            .version()
            .filter("EU-WASSENAAR", e -> e.regime() == Regime.WASSENAAR);
    ListDiff d = ListDiff.between(wassenaar, national);
    assertThat(d.added())
        .extracting(ListDiff.Added::code)
        .containsExactly(ControlEntryCode.of("XX-001"));
    assertThat(d.removed())
        .extracting(ListDiff.Removed::code)
        .contains(ControlEntryCode.of("2B001.b"));
    assertThat(d.changed())
        .extracting(ListDiff.Changed::code)
        .contains(ControlEntryCode.of("2B001.a"));
    assertThat(d.changed().get(0).diff().changed()).isTrue();
  }

  @Test
  void nationalListRoundTripsThroughItsJsonFormat() {
    ControlListVersion national = ControlListJson.read(Fixtures.path("national-list-fixture.json"));
    String json = ControlListJson.write(national).toString();
    ControlListVersion again =
        ControlListJson.read(
            new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "round-trip");
    assertThat(ListDiff.between(national, again).changes()).isEmpty();
  }

  @Test
  void malformedNationalListNamesFileAndEntry(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("bad.json");
    Files.writeString(
        f,
        "{\"format\":\"openstc-control-list/1\",\"list_id\":\"XX\",\"jurisdiction\":\"NATIONAL\","
            + "\"legal_source\":\"x\",\"valid_from\":\"2026-01-01\",\"entries\":[{\"code\":\"1A001\",\"text\":\"ok\"},{\"code\":\"bad code!\",\"text\":\"x\"}]}");
    assertThatThrownBy(() -> ControlListJson.read(f))
        .isInstanceOf(ReferenceDataException.class)
        .hasMessageContaining("bad.json")
        .hasMessageContaining("entries[1]");
    Files.writeString(f, "{\"format\": ");
    assertThatThrownBy(() -> ControlListJson.read(f)).hasMessageContaining("malformed JSON");
  }

  @Test
  void xmlWithADoctypeIsRefused(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("xxe.xml");
    Files.writeString(
        f,
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
            + "<DIV9 N=\"Supplement No. 1 to Part 774\"><FP-2><B>1A001 &e;</B></FP-2></DIV9>");
    assertThatThrownBy(() -> UsCclReaders.readEcfrXml(f, LocalDate.of(2026, 1, 1)))
        .isInstanceOf(ReferenceDataException.class)
        .hasMessageContaining("xxe.xml");
  }

  @Test
  void entityExpansionIsRefusedBeforeItStarts(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("bomb.xml");
    StringBuilder sb =
        new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\">");
    for (int i = 1; i < 10; i++) {
      sb.append("<!ENTITY a").append(i).append(" \"");
      sb.append(("&a" + (i == 1 ? "" : String.valueOf(i - 1)) + ";").repeat(10)).append("\">");
    }
    sb.append("]><DIV9 N=\"Supplement No. 1 to Part 774\"><FP-2><B>1A001 &a9;</B></FP-2></DIV9>");
    Files.writeString(f, sb.toString());
    assertThatThrownBy(() -> UsCclReaders.readEcfrXml(f, LocalDate.of(2026, 1, 1)))
        .isInstanceOf(ReferenceDataException.class)
        .hasMessageContaining("bomb.xml");
  }

  @Test
  void malformedXmlNamesTheLine(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("broken.xml");
    Files.writeString(
        f,
        "<?xml version=\"1.0\"?>\n<DIV9 N=\"Supplement No. 1 to Part 774\">\n<FP-2><B>1A001 x</FP-2>\n</DIV9>");
    assertThatThrownBy(() -> UsCclReaders.readEcfrXml(f, LocalDate.of(2026, 1, 1)))
        .isInstanceOf(ReferenceDataException.class)
        .hasMessageContaining("broken.xml")
        .hasMessageContaining("line 3");
  }

  @Test
  void deeplyNestedJsonIsRefused(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("deep.json");
    Files.writeString(f, "[".repeat(5000) + "]".repeat(5000));
    assertThatThrownBy(() -> ControlListJson.read(f))
        .isInstanceOf(ReferenceDataException.class)
        .hasMessageContaining("deep.json");
  }

  @Test
  void searchFindsPhrasesInProvisions() {
    ControlListVersion v = EuAnnexIReader.read(Fixtures.path("annex-i-fixture.json")).version();
    assertThat(v.search().find("sample rate", 5))
        .extracting(EntrySearch.Hit::code)
        .containsExactly(ControlEntryCode.of("3A001.a.5"));
    assertThat(v.search().find("positioning accuracy", 5))
        .extracting(EntrySearch.Hit::code)
        .containsExactly(ControlEntryCode.of("2B001.a"), ControlEntryCode.of("2B001.b"));
    assertThat(v.search().find("unobtainium", 5)).isEmpty();
  }

  @Test
  void asOfPicksTheVersionInForce() {
    ControlLists lists = new ControlLists();
    lists.add(UsCclReaders.readJson(Fixtures.path("ccl-fixture-2026-07-23.json")));
    lists.add(
        UsCclReaders.readEcfrXml(
            Fixtures.path("ccl-part-774-fixture-2026-09-01.xml"), LocalDate.of(2026, 9, 1)));
    assertThat(lists.asOf("US-CCL", LocalDate.of(2026, 8, 31)).orElseThrow().source().validFrom())
        .isEqualTo(LocalDate.of(2026, 7, 23));
    assertThat(lists.asOf("US-CCL", LocalDate.of(2026, 9, 1)).orElseThrow().source().validFrom())
        .isEqualTo(LocalDate.of(2026, 9, 1));
    assertThat(lists.asOf("US-CCL", LocalDate.of(2026, 1, 1))).isEmpty();
  }

  @Test
  void entryCodesAreNormalised() {
    assertThat(ControlEntryCode.of(" 3a001.A.3. ").value()).isEqualTo("3A001.a.3");
    assertThat(ControlEntryCode.of("3A001").covers(ControlEntryCode.of("3A001.a"))).isTrue();
    assertThat(ControlEntryCode.of("3A001.a.1").covers(ControlEntryCode.of("3A001.a.10")))
        .isFalse();
    assertThat(ControlEntryCode.of("ML10.b").isMunitions()).isTrue();
    assertThatThrownBy(() -> ControlEntryCode.of("3A 001"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void typographyIsNotAChange() {
    assertThat(ListDiff.comparable("a dose of 5 × 10^6 Gy ( e.g., “rad” )"))
        .isEqualTo(ListDiff.comparable("a dose of 5 × 106 Gy (e.g., \"rad\")"));
    assertThat(ListDiff.comparable("6 µm")).isNotEqualTo(ListDiff.comparable("5 µm"));
  }

  @Test
  void textDiffMarksRemovedAndAddedWords() {
    TextDiff d = TextDiff.between("accuracy of 6 µm or less", "accuracy of 5 µm or less");
    assertThat(d.render()).isEqualTo("accuracy of [-6-] {+5+} µm or less");
  }
}

package org.openstc.server.controls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recognising list files by their first bytes, and naming the files kept in the data folder. */
class ControlListKindTest {

  @TempDir Path dataDir;

  private static ControlListKind detect(String head) {
    return ControlListKind.detect(head.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void formatsAreRecognisedFromTheirTellTaleFields() {
    assertThat(detect("\uFEFF {\"format\": \"openstc-control-list/1\", \"list_id\": \"X\"}"))
        .isEqualTo(ControlListKind.NATIONAL_JSON);
    assertThat(detect("{\"celex\": \"02021R0821\", \"corpus_version\": \"x\"}"))
        .isEqualTo(ControlListKind.EU_ANNEX_I);
    assertThat(detect("{\"ecfrIssueDate\": \"2026-07-23\", \"entries\": []}"))
        .isEqualTo(ControlListKind.US_CCL_JSON);
  }

  @Test
  void ecfrPartsAreToldApartByTheirFirstHeadingNotByCrossReferences() {
    assertThat(
            detect("<DIV5><HEAD>PART 774&#x2014;THE COMMERCE CONTROL LIST</HEAD><P>see part 738"))
        .isEqualTo(ControlListKind.ECFR_774);
    assertThat(detect("<DIV5><HEAD>PART 738&#x2014;COMMERCE CONTROL LIST OVERVIEW</HEAD>"))
        .isEqualTo(ControlListKind.ECFR_738);
    assertThat(detect("<DIV9><HEAD>Supplement No. 1 to Part 740&#x2014;Country Groups</HEAD>"))
        .isEqualTo(ControlListKind.ECFR_740);
  }

  @Test
  void unknownContentAndKindsAreRefusedWithTheValidChoices() {
    assertThatThrownBy(() -> detect("{\"something\": 1}"))
        .hasMessageContaining("give the kind explicitly");
    assertThatThrownBy(() -> ControlListKind.parse("pdf"))
        .hasMessageContaining("eu-annex-i")
        .hasMessageContaining("ecfr-740");
    assertThat(ControlListKind.parse("NATIONAL_JSON")).isEqualTo(ControlListKind.NATIONAL_JSON);
    assertThatThrownBy(() -> ControlListKind.ECFR_738.read(dataDir.resolve("x.xml"), null))
        .hasMessageContaining("country data");
  }

  @Test
  void storedFilesAreFoundInImportOrderAndStrayFilesIgnored() throws Exception {
    Path folder = ControlsReferenceFiles.listFolder(dataDir);
    Files.createDirectories(folder);
    LocalDate d = LocalDate.of(2026, 1, 1);
    for (String name :
        new String[] {
          ControlsReferenceFiles.storedName(12, ControlListKind.ECFR_774, d),
          ControlsReferenceFiles.storedName(3, ControlListKind.NATIONAL_JSON, d),
          ".incoming-123",
          "notes.txt"
        }) {
      Files.writeString(folder.resolve(name), "{}");
    }
    assertThat(ControlsReferenceFiles.storedLists(dataDir))
        .extracting(
            ControlsReferenceFiles.StoredList::versionId, ControlsReferenceFiles.StoredList::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3L, ControlListKind.NATIONAL_JSON),
            org.assertj.core.groups.Tuple.tuple(12L, ControlListKind.ECFR_774));
    assertThat(ControlsReferenceFiles.dateInName("title-15-part-774-2026-09-01.xml"))
        .contains(LocalDate.of(2026, 9, 1));
    assertThat(ControlsReferenceFiles.sharedDataFolder("none")).isNull();
  }
}

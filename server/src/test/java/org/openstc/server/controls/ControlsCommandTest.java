package org.openstc.server.controls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openstc.server.TestDatabase;
import org.openstc.server.cli.CliRun;

/**
 * {@code ./stc controls import} stores a list version in the database and the data folder, and
 * {@code ./stc determine} then uses it without starting the database.
 */
class ControlsCommandTest {

  @TempDir Path dataDir;
  @TempDir Path noSharedData;

  private static CliRun stc(String... args) {
    return CliRun.stc(args);
  }

  private String[] withDatabase(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--data-dir");
    all.add(dataDir.toString());
    if (TestDatabase.postgres()) {
      all.addAll(
          List.of(
              "--database-url",
              TestDatabase.fresh("controlscli"),
              "--database-user",
              TestDatabase.user()));
    }
    return all.toArray(String[]::new);
  }

  @Test
  void importedListIsUsedByDetermineWithoutTheDatabase() throws Exception {
    Path file = dataDir.resolve("eu-annex-i-small-2026-01-01.json");
    try (InputStream in = getClass().getResourceAsStream("/controls/" + file.getFileName())) {
      Files.copy(in, file);
    }
    String[] importArgs = withDatabase("controls", "import", file.toString());
    CliRun imported = stc(importArgs);
    assertThat(imported.code()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("Imported EU-ANNEX-I@2026-01-01 (7 entries, national-json");
    assertThat(stc(importArgs).err()).contains("already imported");
    CliRun bad = stc(withDatabase("controls", "import", file.toString(), "--kind", "pdf"));
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--kind").contains("national-json");

    CliRun d =
        stc(
            "determine",
            "--jurisdiction",
            "EU",
            "--item",
            "2B001.a",
            "--destination",
            "CN",
            "--data",
            noSharedData.toString(),
            "--data-dir",
            dataDir.toString());
    assertThat(d.code()).as(d.err()).isZero();
    assertThat(d.out())
        .contains("\"outcome\" : \"LICENCE_REQUIRED\"")
        .contains("list version of 2026-01-01");
    CliRun unknown =
        stc(
            "determine",
            "--jurisdiction",
            "EU",
            "--item",
            "9E999",
            "--destination",
            "CN",
            "--data",
            noSharedData.toString(),
            "--data-dir",
            dataDir.toString());
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("9E999 is not on");
  }
}

package org.openstc.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stc screen} against list files: CSV out, bad rows reported, the batch never stops. */
class ScreenCommandTest {

  @TempDir Path dir;

  private static CliRun stc(String... args) {
    return CliRun.stc(args);
  }

  @Test
  void screensACsvAgainstAListFileAndReportsBadRows() throws Exception {
    Path list = dir.resolve("blacklist.csv");
    Files.writeString(
        list,
        "id,name,type,birth_date,nationality\n"
            + "X1,Gazprombank,organisation,,RU\n"
            + "X2,George Habbash,person,1926-08-02,JO\n");
    Path input = dir.resolve("parties.csv");
    Files.writeString(
        input,
        "id,name,type\n"
            + "q1,Gazprom Bank,organisation\n"
            + "q2,George Bush,person\n"
            + "q3,,person\n"
            + "q4,"
            + "x".repeat(10_000)
            + ",person\n");
    CliRun run = stc("screen", "--list", list.toString(), "--threshold", "0.8", input.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    String[] lines = run.out().strip().split("\\R");
    assertThat(lines[0])
        .isEqualTo("query_id,query_name,score,list,entity_id,entity_name,matched_name");
    assertThat(run.out()).contains("q1,Gazprom Bank,").contains(",X1,Gazprombank,");
    assertThat(run.out()).doesNotContain("q2,");
    assertThat(run.err())
        .contains("line 4")
        .contains("3 queries")
        .contains("1 bad rows")
        .contains("names/s");
  }

  @Test
  void withoutListsAndWithAnEmptyDatabaseItSaysWhatToDo() throws Exception {
    Path input = dir.resolve("parties.csv");
    Files.writeString(input, "id,name\nq1,Someone\n");
    CliRun run = stc("screen", "--data-dir", dir.resolve("db").toString(), input.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no list is loaded").contains("--list");
  }

  @Test
  void badOptionsAreRefusedClearly() {
    CliRun run = stc("screen", "--threshold", "7", "--list", "x", "y");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--threshold");
  }
}

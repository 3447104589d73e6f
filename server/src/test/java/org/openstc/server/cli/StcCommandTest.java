package org.openstc.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openstc.server.TestDatabase;

/**
 * The command line as an administrator uses it: create users and tokens, verify the audit trail.
 */
class StcCommandTest {

  @TempDir Path dataDir;

  private static CliRun stc(String... args) {
    return CliRun.stc(args);
  }

  /** The embedded database in a data folder (zero setup), or a fresh PostgreSQL database in CI. */
  private String[] where(String url) {
    return TestDatabase.postgres()
        ? new String[] {"--database-url", url, "--database-user", TestDatabase.user()}
        : new String[] {"--data-dir", dataDir.toString()};
  }

  private static String[] concat(String[] a, String... b) {
    String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  @Test
  void administratorIsCreatedTokenIssuedAndTamperingDetected() throws Exception {
    String url = TestDatabase.fresh("cli");
    String[] db = where(url);

    CliRun created =
        stc(
            concat(
                new String[] {"admin", "create-user", "root"},
                concat(db, "--role", "ADMINISTRATOR")));
    assertThat(created.exitCode()).as(created.err()).isZero();
    assertThat(created.out()).contains("Created user root").contains("One-time password");
    String password = created.out().strip().lines().reduce((a, b) -> b).orElseThrow();
    assertThat(password).hasSize(20);

    CliRun officer =
        stc(
            concat(
                new String[] {"admin", "create-user", "eco"},
                concat(
                    db, "--role", "EXPORT_CONTROL_OFFICER", "--organisation", "Acme Export GmbH")));
    assertThat(officer.exitCode()).as(officer.err()).isZero();
    assertThat(officer.out()).contains("Acme Export GmbH");

    CliRun token = stc(concat(new String[] {"admin", "create-token", "root"}, db));
    assertThat(token.exitCode()).as(token.err()).isZero();
    assertThat(token.out().strip()).startsWith("stc_").hasSize(44);

    CliRun intact = stc(concat(new String[] {"audit", "verify"}, db));
    assertThat(intact.exitCode()).isZero();
    assertThat(intact.out()).contains("intact").containsPattern("\\d+ records verified");

    String jdbc =
        TestDatabase.postgres()
            ? url
            : "jdbc:h2:file:"
                + dataDir.toAbsolutePath().resolve("openstc")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;AUTO_SERVER=TRUE";
    try (Connection c =
        DriverManager.getConnection(jdbc, TestDatabase.user(), TestDatabase.password())) {
      c.createStatement()
          .executeUpdate("update audit_record set summary = 'innocent' where seq = 2");
    }
    CliRun broken = stc(concat(new String[] {"audit", "verify"}, db));
    assertThat(broken.exitCode()).isEqualTo(4);
    assertThat(broken.out()).contains("BROKEN").contains("record 2").contains("edited");
  }

  @Test
  void duplicateUserAndUnknownRoleGiveClearErrors() {
    String[] db = where(TestDatabase.fresh("cli2"));
    assertThat(
            stc(concat(
                    new String[] {"admin", "create-user", "ann"},
                    concat(db, "--role", "ADMINISTRATOR")))
                .exitCode())
        .isZero();
    CliRun again =
        stc(
            concat(
                new String[] {"admin", "create-user", "ann"},
                concat(db, "--role", "ADMINISTRATOR")));
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).contains("already exists");
    CliRun badRole =
        stc(concat(new String[] {"admin", "create-user", "bob"}, concat(db, "--role", "KING")));
    assertThat(badRole.exitCode()).isEqualTo(2);
    assertThat(badRole.err()).contains("Unknown role 'KING'").contains("EXPORT_CONTROL_OFFICER");
  }

  @Test
  void unreachableDatabaseGivesOneClearMessageWithoutPassword() {
    CliRun run =
        stc(
            "audit",
            "verify",
            "--database-url",
            "jdbc:postgresql://127.0.0.1:1/openstc?password=hunter2secret");
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err())
        .contains("Cannot connect to the database at jdbc:postgresql://127.0.0.1:1/openstc")
        .doesNotContain("hunter2secret");
  }

  @Test
  void versionAndHelpWork() {
    assertThat(stc("--version").out()).contains("OpenSTC");
    CliRun help = stc("--help");
    assertThat(help.out()).contains("serve").contains("admin").contains("audit");
  }
}

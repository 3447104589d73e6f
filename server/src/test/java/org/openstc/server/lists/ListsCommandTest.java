package org.openstc.server.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openstc.screening.watchlist.EntityId;
import org.openstc.screening.watchlist.WatchlistDelta;
import org.openstc.screening.watchlist.WatchlistReaders;
import org.openstc.server.TestDatabase;
import org.openstc.server.cli.CliRun;

/**
 * {@code stc lists}: import, show, delta and an update without internet, as an operator runs them.
 */
class ListsCommandTest {

  @TempDir Path dataDir;

  private static CliRun stc(String... args) {
    return CliRun.stc(args);
  }

  private String url;

  private String[] with(String... args) {
    if (url == null) {
      url = TestDatabase.fresh("listscli");
    }
    String[] db =
        TestDatabase.postgres()
            ? new String[] {"--database-url", url, "--database-user", TestDatabase.user()}
            : new String[] {"--data-dir", dataDir.toString()};
    String[] all = Arrays.copyOf(args, args.length + db.length);
    System.arraycopy(db, 0, all, args.length, db.length);
    return all;
  }

  private String jdbcUrl() {
    return TestDatabase.postgres()
        ? url
        : "jdbc:h2:file:"
            + dataDir.toAbsolutePath().resolve("openstc")
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;AUTO_SERVER=TRUE";
  }

  @AfterEach
  void clearSettings() {
    System.clearProperty("stc.lists.update.attempts");
    System.clearProperty("stc.lists.update.retry-delay");
    System.clearProperty("stc.lists.update.connect-timeout");
  }

  @Test
  void deltaOfTheRealOfacVersionsNamesAddedRemovedAndChangedIds() {
    Path v0426 = ListFixtures.sanctions("ofac/sdn-2024-04-26.csv");
    Path v0502 = ListFixtures.sanctions("ofac/sdn-2024-05-02.csv");
    Path v0503 = ListFixtures.sanctions("ofac/sdn-2024-05-03.csv");

    CliRun imported =
        stc(with("lists", "import", v0426.toString(), v0502.toString(), v0503.toString()));
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("us-ofac-sdn: version").hasLineCount(3);
    assertThat(imported.err()).contains("Reading ").contains("sdn-2024-04-26.csv");

    WatchlistDelta expected =
        WatchlistDelta.between(WatchlistReaders.snapshot(v0502), WatchlistReaders.snapshot(v0503));
    assertThat(expected.removed()).isNotEmpty();

    CliRun delta = stc(with("lists", "delta", "us-ofac-sdn"));
    assertThat(delta.exitCode()).as(delta.err()).isZero();
    assertThat(delta.out())
        .contains(
            "+"
                + expected.added().size()
                + " added, -"
                + expected.removed().size()
                + " removed, ~"
                + expected.changed().size()
                + " changed, "
                + expected.unchanged()
                + " unchanged");
    for (EntityId id : expected.removed()) {
      assertThat(delta.out()).containsPattern("(?m)^  " + id.value() + "\t");
    }
    for (WatchlistDelta.EntityChange change : expected.changed()) {
      assertThat(delta.out())
          .containsPattern(
              "(?m)^  "
                  + change.id().value()
                  + "\t.*\\["
                  + String.join(", ", change.fieldNames())
                  + "\\]$");
    }

    WatchlistDelta earlier =
        WatchlistDelta.between(WatchlistReaders.snapshot(v0426), WatchlistReaders.snapshot(v0502));
    String firstLine = delta.out().lines().findFirst().orElseThrow();
    long previous = Long.parseLong(firstLine.replaceAll(".*against version (\\d+).*", "$1"));
    CliRun before =
        stc(with("lists", "delta", "us-ofac-sdn", "--version", String.valueOf(previous)));
    assertThat(before.exitCode()).as(before.err()).isZero();
    assertThat(before.out())
        .contains(
            "+"
                + earlier.added().size()
                + " added, -"
                + earlier.removed().size()
                + " removed, ~"
                + earlier.changed().size()
                + " changed");

    CliRun show = stc(with("lists", "show", "--versions"));
    assertThat(show.exitCode()).as(show.err()).isZero();
    assertThat(show.out())
        .containsPattern("(?m)^us-ofac-sdn\\s+yes\\s+\\d+\\s+\\d+")
        .contains("(active)")
        .contains("sdn-2024-04-26.csv");
  }

  @Test
  void updateWithoutInternetFailsClearlyAndKeepsTheActiveVersion() throws Exception {
    CliRun imported = stc(with("lists", "import", ListFixtures.fixture("un-small.xml").toString()));
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("un-sc: version");

    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    // Never the real publisher: the source points at a local port nobody listens on.
    try (Connection c =
            DriverManager.getConnection(jdbcUrl(), TestDatabase.user(), TestDatabase.password());
        PreparedStatement s =
            c.prepareStatement("update list_source set download_urls = ? where code = 'un-sc'")) {
      s.setString(1, "http://127.0.0.1:" + closedPort + "/resources/xml/en/consolidated.xml");
      s.executeUpdate();
    }
    System.setProperty("stc.lists.update.attempts", "2");
    System.setProperty("stc.lists.update.retry-delay", "10ms");
    System.setProperty("stc.lists.update.connect-timeout", "2s");

    CliRun update = stc(with("lists", "update", "--source", "un-sc"));
    assertThat(update.exitCode()).isEqualTo(5);
    assertThat(update.out())
        .contains("un-sc: FAILED")
        .contains("127.0.0.1:" + closedPort)
        .contains("offline")
        .contains("2 attempt(s)")
        .contains("stays active");
    assertThat(update.err()).contains("1 of 1 list(s) failed; their active versions were kept");

    CliRun show = stc(with("lists", "show"));
    assertThat(show.out())
        .containsPattern("(?m)^un-sc\\s+yes\\s+\\d+\\s+2\\s+1\\s+1")
        .contains("last update")
        .contains("FAILED");
  }

  @Test
  void badFileNamesFileAndLineAndExitsFive() {
    CliRun bad =
        stc(
            with(
                "lists",
                "import",
                ListFixtures.fixture("broken-quote.csv").toString(),
                "--source",
                "acme"));
    assertThat(bad.exitCode()).isEqualTo(5);
    assertThat(bad.out()).contains("acme: FAILED").contains("broken-quote.csv");
    CliRun missing = stc(with("lists", "import", dataDir.resolve("nope.xml").toString()));
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("No such file");
  }
}

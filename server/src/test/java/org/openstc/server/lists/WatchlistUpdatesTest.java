package org.openstc.server.lists;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openstc.server.TestDatabase;
import org.openstc.server.audit.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Downloads against a local HTTP server (never a real publisher): retries after a server error, a
 * permanent failure is not retried, an unreachable host keeps the active version.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "stc.lists.update.enabled=false",
      "stc.lists.update.attempts=3",
      "stc.lists.update.retry-delay=10ms",
      "stc.lists.update.connect-timeout=2s",
      "stc.lists.update.max-download-size=64KB"
    })
class WatchlistUpdatesTest {

  private static final Actor SYSTEM = Actor.SYSTEM;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase.register(registry, "listupdates");
  }

  @Autowired WatchlistUpdates updates;
  @Autowired Watchlists watchlists;
  @Autowired ListUpdateSchedule schedule;
  @Autowired JdbcClient jdbc;

  private HttpServer server;
  private final AtomicInteger unCalls = new AtomicInteger();

  @BeforeEach
  void localPublisher() throws IOException {
    byte[] un = Files.readAllBytes(ListFixtures.fixture("un-small.xml"));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/un/consolidated.xml",
        exchange -> {
          // The first call fails like an overloaded publisher; the retry succeeds.
          if (unCalls.incrementAndGet() == 1) {
            exchange.sendResponseHeaders(503, -1);
          } else {
            exchange.sendResponseHeaders(200, un.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(un);
            }
          }
          exchange.close();
        });
    server.createContext(
        "/huge.xml",
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            byte[] chunk = new byte[16 * 1024];
            for (int i = 0; i < 16; i++) {
              out.write(chunk);
            }
          } catch (IOException e) {
            // the client hangs up once it has seen enough
          }
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String local(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private void pointAt(String source, String url) {
    jdbc.sql("update list_source set download_urls = :u, enabled = true where code = :c")
        .param("u", url)
        .param("c", source)
        .update();
  }

  @Test
  void serverErrorIsRetriedAndTheDownloadImported() {
    pointAt("un-sc", local("/un/consolidated.xml"));
    List<ImportOutcome> outcomes = updates.update(List.of("un-sc"), SYSTEM, ImportProgress.NONE);
    assertThat(outcomes).singleElement().isInstanceOf(ImportOutcome.Imported.class);
    assertThat(unCalls).hasValue(2);
    WatchlistSource un = watchlists.source("un-sc");
    assertThat(un.activeVersionId()).isNotNull();
    assertThat(watchlists.version(un.activeVersionId()).fileName())
        .isEqualTo(local("/un/consolidated.xml"));
    assertThat(un.lastCheckResult()).contains("active");

    // The same content again: nothing new is stored.
    List<ImportOutcome> again = updates.update(List.of("un-sc"), SYSTEM, ImportProgress.NONE);
    assertThat(again).singleElement().isInstanceOf(ImportOutcome.Unchanged.class);
  }

  @Test
  void missingFileIsNotRetriedAndUnreachableHostIsReportedAsOffline() throws IOException {
    pointAt("gb-fcdo", local("/nothing-here.xml"));
    ImportOutcome notFound =
        updates.update(List.of("gb-fcdo"), SYSTEM, ImportProgress.NONE).getFirst();
    assertThat(notFound.describe()).contains("HTTP 404").doesNotContain("attempt(s)");

    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    pointAt("gb-fcdo", "http://127.0.0.1:" + closed + "/UK-Sanctions-List.xml");
    ImportOutcome offline =
        updates.update(List.of("gb-fcdo"), SYSTEM, ImportProgress.NONE).getFirst();
    assertThat(offline).isInstanceOf(ImportOutcome.Failed.class);
    assertThat(offline.describe())
        .contains("127.0.0.1:" + closed)
        .contains("offline")
        .contains("3 attempt(s)");
    assertThat(watchlists.versions("gb-fcdo", 10))
        .hasSize(2)
        .allSatisfy(v -> assertThat(v.status()).isEqualTo(VersionStatus.FAILED));
    assertThat(watchlists.source("gb-fcdo").lastCheckResult()).contains("FAILED");
  }

  @Test
  void oversizedDownloadIsCutOff() {
    pointAt("eu-fsf", local("/huge.xml"));
    ImportOutcome outcome =
        updates.update(List.of("eu-fsf"), SYSTEM, ImportProgress.NONE).getFirst();
    assertThat(outcome.describe()).contains("max-download-size");
    assertThat(watchlists.source("eu-fsf").activeVersionId()).isNull();
  }

  @Test
  void scheduleIsOffWhenDisabled() {
    assertThat(schedule.scheduled()).isFalse();
  }
}

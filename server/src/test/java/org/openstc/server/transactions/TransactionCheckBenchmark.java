package org.openstc.server.transactions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openstc.server.TestDatabase;
import org.openstc.server.controls.ControlListCatalogue;
import org.openstc.server.identity.UserAccounts;
import org.openstc.server.lists.WatchlistImports;
import org.openstc.server.partners.Partners;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Latency of {@code POST /api/v1/transactions/check} for a 10-line order with 5 parties against a
 * running server on 127.0.0.1, as an ERP calls it (one caller, then four in parallel). Run with
 * {@code -Dbench=true}; writes the figures to {@code target/transaction-check-benchmark.txt}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EnabledIfSystemProperty(named = "bench", matches = "true")
class TransactionCheckBenchmark {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws IOException {
    TestDatabase.register(registry, "transactionbench");
    Path dataDir = Files.createTempDirectory("openstc-transaction-bench");
    registry.add("stc.data-dir", dataDir::toString);
    registry.add("stc.controls.shared-data", () -> "none");
  }

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired WatchlistImports lists;
  @Autowired ControlListCatalogue catalogue;
  @Autowired Partners partners;
  @Autowired Transactions transactions;

  @Test
  void tenLinesFiveParties() throws Exception {
    IcpFixture f = new IcpFixture("http://127.0.0.1:" + port);
    f.build(accounts, lists, catalogue, partners);
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      if (i > 0) {
        lines.append(',');
      }
      lines.append(
          "{\"partNumber\":\""
              + (i % 2 == 0 ? "LT-500" : "CB-10")
              + "\",\"quantity\":1,\"value\":1000,\"currency\":\"EUR\"}");
    }
    String body =
        f.order("BENCH-1", 1, true)
            .replaceAll("\"lines\":\\[.*?\\],\"parties\"", "\"lines\":[" + lines + "],\"parties\"")
            .replaceFirst("\\}$", ",\"eucDocumentOnFile\":true}");
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(f.base + "/api/v1/transactions/check"))
            .header("Authorization", f.clerk)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> first = f.http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(first.body()).contains("\"line\":10").contains("HELD");
    for (int i = 0; i < 500; i++) {
      f.http.send(request, HttpResponse.BodyHandlers.discarding());
    }
    int n = 3000;
    long[] sequential = new long[n];
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      HttpResponse<Void> r = f.http.send(request, HttpResponse.BodyHandlers.discarding());
      sequential[i] = System.nanoTime() - t0;
      assertThat(r.statusCode()).isEqualTo(200);
    }
    int threads = 4;
    long[] parallel = new long[n];
    Thread[] workers = new Thread[threads];
    long wall0 = System.nanoTime();
    for (int w = 0; w < threads; w++) {
      int offset = w;
      workers[w] =
          Thread.ofPlatform()
              .start(() -> {
                try {
                  for (int i = offset; i < n; i += threads) {
                    long t0 = System.nanoTime();
                    f.http.send(request, HttpResponse.BodyHandlers.discarding());
                    parallel[i] = System.nanoTime() - t0;
                  }
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
    }
    for (Thread w : workers) {
      w.join();
    }
    double wall = (System.nanoTime() - wall0) / 1e9;
    // The check alone, in process: no HTTP, JSON or token authentication.
    TransactionDraft draft =
        f.json.readValue(body.replace(",\"eucDocumentOnFile\":true}", "}"), TransactionDraft.class);
    var user = accounts.authenticateToken(f.clerk.substring("Bearer ".length())).orElseThrow();
    long[] inProcess = new long[n];
    for (int i = 0; i < n + 500; i++) {
      long t0 = System.nanoTime();
      CheckResult r = transactions.checkDraft(draft, true, user);
      if (i >= 500) {
        inProcess[i - 500] = System.nanoTime() - t0;
      }
      assertThat(r.lines()).hasSize(10);
    }
    String report =
        "POST /api/v1/transactions/check, 10 lines, 5 parties, "
            + n
            + " calls after 500 warm-up\n"
            + "1 caller:  "
            + percentiles(sequential)
            + "\n"
            + threads
            + " callers: "
            + percentiles(parallel)
            + String.format(Locale.ROOT, ", %.0f checks/s%n", n / wall)
            + "in process (Transactions.checkDraft, no HTTP): "
            + percentiles(inProcess)
            + "\n";
    report += wrk(f, body);
    System.out.println(report);
    Files.writeString(Path.of("target", "transaction-check-benchmark.txt"), report);
  }

  private static String percentiles(long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    return String.format(
        Locale.ROOT,
        "p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms",
        s[s.length / 2] / 1e6,
        s[(int) (s.length * 0.90)] / 1e6,
        s[(int) (s.length * 0.99)] / 1e6,
        s[s.length - 1] / 1e6);
  }

  /**
   * The same call from wrk (a separate process, so the client shares no heap or GC with the
   * server), one connection for 20 s, then four; empty when wrk is not installed.
   */
  private static String wrk(IcpFixture f, String body) throws Exception {
    if (!Files.isExecutable(Path.of("/usr/bin/wrk"))) {
      return "";
    }
    Path script = Files.createTempFile("check", ".lua");
    Files.writeString(
        script,
        "wrk.method = \"POST\"\n"
            + "wrk.headers[\"Content-Type\"] = \"application/json\"\n"
            + "wrk.headers[\"Authorization\"] = \""
            + f.clerk
            + "\"\n"
            + "wrk.body = [==["
            + body
            + "]==]\n");
    StringBuilder out = new StringBuilder();
    for (int connections : new int[] {1, 4}) {
      Process p =
          new ProcessBuilder(
                  "/usr/bin/wrk",
                  "-t" + Math.min(connections, 2),
                  "-c" + connections,
                  "-d20s",
                  "--latency",
                  "-s",
                  script.toString(),
                  f.base + "/api/v1/transactions/check")
              .redirectErrorStream(true)
              .start();
      String text = new String(p.getInputStream().readAllBytes());
      p.waitFor();
      out.append("wrk -c").append(connections).append(":\n").append(text);
    }
    return out.toString();
  }
}

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load client for {@code POST /api/v1/screenings}: N connections, each on its own
 * thread, each sending the next name of a rotating list as soon as its previous answer is read
 * (HTTP/1.1 keep-alive, one request in flight per connection). Every request's latency is kept, so
 * the percentiles are exact, not estimated from a histogram; the client is a few hundred lines of
 * plain sockets so that it takes little of the CPU it shares with the server.
 *
 * <pre>
 * java bench/ScreeningLoad.java --url http://127.0.0.1:8080 --token stc_... \
 *     [--connections 64] [--duration 30] [--warmup 10] [--names bench/names.txt]
 * </pre>
 *
 * <p>The token is read from the environment variable TOKEN when --token is not given.
 */
public final class ScreeningLoad {

  private static final class Connection {
    private final String host;
    private final int port;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    Connection(String host, int port) {
      this.host = host;
      this.port = port;
    }

    /** Sends one request and reads the whole response; returns the HTTP status. */
    int exchange(byte[] request) throws IOException {
      if (socket == null) {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 5_000);
        socket.setSoTimeout(30_000);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
      }
      out.write(request);
      out.flush();
      String status = line();
      if (status == null) {
        throw new IOException("connection closed by the server");
      }
      int code = Integer.parseInt(status.substring(9, 12));
      int length = -1;
      boolean close = false;
      boolean chunked = false;
      for (String h = line(); h != null && !h.isEmpty(); h = line()) {
        String lower = h.toLowerCase(Locale.ROOT);
        if (lower.startsWith("content-length:")) {
          length = Integer.parseInt(lower.substring(15).strip());
        } else if (lower.startsWith("connection:") && lower.contains("close")) {
          close = true;
        } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
          chunked = true;
        }
      }
      if (chunked) {
        for (int size = Integer.parseInt(line().strip(), 16); size > 0; ) {
          in.skipNBytes(size + 2);
          size = Integer.parseInt(line().strip(), 16);
        }
        line();
      } else if (length >= 0) {
        in.skipNBytes(length);
      } else {
        throw new IOException("response without Content-Length or chunked body");
      }
      if (close) {
        close();
      }
      return code;
    }

    private String line() throws IOException {
      StringBuilder b = new StringBuilder(64);
      for (int c = in.read(); c != -1; c = in.read()) {
        if (c == '\n') {
          int n = b.length();
          return n > 0 && b.charAt(n - 1) == '\r' ? b.substring(0, n - 1) : b.toString();
        }
        b.append((char) c);
      }
      return b.isEmpty() ? null : b.toString();
    }

    void close() {
      try {
        if (socket != null) {
          socket.close();
        }
      } catch (IOException ignored) {
        // closing anyway
      }
      socket = null;
    }
  }

  /**
   * One connection's requests: when each started and how long it took (nanoseconds), and
   * outcomes. Warm-up requests are recorded the same way and dropped at the end, so the client runs
   * the same code before and after the measurement starts (a branch first taken at that moment made
   * the client's JIT recompile while 64 threads waited, a 300 ms stall counted against the server).
   */
  private static final class Recorder {
    long[] starts = new long[1 << 16];
    long[] latencies = new long[1 << 16];
    int[] codes = new int[1 << 16];
    int count;

    void add(long start, long nanos, int code) {
      if (count == latencies.length) {
        starts = Arrays.copyOf(starts, count * 2);
        latencies = Arrays.copyOf(latencies, count * 2);
        codes = Arrays.copyOf(codes, count * 2);
      }
      starts[count] = start;
      latencies[count] = nanos;
      codes[count++] = code;
    }
  }

  public static void main(String[] args) throws Exception {
    String url = "http://127.0.0.1:8080";
    String token = System.getenv("TOKEN");
    int connections = 64;
    int duration = 30;
    int warmup = 10;
    Path namesFile = null;
    long slowMillis = Long.MAX_VALUE;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String v = i + 1 < args.length ? args[i + 1] : null;
      switch (a) {
        case "--url" -> url = v;
        case "--token" -> token = v;
        case "--connections" -> connections = Integer.parseInt(v);
        case "--duration" -> duration = Integer.parseInt(v);
        case "--warmup" -> warmup = Integer.parseInt(v);
        case "--names" -> namesFile = Path.of(v);
        case "--slow" -> slowMillis = Long.parseLong(v);
        case "-h", "--help" -> {
          System.out.println(
              "usage: java bench/ScreeningLoad.java --url URL --token TOKEN [--connections 64]"
                  + " [--duration 30] [--warmup 10] [--names FILE] [--slow MS]");
          return;
        }
        default -> throw new IllegalArgumentException("unknown option " + a);
      }
      i++;
    }
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("give --token or set TOKEN");
    }
    List<String> names = new ArrayList<>();
    if (namesFile != null) {
      for (String line : Files.readAllLines(namesFile, StandardCharsets.UTF_8)) {
        if (!line.isBlank() && !line.startsWith("#")) {
          names.add(line.strip());
        }
      }
    } else {
      names.add("Gazprom Bank");
    }
    URI base = URI.create(url);
    String host = base.getHost();
    int port = base.getPort() < 0 ? 80 : base.getPort();
    byte[][] requests = new byte[names.size()][];
    for (int i = 0; i < requests.length; i++) {
      byte[] body =
          ("{\"name\":\"" + names.get(i).replace("\\", "\\\\").replace("\"", "\\\"") + "\"}")
              .getBytes(StandardCharsets.UTF_8);
      String head =
          "POST /api/v1/screenings HTTP/1.1\r\nHost: "
              + host
              + ":"
              + port
              + "\r\nAuthorization: Bearer "
              + token
              + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: "
              + body.length
              + "\r\n\r\n";
      byte[] h = head.getBytes(StandardCharsets.US_ASCII);
      requests[i] = Arrays.copyOf(h, h.length + body.length);
      System.arraycopy(body, 0, requests[i], h.length, body.length);
    }

    long start = System.nanoTime();
    long measureFrom = start + warmup * 1_000_000_000L;
    long end = measureFrom + duration * 1_000_000_000L;
    long slowNanos = slowMillis == Long.MAX_VALUE ? Long.MAX_VALUE : slowMillis * 1_000_000L;
    Recorder[] recorders = new Recorder[connections];
    AtomicLong done = new AtomicLong();
    CountDownLatch finished = new CountDownLatch(connections);
    for (int c = 0; c < connections; c++) {
      Recorder r = recorders[c] = new Recorder();
      int first = c;
      Thread t =
          new Thread(
              () -> {
                Connection conn = new Connection(host, port);
                int next = first;
                try {
                  for (long now = System.nanoTime(); now < end; ) {
                    byte[] req = requests[next++ % requests.length];
                    long t0 = System.nanoTime();
                    int code;
                    try {
                      code = conn.exchange(req);
                    } catch (IOException | RuntimeException e) {
                      conn.close();
                      code = -1;
                    }
                    now = System.nanoTime();
                    if (now - t0 > slowNanos) {
                      System.err.printf(
                          Locale.ROOT,
                          "%nslow: connection %d at %.3f s (%s) took %.1f ms (%s, status %d)%n",
                          first,
                          (t0 - start) / 1e9,
                          java.time.LocalTime.now().minusNanos(System.nanoTime() - t0),
                          (now - t0) / 1e6,
                          names.get((next - 1) % names.size()),
                          code);
                    }
                    r.add(t0, now - t0, code);
                    done.incrementAndGet();
                  }
                } finally {
                  conn.close();
                  finished.countDown();
                }
              },
              "load-" + c);
      t.setDaemon(true);
      t.start();
    }
    int total = warmup + duration;
    for (int s = 1; s <= total; s++) {
      if (finished.await(1, java.util.concurrent.TimeUnit.SECONDS)) {
        break;
      }
      int width = 40;
      int filled = s * width / total;
      System.err.printf(
          "\r[%s%s] %3ds/%ds %s %,d requests",
          "#".repeat(filled),
          " ".repeat(width - filled),
          s,
          total,
          s <= warmup ? "warm-up" : "measuring",
          done.get());
    }
    finished.await();
    System.err.println();

    int n = 0;
    long errors = 0;
    long non200 = 0;
    long[] all = new long[Arrays.stream(recorders).mapToInt(r -> r.count).sum()];
    double sum = 0;
    int[] perConnection = new int[connections];
    for (int c = 0; c < connections; c++) {
      Recorder r = recorders[c];
      for (int i = 0; i < r.count; i++) {
        if (r.starts[i] < measureFrom || r.starts[i] + r.latencies[i] > end) {
          continue;
        }
        if (r.codes[i] == 200) {
          all[n++] = r.latencies[i];
          sum += r.latencies[i];
          perConnection[c]++;
        } else if (r.codes[i] < 0) {
          errors++;
        } else {
          non200++;
        }
      }
    }
    all = Arrays.copyOf(all, n);
    Arrays.sort(all);
    Arrays.sort(perConnection);
    if (n == 0) {
      System.out.println("no successful requests; errors " + errors + ", non-200 " + non200);
      System.exit(1);
    }
    System.out.printf(
        Locale.ROOT,
        "%d connections, %d s after %d s warm-up, %d names: %,d requests, %,.0f req/s,"
            + " errors %d, non-200 %d%n",
        connections,
        duration,
        warmup,
        names.size(),
        n,
        n / (double) duration,
        errors,
        non200);
    System.out.printf(
        Locale.ROOT,
        "latency ms: mean %.2f  p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
        sum / n / 1e6,
        pct(all, 0.50),
        pct(all, 0.90),
        pct(all, 0.99),
        pct(all, 0.999),
        all[n - 1] / 1e6);
    System.out.printf(
        Locale.ROOT,
        "requests per connection: min %d  median %d  max %d%n",
        perConnection[0],
        perConnection[connections / 2],
        perConnection[connections - 1]);
  }

  private static double pct(long[] sorted, double p) {
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }
}

package org.openstc.controls.determination;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openstc.controls.ControlsReferenceData;
import org.openstc.controls.authorisation.TransactionFact;

/**
 * Line determinations per second over a mix of EU and US lines (listed, unlisted, embargoed, GA,
 * catch-all, country chart), on the real shared data ({@code -Dopenstc.shared.data=…}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class DeterminerBenchmark {

  private Determiner determiner;
  private DeterminationRequest[] requests;
  private int next;

  @Setup
  public void setUp() {
    String dir = System.getProperty("openstc.shared.data", "../shared/data");
    ControlsReferenceData data = ControlsReferenceData.load(Path.of(dir));
    determiner = data.determiner();
    LocalDate day = LocalDate.of(2026, 10, 1);
    List<DeterminationRequest> list = new ArrayList<>();
    String[] destinations = {
      "CN", "JP", "RU", "DE", "IN", "BR", "AE", "KR", "US", "TR", "IR", "CU"
    };
    String[] euItems = {
      "2B001.a", "3A001.a.3", "5A002.a.2", "1C350.1", "NOT_LISTED", "ML10", "9A004", "6A003.b.4"
    };
    String[] usItems = {
      "2B001.a", "3A001.a.3", "5A002.a", "1C350", "EAR99", "9A610.a", "3A090.b", "6A003.b.4"
    };
    int k = 0;
    for (String to : destinations) {
      for (int i = 0; i < euItems.length; i++) {
        DeterminationRequest.Builder b =
            DeterminationRequest.builder().eu(euItems[i]).us(usItems[i]).to(to).asOf(day);
        if (k % 5 == 0) {
          b.endUse(EndUse.MILITARY);
        }
        if (k % 7 == 0) {
          b.endUse(EndUse.WMD);
        }
        if (k % 3 == 0) {
          b.fact(TransactionFact.PUBLISHED_CRYPTO_STANDARDS);
        }
        list.add(b.build());
        k++;
      }
    }
    requests = list.toArray(DeterminationRequest[]::new);
  }

  /** One line determination (EU and US jurisdictions both evaluated). */
  @Benchmark
  public Determination determineOneLine() {
    DeterminationRequest r = requests[next];
    next = next + 1 == requests.length ? 0 : next + 1;
    return determiner.determine(r);
  }

  public static void main(String[] args) throws Exception {
    new Runner(
            new OptionsBuilder()
                .include(DeterminerBenchmark.class.getSimpleName())
                .jvmArgsAppend(
                    "-Dopenstc.shared.data="
                        + System.getProperty("openstc.shared.data", "../shared/data"))
                .build())
        .run();
  }
}

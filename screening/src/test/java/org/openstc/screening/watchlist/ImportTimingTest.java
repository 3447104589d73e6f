package org.openstc.screening.watchlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ImportTimingTest {

  @Test
  void importingUnOfacSdnNonSdnAndCslTakesUnderTenSeconds() {
    Path sanctions = SharedData.sanctions("un").getParent();
    ImportTiming.Timing cold = ImportTiming.pass(sanctions, "cold");
    // CPU time of the whole JVM (reading, JIT, GC), not wall time: the shared build machine's
    // load must not fail the build, while a real slowdown of the readers still does.
    assertThat(cold.processCpuMillis()).isLessThan(10_000);
  }
}

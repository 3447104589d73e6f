package org.openstc.screening.watchlist;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Times the import (read and map into the model) of UN + OFAC SDN 2021 + OFAC non-SDN 2025 + CSL
 * 2022 from the shared data folder. Run with {@code ./mvnw -q -pl screening test
 * -Dtest=ImportTimingTest} or as a main with the test classpath; argument: the shared data folder.
 */
public final class ImportTiming {

  static final List<String> FILES =
      List.of(
          "un/consolidated-2026-02-27.xml",
          "ofac/sdn-2021-07-07",
          "ofac/cons-2025-12-19",
          "csl/consolidated-2022-05-16.csv.gz");

  private ImportTiming() {}

  /** Wall-clock and CPU milliseconds of one pass. */
  record Timing(long wallMillis, long cpuMillis, long processCpuMillis) {}

  /**
   * One timed pass over all files, printing a line per file. CPU time of the reading thread is
   * reported beside wall-clock time because the build machine is shared and often loaded.
   */
  static Timing pass(Path sanctions, String label) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long processStart = os.getProcessCpuTime();
    long wall = 0;
    long cpu = 0;
    int entities = 0;
    for (String file : FILES) {
      long start = System.nanoTime();
      long startCpu = threads.getCurrentThreadCpuTime();
      WatchlistSnapshot snapshot = WatchlistReaders.snapshot(sanctions.resolve(file));
      long ms = (System.nanoTime() - start) / 1_000_000;
      long cpuMs = (threads.getCurrentThreadCpuTime() - startCpu) / 1_000_000;
      wall += ms;
      cpu += cpuMs;
      entities += snapshot.size();
      System.out.printf(
          Locale.ROOT,
          "%s %-40s %6d entities %6d ms wall %6d ms cpu%n",
          label,
          file,
          snapshot.size(),
          ms,
          cpuMs);
    }
    long process = (os.getProcessCpuTime() - processStart) / 1_000_000;
    System.out.printf(
        Locale.ROOT,
        "%s TOTAL %d entities in %d ms wall, %d ms cpu (reading thread), %d ms cpu (whole JVM: JIT, GC)%n",
        label,
        entities,
        wall,
        cpu,
        process);
    return new Timing(wall, cpu, process);
  }

  public static void main(String[] args) {
    Path sanctions = Path.of(args.length > 0 ? args[0] : "../shared/data").resolve("sanctions");
    Timing cold = pass(sanctions, "cold");
    Timing warm = pass(sanctions, "warm");
    System.out.printf(
        Locale.ROOT,
        "cold %d ms wall (%d ms cpu, %d ms JVM cpu), warm %d ms wall (%d ms cpu, %d ms JVM cpu)%n",
        cold.wallMillis(),
        cold.cpuMillis(),
        cold.processCpuMillis(),
        warm.wallMillis(),
        warm.cpuMillis(),
        warm.processCpuMillis());
  }
}

package org.openstc.server.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openstc.screening.matching.MatchingEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stc eval-matching}: prints the matcher's accuracy and speed figures on the shared data.
 */
@Command(
    name = "eval-matching",
    mixinStandardHelpOptions = true,
    description =
        "Measure the screening engine on ../shared/data: name bench P/R/F1, OFAC agreement, UN"
            + " recall, alert rate on negatives, throughput and scaling (docs/ACCURACY.md).")
final class EvalMatchingCommand implements Runnable {

  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = "../shared/data",
      description = "The shared data folder (default ../shared/data)")
  Path data;

  @Option(
      names = "--quick",
      description = "Sample 5,000 negatives per file and skip the scaling runs")
  boolean quick;

  @Override
  public void run() {
    if (!Files.isDirectory(data.resolve("matching"))) {
      throw new CliException(
          "no matching data under " + data + " (give --data pointing at shared/data)");
    }
    try {
      new MatchingEvaluation(data, System.out).run(quick);
    } catch (IOException e) {
      throw new CliException("evaluation failed: " + e.getMessage());
    }
  }
}

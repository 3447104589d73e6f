package org.openstc.screening.watchlist;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the real list files in the shared data folder; tests skip when it is absent. */
final class SharedData {

  private SharedData() {}

  static Path sanctions(String relative) {
    String root = System.getProperty("openstc.shared.data");
    if (root == null) {
      Path guess = Path.of("../../shared/data");
      root = Files.isDirectory(guess) ? guess.toString() : "/work/shared/data";
    }
    Path path = Path.of(root, "sanctions", relative);
    assumeTrue(Files.exists(path), "shared data not present: " + path);
    return path;
  }
}

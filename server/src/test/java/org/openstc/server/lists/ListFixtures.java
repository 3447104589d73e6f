package org.openstc.server.lists;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The test fixtures under {@code src/test/resources/lists} and the shared real data. */
final class ListFixtures {

  private ListFixtures() {}

  static Path fixture(String name) {
    try {
      return Path.of(ListFixtures.class.getResource("/lists/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("missing fixture " + name, e);
    }
  }

  /** A file under the shared sanctions data; skips the test when it is absent. */
  static Path sanctions(String relative) {
    String base = System.getProperty("openstc.shared.data", "../../shared/data");
    Path path = Path.of(base, "sanctions", relative);
    Assumptions.assumeTrue(Files.exists(path), "shared data not present: " + path);
    return path;
  }
}

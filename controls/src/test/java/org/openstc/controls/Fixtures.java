package org.openstc.controls;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

/** Reference data built from the small fixtures under src/test/resources/fixtures. */
public final class Fixtures {

  private static ControlsReferenceData data;

  private Fixtures() {}

  public static Path path(String name) {
    try {
      return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Fixture reference data: EU Annex I excerpt, two US CCL versions, chart and groups. */
  public static synchronized ControlsReferenceData data() {
    if (data == null) {
      data =
          ControlsReferenceData.builder()
              .euAnnexI(path("annex-i-fixture.json"))
              .usCclJson(path("ccl-fixture-2026-07-23.json"))
              .usCclEcfrXml(path("ccl-part-774-fixture-2026-09-01.xml"), LocalDate.of(2026, 9, 1))
              .countryGroupsJson(path("country-groups-fixture.json"))
              .countryChartEcfrXml(
                  path("part-738-fixture-2026-09-01.xml"), LocalDate.of(2026, 9, 1))
              .build();
    }
    return data;
  }

  /** The shared data directory when present (system property openstc.shared.data). */
  public static Optional<Path> sharedData() {
    String p = System.getProperty("openstc.shared.data");
    if (p == null) {
      return Optional.empty();
    }
    Path dir = Path.of(p);
    return java.nio.file.Files.isDirectory(dir.resolve("controllists"))
        ? Optional.of(dir)
        : Optional.empty();
  }
}

package org.openstc.server.controls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openstc.controls.ControlsReferenceData;
import org.openstc.controls.io.ReferenceDataException;

/**
 * The reference data files on disk and how they make one {@link ControlsReferenceData}: the
 * engine's bundled data, the public EU/US files of the shared data folder, and the list versions
 * imported into the server (kept as files under {@code <data-dir>/control-lists/}, named so that
 * they can be read without the database, as {@code ./stc determine} does).
 */
public final class ControlsReferenceFiles {

  /** The sub-folder of the data folder holding imported list files. */
  public static final String LIST_FOLDER = "control-lists";

  /** The file holding the restrictive measures as edited by administrators. */
  public static final String MEASURES_FILE = "restrictive-measures.json";

  private static final Pattern STORED =
      Pattern.compile("(\\d{6,})__([a-z0-9-]+)__(\\d{4}-\\d{2}-\\d{2})\\.(json|xml)");
  private static final Pattern DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})");

  /** One imported list file found on disk. */
  public record StoredList(long versionId, ControlListKind kind, LocalDate validFrom, Path file) {}

  private ControlsReferenceFiles() {}

  /**
   * The shared data folder for a setting: blank means {@code ../shared/data} when it exists, {@code
   * none} means no folder.
   */
  public static Path sharedDataFolder(String setting) {
    if (setting != null && setting.strip().equalsIgnoreCase("none")) {
      return null;
    }
    if (setting == null || setting.isBlank()) {
      Path fallback = Path.of("..", "shared", "data");
      return Files.isDirectory(fallback) ? fallback.toAbsolutePath().normalize() : null;
    }
    return Path.of(setting.strip());
  }

  public static Path listFolder(Path dataDir) {
    return dataDir.resolve(LIST_FOLDER);
  }

  /** The file name under which an imported version is kept. */
  public static String storedName(long versionId, ControlListKind kind, LocalDate validFrom) {
    return String.format(
        Locale.ROOT, "%06d__%s__%s.%s", versionId, kind.slug(), validFrom, kind.extension());
  }

  /** The imported list files in a data folder, in import order. */
  public static List<StoredList> storedLists(Path dataDir) {
    Path folder = listFolder(dataDir);
    List<StoredList> out = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return out;
    }
    try (Stream<Path> files = Files.list(folder)) {
      files
          .sorted()
          .forEach(p -> {
            Matcher m = STORED.matcher(p.getFileName().toString());
            if (m.matches()) {
              out.add(
                  new StoredList(
                      Long.parseLong(m.group(1)),
                      ControlListKind.parse(m.group(2)),
                      LocalDate.parse(m.group(3)),
                      p));
            }
          });
    } catch (IOException e) {
      throw new ReferenceDataException("cannot list " + folder + ": " + e.getMessage(), e);
    }
    return out;
  }

  /**
   * Loads the bundled data, the shared folder's files (when given) and the imported lists of the
   * data folder (when given), with administrators' restrictive measures if they saved any.
   */
  public static ControlsReferenceData load(Path sharedData, Path dataDir) {
    return load(sharedData, dataDir, true);
  }

  /**
   * As {@link #load(Path, Path)}; without {@code withUs} the US files (CCL, Country Chart and
   * Groups) are skipped, which halves the start-up of an EU-only determination.
   */
  public static ControlsReferenceData load(Path sharedData, Path dataDir, boolean withUs) {
    List<StoredList> stored = dataDir == null ? List.of() : storedLists(dataDir);
    ControlsReferenceData.Builder b = builderWithSharedData(sharedData, withUs);
    for (StoredList s : stored) {
      boolean us =
          s.kind() != ControlListKind.EU_ANNEX_I && s.kind() != ControlListKind.NATIONAL_JSON;
      if (withUs || !us) {
        add(b, s.kind(), s.file(), s.validFrom());
      }
    }
    if (dataDir != null) {
      Path measures = listFolder(dataDir).resolve(MEASURES_FILE);
      if (Files.isRegularFile(measures)) {
        b.measures(measures);
      }
    }
    return b.build();
  }

  /** A builder holding the bundled data and the files of the shared data folder. */
  public static ControlsReferenceData.Builder builderWithSharedData(Path sharedData) {
    return builderWithSharedData(sharedData, true);
  }

  private static ControlsReferenceData.Builder builderWithSharedData(
      Path sharedData, boolean withUs) {
    ControlsReferenceData.Builder b = ControlsReferenceData.builder();
    if (sharedData == null) {
      return b;
    }
    Path dir = sharedData.resolve("controllists");
    if (!Files.isDirectory(dir)) {
      return b;
    }
    // The same files, in the same order, as ControlsReferenceData.load(sharedData) reads.
    Path ecfr = dir.resolve("ecfr");
    newest(dir, "eu-dual-use-annex-i-", ".json").ifPresent(b::euAnnexI);
    if (!withUs) {
      return b;
    }
    newest(dir, "us-ear-ccl-", ".json").ifPresent(b::usCclJson);
    newest(ecfr, "title-15-part-774-", ".xml").ifPresent(p -> b.usCclEcfrXml(p, dateIn(p)));
    newest(dir, "us-ear-country-groups-", ".json").ifPresent(b::countryGroupsJson);
    newest(ecfr, "title-15-part-740-", ".xml").ifPresent(p -> b.countryGroupsEcfrXml(p, dateIn(p)));
    newest(ecfr, "title-15-part-738-", ".xml").ifPresent(p -> b.countryChartEcfrXml(p, dateIn(p)));
    newest(dir, "us-ear-license-exception-catalog-", ".json").ifPresent(b::licenceExceptions);
    return b;
  }

  /** Adds one list file of a known kind to a builder. */
  public static void add(
      ControlsReferenceData.Builder b, ControlListKind kind, Path file, LocalDate validFrom) {
    switch (kind) {
      case EU_ANNEX_I -> b.euAnnexI(file);
      case US_CCL_JSON -> b.usCclJson(file);
      case ECFR_774 -> b.usCclEcfrXml(file, validFrom);
      case NATIONAL_JSON -> b.controlList(file);
      case ECFR_738 -> b.countryChartEcfrXml(file, validFrom);
      case ECFR_740 -> b.countryGroupsEcfrXml(file, validFrom);
    }
  }

  /** The first ISO date in a file name, if any. */
  public static Optional<LocalDate> dateInName(String fileName) {
    Matcher m = DATE.matcher(fileName == null ? "" : fileName);
    return m.find() ? Optional.of(LocalDate.parse(m.group(1))) : Optional.empty();
  }

  private static LocalDate dateIn(Path p) {
    return dateInName(p.getFileName().toString())
        .orElseThrow(
            () -> new ReferenceDataException(p + ": no date (YYYY-MM-DD) in the file name"));
  }

  private static Optional<Path> newest(Path dir, String prefix, String suffix) {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(
              p -> {
                String n = p.getFileName().toString();
                return n.startsWith(prefix) && n.endsWith(suffix);
              })
          .max((a, c) -> a.getFileName().toString().compareTo(c.getFileName().toString()));
    } catch (IOException e) {
      throw new ReferenceDataException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }
}

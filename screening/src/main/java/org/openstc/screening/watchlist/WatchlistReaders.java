package org.openstc.screening.watchlist;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The entry point for reading list files: detects the format from content (gzip and zip are
 * unwrapped), streams entities to a consumer with bounded memory, or collects a {@link
 * WatchlistSnapshot}. Every failure is a {@link WatchlistFormatException} naming file and line.
 *
 * <p>An OFAC legacy CSV set is read from the directory holding it ({@code sdn.csv} with {@code
 * add.csv}, {@code alt.csv}, {@code sdn_comments.csv}, or the {@code cons_*} files), or from a zip
 * file holding them.
 */
public final class WatchlistReaders {

  private WatchlistReaders() {}

  /** Detects the format of a file, or of a directory holding an OFAC legacy CSV set. */
  public static ListFormat detect(Path path) {
    if (isZipHoldingOfacSet(path)) {
      return ListFormat.OFAC_LEGACY_CSV;
    }
    if (Files.isDirectory(path)) {
      if (OfacLegacyCsvReader.findSet(path) != null) {
        return ListFormat.OFAC_LEGACY_CSV;
      }
      throw new WatchlistFormatException(
          path.toString(), 0, "directory holds no OFAC CSV set (sdn.csv or cons_prim.csv)");
    }
    ListInput input = ListInput.open(path);
    try {
      return detect(input);
    } finally {
      input.close();
    }
  }

  /** Detects the format of a stream from its first 64 KB; the stream is consumed, not closed. */
  public static ListFormat detect(InputStream in, String name) {
    return detect(ListInput.open(in, name));
  }

  private static ListFormat detect(ListInput input) {
    return FormatSniffer.sniff(input.head())
        .orElseThrow(() ->
            new WatchlistFormatException(
                input.name(),
                1,
                "unknown list format (not one of " + List.of(ListFormat.values()) + ")"));
  }

  /** Reads a file or OFAC set directory, detecting format and source. */
  public static ReadSummary read(Path path, Consumer<ListedEntity> sink) {
    return read(path, null, null, sink);
  }

  /**
   * Reads a file or OFAC set directory.
   *
   * @param format the format, or null to detect it from content
   * @param source the source code to give the entities, or null for the format's usual source
   */
  public static ReadSummary read(
      Path path, ListFormat format, String source, Consumer<ListedEntity> sink) {
    Objects.requireNonNull(sink, "sink");
    if (isZipHoldingOfacSet(path)) {
      // A zip of the OFAC CSV set is read as the set, through the zip file system.
      try (FileSystem zip = FileSystems.newFileSystem(path)) {
        OfacLegacyCsvReader.Set set = ofacSetIn(zip);
        String src = source != null ? source : set.defaultSource();
        Tally tally = new Tally(sink, path.toString());
        new OfacLegacyCsvReader().readSet(set, src, tally);
        return tally.summary(path.toString(), ListFormat.OFAC_LEGACY_CSV, src);
      } catch (IOException e) {
        throw new WatchlistFormatException(
            path.toString(), 0, "cannot read zip: " + e.getMessage(), e);
      }
    }
    if (Files.isDirectory(path)) {
      OfacLegacyCsvReader.Set set = OfacLegacyCsvReader.findSet(path);
      if (set == null) {
        throw new WatchlistFormatException(
            path.toString(), 0, "directory holds no OFAC CSV set (sdn.csv or cons_prim.csv)");
      }
      String src = source != null ? source : set.defaultSource();
      Tally tally = new Tally(sink, path.toString());
      new OfacLegacyCsvReader().readSet(set, src, tally);
      return tally.summary(path.toString(), ListFormat.OFAC_LEGACY_CSV, src);
    }
    ListInput input = ListInput.open(path);
    try {
      return read(input, format, source, sink);
    } finally {
      input.close();
    }
  }

  /** Whether the file is a zip archive holding an OFAC CSV set (at its root or in one folder). */
  private static boolean isZipHoldingOfacSet(Path path) {
    if (!Files.isRegularFile(path)) {
      return false;
    }
    try (InputStream in = Files.newInputStream(path)) {
      byte[] magic = in.readNBytes(4);
      if (magic.length < 4
          || magic[0] != 'P'
          || magic[1] != 'K'
          || magic[2] != 3
          || magic[3] != 4) {
        return false;
      }
    } catch (IOException e) {
      return false;
    }
    try (FileSystem zip = FileSystems.newFileSystem(path)) {
      return ofacSetIn(zip) != null;
    } catch (IOException | RuntimeException e) {
      // Not a readable zip: leave it to the ordinary readers, which report it properly.
      return false;
    }
  }

  private static OfacLegacyCsvReader.Set ofacSetIn(FileSystem zip) throws IOException {
    Path root = zip.getPath("/");
    OfacLegacyCsvReader.Set set = OfacLegacyCsvReader.findSet(root);
    if (set != null) {
      return set;
    }
    try (var children = Files.list(root)) {
      for (Path child : children.filter(Files::isDirectory).toList()) {
        set = OfacLegacyCsvReader.findSet(child);
        if (set != null) {
          return set;
        }
      }
    }
    return null;
  }

  /**
   * Reads a stream (e.g. an upload) and closes it; {@code name} is used for source guessing and
   * messages. A stream is always one file: an OFAC CSV set must be read from a directory or zip.
   */
  public static ReadSummary read(
      InputStream in, String name, ListFormat format, String source, Consumer<ListedEntity> sink) {
    ListInput input = ListInput.open(in, name);
    try {
      return read(input, format, source, sink);
    } finally {
      input.close();
    }
  }

  private static ReadSummary read(
      ListInput input, ListFormat format, String source, Consumer<ListedEntity> sink) {
    ListFormat actual = format != null ? format : detect(input);
    String src = source != null ? source : defaultSource(actual, input.name());
    Tally tally = new Tally(sink, input.name());
    try {
      reader(actual).read(input, src, tally);
    } catch (java.io.UncheckedIOException e) {
      throw new WatchlistFormatException(
          input.name(), 0, "cannot read: " + e.getCause().getMessage(), e);
    }
    return tally.summary(input.name(), actual, src);
  }

  /** Reads a whole file into memory as a snapshot (ids must be unique). */
  public static WatchlistSnapshot snapshot(Path path) {
    return snapshot(path, null, null);
  }

  public static WatchlistSnapshot snapshot(Path path, ListFormat format, String source) {
    List<ListedEntity> entities = new ArrayList<>();
    ReadSummary summary = read(path, format, source, entities::add);
    try {
      return new WatchlistSnapshot(
          summary.source(), summary.format(), summary.publicationDate(), entities);
    } catch (IllegalArgumentException e) {
      throw new WatchlistFormatException(path.toString(), 0, e.getMessage(), e);
    }
  }

  /**
   * The source code a format's files usually come from, used when the caller names none; the file
   * name tells OFAC SDN and non-SDN apart ("cons" in the name means non-SDN).
   */
  public static String defaultSource(ListFormat format, String name) {
    String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
    return switch (format) {
      case UN_XML -> ListSources.UN_SC;
      case OFAC_LEGACY_CSV, OFAC_ADVANCED_XML, OFAC_CLASSIC_XML, OFAC_ENHANCED_XML ->
          lower.contains("cons") ? ListSources.OFAC_NON_SDN : ListSources.OFAC_SDN;
      case CSL_CSV, CSL_JSON -> ListSources.TRADE_CSL;
      case BIS_DPL_TSV -> ListSources.BIS_DPL;
      case EU_FSF_XML -> ListSources.EU_FSF;
      case UK_FCDO_XML -> ListSources.UK_FCDO;
      case FTM_JSON -> ListSources.OPENSANCTIONS;
      case PRIVATE_CSV -> ListSources.PRIVATE;
    };
  }

  static ListReader reader(ListFormat format) {
    return switch (format) {
      case UN_XML -> new UnXmlReader();
      case OFAC_LEGACY_CSV -> new OfacLegacyCsvReader();
      case OFAC_ADVANCED_XML -> new OfacAdvancedXmlReader();
      case OFAC_CLASSIC_XML -> new OfacClassicXmlReader();
      case OFAC_ENHANCED_XML -> new OfacEnhancedXmlReader();
      case CSL_CSV -> new CslCsvReader();
      case CSL_JSON -> new CslJsonReader();
      case BIS_DPL_TSV -> new BisDplReader();
      case EU_FSF_XML -> new EuFsfXmlReader();
      case UK_FCDO_XML -> new UkFcdoXmlReader();
      case FTM_JSON -> new FtmJsonReader();
      case PRIVATE_CSV -> new PrivateCsvReader();
    };
  }
}

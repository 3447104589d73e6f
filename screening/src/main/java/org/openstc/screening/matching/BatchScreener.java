package org.openstc.screening.matching;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.openstc.screening.watchlist.BirthDate;
import org.openstc.screening.watchlist.EntityType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Screens a file of parties in one pass: CSV with header {@code id,name} and optional {@code
 * type,birth_date,country}, or JSON lines with the same keys. Writes one CSV row per hit ({@code
 * query_id,query_name,score,list,entity_id,entity_name,matched_name}), reports progress through a
 * callback and every bad row through another, and never stops for a bad row.
 */
public final class BatchScreener {

  /** Output header, in order. */
  public static final List<String> HEADER =
      List.of(
          "query_id", "query_name", "score", "list", "entity_id", "entity_name", "matched_name");

  /** Receives progress: queries done and hits written so far. */
  @FunctionalInterface
  public interface Progress {
    void update(long queries, long hits);
  }

  /** A row that could not be screened: its line (1-based, header is line 1) and why. */
  public record RowError(long line, String reason) {
    @Override
    public String toString() {
      return "line " + line + ": " + reason;
    }
  }

  /** What a batch did. */
  public record Summary(long queries, long hits, long badRows, double seconds) {
    /** Names screened per second. */
    public double namesPerSecond() {
      return seconds <= 0 ? queries : queries / seconds;
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%d queries, %d hits, %d bad rows, %.1f s, %.0f names/s",
          queries,
          hits,
          badRows,
          seconds,
          namesPerSecond());
    }
  }

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final Screener screener;
  private final ScreeningOptions options;

  public BatchScreener(Screener screener, ScreeningOptions options) {
    this.screener = Objects.requireNonNull(screener, "screener");
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * Screens every row of the input. The format is JSON lines when the first non-blank character is
   * "{", else CSV.
   */
  public Summary screen(
      Reader input, Writer output, Progress progress, java.util.function.Consumer<RowError> errors)
      throws IOException {
    BufferedReader in = input instanceof BufferedReader b ? b : new BufferedReader(input);
    in.mark(1 << 16);
    int first;
    do {
      first = in.read();
    } while (first == ' ' || first == '\n' || first == '\r' || first == '\t' || first == 0xFEFF);
    in.reset();
    long start = System.nanoTime();
    Counters c = new Counters();
    CSVPrinter printer =
        new CSVPrinter(output, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
    printer.printRecord(HEADER);
    if (first == '{') {
      jsonLines(in, printer, c, progress, errors);
    } else if (first >= 0) {
      csv(in, printer, c, progress, errors);
    }
    printer.flush();
    progress.update(c.queries, c.hits);
    return new Summary(c.queries, c.hits, c.bad, (System.nanoTime() - start) / 1e9);
  }

  private static final class Counters {
    long queries;
    long hits;
    long bad;
  }

  private void csv(
      BufferedReader in,
      CSVPrinter printer,
      Counters c,
      Progress progress,
      java.util.function.Consumer<RowError> errors)
      throws IOException {
    CSVParser parser;
    try {
      parser =
          CSVFormat.DEFAULT
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .setTrim(true)
              .get()
              .parse(in);
    } catch (IllegalArgumentException | UncheckedIOException e) {
      errors.accept(new RowError(1, "bad header: " + e.getMessage()));
      c.bad++;
      return;
    }
    Map<String, Integer> header = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    header.putAll(parser.getHeaderMap());
    if (!header.containsKey("name")) {
      errors.accept(new RowError(1, "header has no 'name' column: " + parser.getHeaderNames()));
      c.bad++;
      return;
    }
    var it = parser.iterator();
    while (true) {
      CSVRecord rec;
      try {
        if (!it.hasNext()) {
          break;
        }
        rec = it.next();
      } catch (UncheckedIOException | IllegalStateException e) {
        // A malformed quote breaks the rest of the file: report it and stop reading.
        c.bad++;
        errors.accept(
            new RowError(parser.getCurrentLineNumber(), "unreadable CSV: " + e.getMessage()));
        break;
      }
      long line = rec.getRecordNumber() + 1;
      Map<String, String> row = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (Map.Entry<String, Integer> h : header.entrySet()) {
        if (h.getValue() < rec.size()) {
          row.put(h.getKey(), rec.get(h.getValue()));
        }
      }
      one(line, row, printer, c, progress, errors);
    }
  }

  private void jsonLines(
      BufferedReader in,
      CSVPrinter printer,
      Counters c,
      Progress progress,
      java.util.function.Consumer<RowError> errors)
      throws IOException {
    String text;
    long line = 0;
    while ((text = in.readLine()) != null) {
      line++;
      if (text.isBlank()) {
        continue;
      }
      Map<String, String> row = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      try {
        JsonNode node = JSON.readTree(text);
        if (node == null || !node.isObject()) {
          throw new IllegalArgumentException("not a JSON object");
        }
        for (String key : List.of("id", "name", "type", "birth_date", "country")) {
          JsonNode v = node.get(key);
          if (v != null && !v.isNull() && !v.isContainer()) {
            row.put(key, v.asString());
          }
        }
      } catch (RuntimeException e) {
        c.bad++;
        errors.accept(new RowError(line, "bad JSON: " + e.getMessage()));
        continue;
      }
      one(line, row, printer, c, progress, errors);
    }
  }

  private void one(
      long line,
      Map<String, String> row,
      CSVPrinter printer,
      Counters c,
      Progress progress,
      java.util.function.Consumer<RowError> errors)
      throws IOException {
    String id = row.getOrDefault("id", Long.toString(line));
    String name = row.get("name");
    if (name == null || name.isBlank()) {
      c.bad++;
      errors.accept(new RowError(line, "empty name"));
      return;
    }
    ScreeningQuery query;
    try {
      query =
          new ScreeningQuery(
              name,
              type(row.get("type")),
              birthDate(row.get("birth_date")),
              blankToNull(row.get("country")),
              null,
              List.of());
    } catch (IllegalArgumentException e) {
      c.bad++;
      errors.accept(new RowError(line, e.getMessage()));
      return;
    }
    List<ScreeningHit> hits;
    try {
      hits = screener.screen(query, options);
    } catch (RuntimeException e) {
      c.bad++;
      errors.accept(new RowError(line, "screening failed: " + e));
      return;
    }
    c.queries++;
    for (ScreeningHit h : hits) {
      printer.printRecord(
          id,
          name,
          String.format(Locale.ROOT, "%.3f", h.score()),
          h.entity().source(),
          h.entity().id().value(),
          h.entity().name().full(),
          h.matchedName().full());
      c.hits++;
    }
    if (c.queries % 1000 == 0) {
      progress.update(c.queries, c.hits);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  static EntityType type(String text) {
    String t = blankToNull(text);
    if (t == null) {
      return null;
    }
    return switch (t.toLowerCase(Locale.ROOT)) {
      case "person", "individual", "people" -> EntityType.PERSON;
      case "organisation", "organization", "entity", "company", "legalentity" ->
          EntityType.ORGANISATION;
      case "vessel", "ship" -> EntityType.VESSEL;
      case "aircraft" -> EntityType.AIRCRAFT;
      default -> throw new IllegalArgumentException("unknown type '" + t + "'");
    };
  }

  static BirthDate birthDate(String text) {
    String t = blankToNull(text);
    if (t == null) {
      return null;
    }
    BirthDate d = BirthDate.parse(t);
    if (d.earliest() == null) {
      throw new IllegalArgumentException("unreadable birth_date '" + t + "'");
    }
    return d;
  }
}

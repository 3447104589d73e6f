package org.openstc.screening.watchlist;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams the records of a CSV or tab-separated list file with commons-csv. A record may not exceed
 * {@link #MAX_RECORD_CHARS} characters, so an unbalanced quote that would swallow the rest of a
 * huge file fails early; decoding and quoting errors name file and line.
 */
final class CsvRows {

  static final int MAX_RECORD_CHARS = 1024 * 1024;

  private CsvRows() {}

  static CSVFormat.Builder csv() {
    return CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true);
  }

  /** Passes each record to the consumer; the consumer's own exceptions pass through. */
  static void forEach(ListInput input, CSVFormat format, Consumer<CSVRecord> consumer) {
    RecordBudget reader = new RecordBudget(input.text());
    CSVParser parser;
    try {
      parser = CSVParser.builder().setReader(reader).setFormat(format).get();
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      throw new WatchlistFormatException(
          input.name(), 1, "cannot read CSV header: " + message(e), e);
    }
    try (parser) {
      var iterator = parser.iterator();
      while (true) {
        CSVRecord record;
        try {
          reader.reset();
          if (!iterator.hasNext()) {
            break;
          }
          record = iterator.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          throw new WatchlistFormatException(
              input.name(), Math.max(1, parser.getCurrentLineNumber()), message(e), e);
        }
        consumer.accept(record);
      }
    } catch (IOException e) {
      throw new WatchlistFormatException(input.name(), 0, message(e), e);
    }
  }

  private static String message(Exception e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    if (cause instanceof CharacterCodingException) {
      return "invalid byte sequence for the text encoding (the file must be UTF-8, or UTF-16 with a"
          + " byte-order mark)";
    }
    String m = cause.getMessage();
    if (m != null && m.contains("EOF reached before encapsulated token finished")) {
      return "unbalanced quote: the file ends inside a quoted field (" + m + ")";
    }
    return m == null ? cause.getClass().getSimpleName() : m;
  }

  /** Fails when one record grows beyond the budget; reset before each record. */
  private static final class RecordBudget extends FilterReader {
    private long used;

    RecordBudget(Reader in) {
      super(in);
    }

    @Override
    public void reset() {
      used = 0;
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      charge(1);
      return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        charge(n);
      }
      return n;
    }

    private void charge(int n) throws IOException {
      used += n;
      // The parser reads ahead in blocks, so allow one extra buffer before failing.
      if (used > MAX_RECORD_CHARS + 64 * 1024) {
        throw new IOException(
            "a record exceeds " + MAX_RECORD_CHARS + " characters (unbalanced quote?)");
      }
    }
  }

  /** The trimmed field, or null when absent, blank or OFAC's "-0-" placeholder. */
  static String field(CSVRecord record, int index) {
    if (index >= record.size()) {
      return null;
    }
    String value = Text.clean(record.get(index));
    return value == null || value.equals("-0-") ? null : value;
  }

  static String field(CSVRecord record, String name) {
    if (!record.isMapped(name) || !record.isSet(name)) {
      return null;
    }
    return Text.clean(record.get(name));
  }
}

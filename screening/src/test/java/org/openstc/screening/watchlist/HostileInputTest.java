package org.openstc.screening.watchlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Hostile and broken list files fail with a clear message naming file, line and element. */
class HostileInputTest {

  private static ReadSummary read(String name, byte[] bytes) {
    return WatchlistReaders.read(new ByteArrayInputStream(bytes), name, null, null, e -> {});
  }

  private static ReadSummary read(String name, String text) {
    return read(name, text.getBytes(StandardCharsets.UTF_8));
  }

  private static final String UN_ENTRY =
      "<INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>%s</FIRST_NAME><REFERENCE_NUMBER>XXi.%d</REFERENCE_NUMBER>"
          + "<UN_LIST_TYPE>Fixture</UN_LIST_TYPE></INDIVIDUAL>\n";

  @Test
  void externalEntitiesAreRefused() {
    String xxe =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE CONSOLIDATED_LIST [\n<!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n]>\n"
            + "<CONSOLIDATED_LIST><INDIVIDUALS>\n"
            + UN_ENTRY.formatted("&xxe;", 1)
            + "</INDIVIDUALS></CONSOLIDATED_LIST>";

    assertThatThrownBy(() -> read("xxe.xml", xxe))
        .isInstanceOf(WatchlistFormatException.class)
        .hasMessageStartingWith("xxe.xml:")
        .hasMessageContaining("DOCTYPE")
        .hasMessageNotContaining("root:");
  }

  @Test
  void entityExpansionBombIsRefused() {
    StringBuilder bomb =
        new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
    for (int i = 1; i < 10; i++) {
      bomb.append("<!ENTITY lol").append(i).append(" \"");
      bomb.append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">\n");
    }
    bomb.append("]>\n<CONSOLIDATED_LIST><INDIVIDUALS>").append(UN_ENTRY.formatted("&lol9;", 1));
    bomb.append("</INDIVIDUALS></CONSOLIDATED_LIST>");

    assertThatThrownBy(() -> read("bomb.xml", bomb.toString()))
        .isInstanceOf(WatchlistFormatException.class)
        .hasMessageContaining("bomb.xml")
        .hasMessageContaining("DOCTYPE");
  }

  @Test
  void truncatedXmlNamesLineAndElement() {
    String xml =
        "<?xml version=\"1.0\"?>\n<CONSOLIDATED_LIST dateGenerated=\"2026-01-01T00:00:00Z\"><INDIVIDUALS>\n"
            + UN_ENTRY.formatted("A", 1)
            + "<INDIVIDUAL><DATAID>2</DATAID>\n<FIRST_NAME>CUT";

    assertThatThrownBy(() -> read("cut.xml", xml))
        .isInstanceOf(WatchlistFormatException.class)
        .satisfies(e -> assertThat(((WatchlistFormatException) e).line()).isEqualTo(5))
        .hasMessageContaining("cut.xml:5")
        .hasMessageContaining("<FIRST_NAME>");
  }

  @Test
  void wrongRootElementForAForcedFormat() {
    String xml =
        "<?xml version=\"1.0\"?>\n<sdnList><sdnEntry><uid>1</uid><lastName>X</lastName></sdnEntry></sdnList>";
    assertThatThrownBy(() ->
            WatchlistReaders.read(
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                "x.xml",
                ListFormat.UN_XML,
                null,
                e -> {}))
        .isInstanceOf(WatchlistFormatException.class)
        .hasMessageContaining("sdnList")
        .hasMessageContaining("CONSOLIDATED_LIST");
  }

  @Test
  void csvWithAnUnbalancedQuoteNamesFileAndLine() {
    String csv = "id,name,type\nC-1,\"Broken,person\nC-2,Fine,person\n";
    assertThatThrownBy(() -> read("blacklist.csv", csv))
        .isInstanceOf(WatchlistFormatException.class)
        .hasMessageStartingWith("blacklist.csv:")
        .hasMessageContaining("quote");
  }

  @Test
  void invalidUtf8NamesTheLine() {
    byte[] head = "id,name,type\nC-1,Good,person\nC-2,Bad ".getBytes(StandardCharsets.UTF_8);
    byte[] tail = ",person\n".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[head.length + 2 + tail.length];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = (byte) 0xC3;
    bytes[head.length + 1] = (byte) 0x28;
    System.arraycopy(tail, 0, bytes, head.length + 2, tail.length);

    assertThatThrownBy(() -> read("latin.csv", bytes))
        .isInstanceOf(WatchlistFormatException.class)
        .hasMessageContaining("latin.csv:3")
        .hasMessageContaining("UTF-8");
  }

  @Test
  void invalidUtf8InXmlIsAFormatError() {
    byte[] head =
        ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CONSOLIDATED_LIST><INDIVIDUALS>\n<INDIVIDUAL>"
                + "<FIRST_NAME>")
            .getBytes(StandardCharsets.UTF_8);
    byte[] bytes = java.util.Arrays.copyOf(head, head.length + 3);
    bytes[head.length] = (byte) 0xFF;
    bytes[head.length + 1] = (byte) 0xFE;
    bytes[head.length + 2] = (byte) 'x';
    assertThatThrownBy(() -> read("bad.xml", bytes))
        .isInstanceOf(WatchlistFormatException.class)
        .hasMessageContaining("bad.xml:3");
  }

  @Test
  void utf16WithoutByteOrderMarkIsRefused() {
    byte[] bytes = "id,name\nC-1,Someone\n".getBytes(StandardCharsets.UTF_16LE);
    assertThatThrownBy(() -> read("excel.csv", bytes))
        .isInstanceOf(WatchlistFormatException.class)
        .hasMessageContaining("UTF-16");
  }

  @Test
  void unknownFormatIsNamed() {
    assertThatThrownBy(
            () -> read("notes.txt", "Dear colleagues,\nplease find the list attached.\n"))
        .isInstanceOf(WatchlistFormatException.class)
        .hasMessageContaining("notes.txt")
        .hasMessageContaining("unknown list format");
    assertThatThrownBy(() -> read("empty.csv", new byte[0]))
        .isInstanceOf(WatchlistFormatException.class)
        .hasMessageContaining("unknown list format");
  }

  @Test
  void duplicateIdsInAPrivateListNameBothLines() {
    String csv = "id,name\nC-1,First\nC-2,Second\nC-1,Again\n";
    assertThatThrownBy(() -> read("dupes.csv", csv))
        .isInstanceOf(WatchlistFormatException.class)
        .hasMessageContaining("dupes.csv:4")
        .hasMessageContaining("duplicate id C-1 (first on line 2)");
  }

  @Test
  void duplicateIdsInAnyListFailTheRead() {
    String xml =
        "<?xml version=\"1.0\"?>\n<CONSOLIDATED_LIST><INDIVIDUALS>\n"
            + UN_ENTRY.formatted("A", 1)
            + UN_ENTRY.formatted("B", 1)
            + "</INDIVIDUALS></CONSOLIDATED_LIST>";
    assertThatThrownBy(() -> read("twice.xml", xml))
        .isInstanceOf(WatchlistFormatException.class)
        .hasMessageContaining("twice.xml")
        .hasMessageContaining("duplicate entity id XXi.1");
  }

  @Test
  void entryWithoutNameIsAnErrorAtItsLine() {
    String xml =
        "<?xml version=\"1.0\"?>\n<CONSOLIDATED_LIST><INDIVIDUALS>\n"
            + "<INDIVIDUAL><REFERENCE_NUMBER>XXi.1</REFERENCE_NUMBER></INDIVIDUAL>\n</INDIVIDUALS></CONSOLIDATED_LIST>";
    assertThatThrownBy(() -> read("noname.xml", xml))
        .isInstanceOf(WatchlistFormatException.class)
        .hasMessageContaining("noname.xml:3")
        .hasMessageContaining("XXi.1");
  }

  @Test
  void aHugeUnterminatedCsvFieldFailsEarlyInsteadOfFillingMemory() {
    // A "2 GB" upload whose second line opens a quote that never closes: generated, never on disk.
    InputStream huge = new GeneratedStream("id,name\nC-1,\"", 2L * 1024 * 1024 * 1024, (byte) 'x');
    long start = System.nanoTime();
    assertThatThrownBy(() -> WatchlistReaders.read(huge, "huge.csv", null, null, e -> {}))
        .isInstanceOf(WatchlistFormatException.class)
        .hasMessageContaining("huge.csv")
        .hasMessageContaining("exceeds");
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
  }

  @Test
  void aHugeXmlElementFailsEarlyInsteadOfFillingMemory() {
    InputStream huge =
        new GeneratedStream(
            "<?xml version=\"1.0\"?>\n<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><COMMENTS1>",
            2L * 1024 * 1024 * 1024,
            (byte) 'x');
    assertThatThrownBy(() -> WatchlistReaders.read(huge, "huge.xml", null, null, e -> {}))
        .isInstanceOf(WatchlistFormatException.class)
        .hasMessageContaining("huge.xml")
        .hasMessageContaining("exceeds");
  }

  @Test
  void aLongGeneratedListStreamsEntityByEntity() {
    int entries = 150_000;
    InputStream list =
        new java.io.SequenceInputStream(
            new ByteArrayInputStream(
                "<?xml version=\"1.0\"?>\n<CONSOLIDATED_LIST><INDIVIDUALS>\n"
                    .getBytes(StandardCharsets.UTF_8)),
            new java.io.SequenceInputStream(
                new EntryStream(entries),
                new ByteArrayInputStream(
                    "</INDIVIDUALS></CONSOLIDATED_LIST>\n".getBytes(StandardCharsets.UTF_8))));
    AtomicInteger seen = new AtomicInteger();
    ReadSummary summary =
        WatchlistReaders.read(list, "long.xml", null, null, e -> seen.incrementAndGet());
    assertThat(seen.get()).isEqualTo(entries);
    assertThat(summary.count(EntityType.PERSON)).isEqualTo(entries);
  }

  /** A prefix followed by {@code length} filler bytes, produced on demand. */
  static final class GeneratedStream extends InputStream {
    private final byte[] prefix;
    private final long length;
    private final byte filler;
    private long position;

    GeneratedStream(String prefix, long length, byte filler) {
      this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
      this.length = length;
      this.filler = filler;
    }

    @Override
    public int read() {
      if (position >= prefix.length + length) {
        return -1;
      }
      int b = position < prefix.length ? prefix[(int) position] : filler;
      position++;
      return b & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int len) {
      if (position >= prefix.length + length) {
        return -1;
      }
      int n = 0;
      while (n < len && position < prefix.length + length) {
        buffer[offset + n++] = position < prefix.length ? prefix[(int) position] : filler;
        position++;
      }
      return n;
    }
  }

  /** UN individuals generated one at a time. */
  static final class EntryStream extends InputStream {
    private final int total;
    private int produced;
    private byte[] current = new byte[0];
    private int index;

    EntryStream(int total) {
      this.total = total;
    }

    @Override
    public int read() {
      if (index >= current.length && !next()) {
        return -1;
      }
      return current[index++] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int len) {
      if (index >= current.length && !next()) {
        return -1;
      }
      int n = Math.min(len, current.length - index);
      System.arraycopy(current, index, buffer, offset, n);
      index += n;
      return n;
    }

    private boolean next() {
      if (produced >= total) {
        return false;
      }
      produced++;
      current = UN_ENTRY.formatted("PERSON " + produced, produced).getBytes(StandardCharsets.UTF_8);
      index = 0;
      return true;
    }
  }
}

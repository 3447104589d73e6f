package org.openstc.screening.watchlist;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A list file as bytes: opened from a path or a stream, gzip and zip unwrapped transparently,
 * buffered so the format can be sniffed from its first bytes before it is read.
 */
final class ListInput {

  /** How many leading bytes format detection may look at. */
  static final int SNIFF_BYTES = 64 * 1024;

  private final String name;
  private final BufferedInputStream content;

  private ListInput(String name, BufferedInputStream content) {
    this.name = name;
    this.content = content;
  }

  static ListInput open(Path path) {
    try {
      return open(Files.newInputStream(path), path.toString());
    } catch (IOException e) {
      throw new WatchlistFormatException(path.toString(), 0, "cannot open: " + e.getMessage(), e);
    }
  }

  static ListInput open(InputStream raw, String name) {
    try {
      BufferedInputStream in = new BufferedInputStream(raw, 64 * 1024);
      in.mark(4);
      byte[] magic = in.readNBytes(4);
      in.reset();
      String shownName = name;
      InputStream unwrapped = in;
      if (magic.length >= 2 && (magic[0] & 0xFF) == 0x1F && (magic[1] & 0xFF) == 0x8B) {
        unwrapped = new GZIPInputStream(in, 64 * 1024);
      } else if (magic.length == 4
          && magic[0] == 'P'
          && magic[1] == 'K'
          && magic[2] == 3
          && magic[3] == 4) {
        ZipInputStream zip = new ZipInputStream(in);
        ZipEntry entry = zip.getNextEntry();
        while (entry != null && entry.isDirectory()) {
          entry = zip.getNextEntry();
        }
        if (entry == null) {
          throw new WatchlistFormatException(name, 0, "zip archive holds no file");
        }
        shownName = name + "!" + entry.getName();
        unwrapped = zip;
      }
      return new ListInput(shownName, new BufferedInputStream(unwrapped, 64 * 1024));
    } catch (IOException e) {
      throw new WatchlistFormatException(name, 0, "cannot read: " + e.getMessage(), e);
    }
  }

  /** The name used in messages (the path, with "!entry" for a zipped file). */
  String name() {
    return name;
  }

  /** The decompressed bytes; read once. */
  BufferedInputStream bytes() {
    return content;
  }

  /** The first bytes of the decompressed content, leaving the stream where it was. */
  byte[] head() {
    try {
      content.mark(SNIFF_BYTES + 1);
      byte[] head = content.readNBytes(SNIFF_BYTES);
      content.reset();
      return head;
    } catch (IOException e) {
      throw new WatchlistFormatException(name, 0, "cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * The content as text: UTF-8 (a BOM is skipped), or UTF-16 when it starts with a UTF-16 BOM.
   * Undecodable bytes fail when reached; UTF-16 without a BOM is refused up front.
   */
  Reader text() {
    byte[] head = head();
    try {
      if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
        content.skipNBytes(2);
        return decoder(StandardCharsets.UTF_16BE);
      }
      if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
        content.skipNBytes(2);
        return decoder(StandardCharsets.UTF_16LE);
      }
      if (head.length >= 3
          && (head[0] & 0xFF) == 0xEF
          && (head[1] & 0xFF) == 0xBB
          && (head[2] & 0xFF) == 0xBF) {
        content.skipNBytes(3);
      } else if (looksLikeUtf16WithoutBom(head)) {
        throw new WatchlistFormatException(
            name, 1, "looks like UTF-16 text without a byte-order mark; save it as UTF-8");
      }
      return decoder(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Reader decoder(java.nio.charset.Charset charset) {
    return new StrictTextReader(content, charset, name);
  }

  static boolean looksLikeUtf16WithoutBom(byte[] head) {
    int n = Math.min(head.length, 512);
    if (n < 4) {
      return false;
    }
    int zeros = 0;
    for (int i = 0; i < n; i++) {
      if (head[i] == 0) {
        zeros++;
      }
    }
    return zeros * 4 >= n;
  }

  void close() {
    try {
      content.close();
    } catch (IOException e) {
      // Closing a read-only stream cannot lose data; nothing to report.
    }
  }
}

package org.openstc.screening.watchlist;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes bytes strictly (no replacement characters) and reports an undecodable byte sequence at
 * the line where it occurs: the text before it is delivered first, then the read fails.
 */
final class StrictTextReader extends Reader {

  private final InputStream in;
  private final String name;
  private final CharsetDecoder decoder;
  private final ByteBuffer bytes = ByteBuffer.allocate(16 * 1024).flip();
  private final CharBuffer chars = CharBuffer.allocate(16 * 1024).flip();
  private boolean endOfInput;
  private boolean flushed;
  private boolean malformed;
  private long line = 1;

  StrictTextReader(InputStream in, Charset charset, String name) {
    this.in = in;
    this.name = name;
    this.decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    while (!chars.hasRemaining()) {
      if (malformed) {
        throw new WatchlistFormatException(
            name,
            line,
            "invalid byte sequence for the text encoding (the file must be UTF-8, or UTF-16 with a"
                + " byte-order mark)");
      }
      if (flushed) {
        return -1;
      }
      fill();
    }
    int n = Math.min(length, chars.remaining());
    chars.get(buffer, offset, n);
    for (int i = offset; i < offset + n; i++) {
      if (buffer[i] == '\n') {
        line++;
      }
    }
    return n;
  }

  private void fill() throws IOException {
    chars.clear();
    if (!endOfInput && bytes.remaining() < 8) {
      bytes.compact();
      int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
      if (n < 0) {
        endOfInput = true;
      } else {
        bytes.position(bytes.position() + n);
      }
      bytes.flip();
    }
    CoderResult result = decoder.decode(bytes, chars, endOfInput);
    if (result.isError()) {
      malformed = true;
    } else if (endOfInput && result.isUnderflow()) {
      decoder.flush(chars);
      flushed = true;
    }
    chars.flip();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}

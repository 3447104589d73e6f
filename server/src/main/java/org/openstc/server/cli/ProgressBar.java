package org.openstc.server.cli;

import java.io.PrintStream;
import java.util.Locale;

/** A one-line progress bar on stderr, redrawn at most five times a second. */
final class ProgressBar {

  private final PrintStream out;
  private final String unit;
  private final long total;
  private final long started = System.nanoTime();
  private long lastDrawn;

  ProgressBar(PrintStream out, String unit, long total) {
    this.out = out;
    this.unit = unit;
    this.total = total;
  }

  void update(long done, String extra) {
    long now = System.nanoTime();
    if (lastDrawn != 0 && now - lastDrawn < 200_000_000L) {
      return;
    }
    lastDrawn = now;
    double seconds = Math.max(1e-9, (now - started) / 1e9);
    StringBuilder line = new StringBuilder("\r");
    if (total > 0) {
      int width = 30;
      int filled = (int) Math.min(width, width * done / total);
      line.append('[').append("#".repeat(filled)).append(".".repeat(width - filled)).append("] ");
      line.append(String.format(Locale.ROOT, "%3d%% ", Math.min(100, 100 * done / total)));
      line.append(String.format(Locale.ROOT, "%,d/%,d %s", done, total, unit));
    } else {
      line.append(String.format(Locale.ROOT, "%,d %s", done, unit));
    }
    line.append(String.format(Locale.ROOT, "  %,.0f %s/s", done / seconds, unit));
    if (extra != null) {
      line.append("  ").append(extra);
    }
    out.print(line);
    out.flush();
  }

  /** Draws the final state and ends the line. */
  void finish(long done, String extra) {
    lastDrawn = 0;
    update(done, extra);
    out.println();
  }
}

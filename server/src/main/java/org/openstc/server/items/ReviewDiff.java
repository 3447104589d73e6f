package org.openstc.server.items;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stored review diff of a flagged classification split for display: one line per changed entry,
 * each made of unchanged, removed ({@code [-…-]}) and added ({@code {+…+}}) runs.
 */
record ReviewDiff(String change, String code, List<Run> runs) {

  /** A run of words: {@code SAME}, {@code REMOVED} or {@code ADDED}. */
  record Run(String op, String text) {}

  private static final Pattern LINE = Pattern.compile("^(CHANGED|REMOVED|ADDED) (\\S+): (.*)$");
  private static final Pattern MARK = Pattern.compile("\\[-(.*?)-]|\\{\\+(.*?)\\+}");

  static List<ReviewDiff> parse(String stored) {
    List<ReviewDiff> out = new ArrayList<>();
    if (stored == null) {
      return out;
    }
    for (String line : stored.split("\n")) {
      Matcher l = LINE.matcher(line);
      if (!l.matches()) {
        out.add(new ReviewDiff("", "", List.of(new Run("SAME", line))));
        continue;
      }
      List<Run> runs = new ArrayList<>();
      Matcher m = MARK.matcher(l.group(3));
      int last = 0;
      while (m.find()) {
        if (m.start() > last) {
          runs.add(new Run("SAME", l.group(3).substring(last, m.start())));
        }
        runs.add(
            m.group(1) != null ? new Run("REMOVED", m.group(1)) : new Run("ADDED", m.group(2)));
        last = m.end();
      }
      if (last < l.group(3).length()) {
        runs.add(new Run("SAME", l.group(3).substring(last)));
      }
      out.add(new ReviewDiff(l.group(1), l.group(2), runs));
    }
    return out;
  }
}

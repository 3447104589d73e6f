package org.openstc.controls.list;

import java.util.ArrayList;
import java.util.List;

/**
 * A word-level difference between two texts, as shown to a reviewer when an entry changes:
 * unchanged words, removed words and inserted words in order.
 */
public record TextDiff(List<Segment> segments) {

  /** Kind of a diff segment. */
  public enum Op {
    SAME,
    REMOVED,
    ADDED
  }

  /** A run of words with the same operation. */
  public record Segment(Op op, String text) {}

  public TextDiff {
    segments = List.copyOf(segments);
  }

  /** Computes the word diff by longest common subsequence (texts of a list entry are short). */
  public static TextDiff between(String before, String after) {
    String[] a = split(before);
    String[] b = split(after);
    // Trim the common prefix and suffix first: most entry changes touch a few words.
    int start = 0;
    while (start < a.length && start < b.length && a[start].equals(b[start])) {
      start++;
    }
    int endA = a.length;
    int endB = b.length;
    while (endA > start && endB > start && a[endA - 1].equals(b[endB - 1])) {
      endA--;
      endB--;
    }
    List<Segment> out = new ArrayList<>();
    append(out, Op.SAME, a, 0, start);
    int n = endA - start;
    int m = endB - start;
    if ((long) n * m > 4_000_000L) {
      append(out, Op.REMOVED, a, start, endA);
      append(out, Op.ADDED, b, start, endB);
    } else {
      int[][] lcs = new int[n + 1][m + 1];
      for (int i = n - 1; i >= 0; i--) {
        for (int j = m - 1; j >= 0; j--) {
          lcs[i][j] =
              a[start + i].equals(b[start + j])
                  ? lcs[i + 1][j + 1] + 1
                  : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
        }
      }
      int i = 0;
      int j = 0;
      while (i < n || j < m) {
        if (i < n && j < m && a[start + i].equals(b[start + j])) {
          add(out, Op.SAME, a[start + i]);
          i++;
          j++;
        } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
          add(out, Op.REMOVED, a[start + i]);
          i++;
        } else {
          add(out, Op.ADDED, b[start + j]);
          j++;
        }
      }
    }
    append(out, Op.SAME, a, endA, a.length);
    return new TextDiff(out);
  }

  private static String[] split(String s) {
    String t = s == null ? "" : s.strip();
    return t.isEmpty() ? new String[0] : t.split("\\s+");
  }

  private static void append(List<Segment> out, Op op, String[] words, int from, int to) {
    for (int k = from; k < to; k++) {
      add(out, op, words[k]);
    }
  }

  private static void add(List<Segment> out, Op op, String word) {
    if (!out.isEmpty() && out.get(out.size() - 1).op() == op) {
      Segment last = out.remove(out.size() - 1);
      out.add(new Segment(op, last.text() + " " + word));
    } else {
      out.add(new Segment(op, word));
    }
  }

  /** Whether the texts differ at all. */
  public boolean changed() {
    return segments.stream().anyMatch(s -> s.op() != Op.SAME);
  }

  /** A compact rendering: {@code [-removed-]} and {@code {+added+}} around unchanged words. */
  public String render() {
    StringBuilder sb = new StringBuilder();
    for (Segment s : segments) {
      if (!sb.isEmpty()) {
        sb.append(' ');
      }
      switch (s.op()) {
        case SAME -> sb.append(s.text());
        case REMOVED -> sb.append("[-").append(s.text()).append("-]");
        case ADDED -> sb.append("{+").append(s.text()).append("+}");
      }
    }
    return sb.toString();
  }
}

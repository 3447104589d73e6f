package org.openstc.screening.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * OFAC-compatible scoring: reproduces the scores of OFAC's Sanctions List Search (0-100, shown from
 * 80 by default) so that users can reconcile our hits with the official tool. It is a Jaro-Winkler
 * comparison of the whole query with every window of as many consecutive list-name tokens, with and
 * without tokens of two letters or fewer on both sides (which OFAC drops), the query also tried
 * rotated (first token last, or last token first) when the rotation is a close match (OFAC finds
 * "PUTIN VLADIMIR" for "VLADIMIR PUTIN" but not "HASWANI, George" for "GEORGE BUSH"), and no
 * transliteration: OFAC does not find Latin names for non-Latin queries.
 */
public final class OfacScorer {

  /** The rotated query counts only from this Jaro-Winkler similarity. */
  static final double ROTATION_FLOOR = 0.85;

  /** OFAC's score, 0-100, of a list name for a query. */
  public int score(String query, String listName) {
    if (query == null || listName == null || !isAsciiText(query)) {
      return 0;
    }
    // Jaro-Winkler is quadratic: absurd input is cut like everywhere else in the engine.
    query = cut(query);
    listName = cut(listName);
    List<String> q = tokens(query);
    List<String> l = tokens(listName);
    int split = -1;
    if (q.isEmpty() || l.isEmpty()) {
      return 0;
    }
    double s = Math.max(best(withoutShort(q), withoutShort(l), split), best(q, l, split));
    return (int) Math.round(s * 100);
  }

  private static double best(List<String> q, List<String> l, int split) {
    double s = windows(String.join(" ", q), q.size(), l, split);
    if (q.size() > 1) {
      List<String> rotated = new ArrayList<>(q.subList(1, q.size()));
      rotated.add(q.get(0));
      List<String> back = new ArrayList<>();
      back.add(q.get(q.size() - 1));
      back.addAll(q.subList(0, q.size() - 1));
      for (List<String> r : List.of(rotated, back)) {
        double v = windows(String.join(" ", r), q.size(), l, split);
        if (v >= ROTATION_FLOOR) {
          s = Math.max(s, v);
        }
      }
    }
    return s;
  }

  /**
   * Best similarity of the query with a window of n consecutive list tokens (windows may be kept
   * from crossing a split position); when no window fits, the whole name is compared.
   */
  private static double windows(String query, int n, List<String> l, int split) {
    double best = -1;
    for (int k = 0; k + n <= l.size(); k++) {
      if (split > 0 && k < split && k + n > split) {
        continue;
      }
      best = Math.max(best, jaroWinkler(query, String.join(" ", l.subList(k, k + n))));
    }
    return best >= 0 ? best : jaroWinkler(query, String.join(" ", l));
  }

  private static List<String> withoutShort(List<String> tokens) {
    List<String> out = new ArrayList<>();
    for (String t : tokens) {
      if (t.length() > 2) {
        out.add(t);
      }
    }
    return out.isEmpty() ? tokens : out;
  }

  static List<String> tokens(String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
        cur.append(c);
      } else if (cur.length() > 0) {
        out.add(cur.toString());
        cur.setLength(0);
      }
    }
    if (cur.length() > 0) {
      out.add(cur.toString());
    }
    return out;
  }

  private static String cut(String s) {
    return s.length() > NameNormaliser.MAX_INPUT_CHARS
        ? s.substring(0, NameNormaliser.MAX_INPUT_CHARS)
        : s;
  }

  private static boolean isAsciiText(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 127) {
        return false;
      }
    }
    return true;
  }

  /** Jaro-Winkler similarity (prefix scale 0.1, prefix up to 4). */
  static double jaroWinkler(String s, String t) {
    double j = jaro(s, t);
    int prefix = 0;
    for (int i = 0; i < Math.min(4, Math.min(s.length(), t.length())); i++) {
      if (s.charAt(i) != t.charAt(i)) {
        break;
      }
      prefix++;
    }
    return j + prefix * 0.1 * (1 - j);
  }

  static double jaro(String s, String t) {
    if (s.equals(t)) {
      return 1;
    }
    int ls = s.length();
    int lt = t.length();
    if (ls == 0 || lt == 0) {
      return 0;
    }
    int window = Math.max(0, Math.max(ls, lt) / 2 - 1);
    boolean[] sm = new boolean[ls];
    boolean[] tm = new boolean[lt];
    int matches = 0;
    for (int i = 0; i < ls; i++) {
      int lo = Math.max(0, i - window);
      int hi = Math.min(i + window + 1, lt);
      for (int k = lo; k < hi; k++) {
        if (!tm[k] && s.charAt(i) == t.charAt(k)) {
          sm[i] = true;
          tm[k] = true;
          matches++;
          break;
        }
      }
    }
    if (matches == 0) {
      return 0;
    }
    int k = 0;
    int transpositions = 0;
    for (int i = 0; i < ls; i++) {
      if (!sm[i]) {
        continue;
      }
      while (!tm[k]) {
        k++;
      }
      if (s.charAt(i) != t.charAt(k)) {
        transpositions++;
      }
      k++;
    }
    double m = matches;
    return (m / ls + m / lt + (m - transpositions / 2.0) / m) / 3;
  }
}

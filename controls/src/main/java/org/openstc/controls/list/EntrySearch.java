package org.openstc.controls.list;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small inverted index over the text of a list version's entries, so that a classifier can find
 * candidate entries by words such as "sample rate" or "positioning accuracy".
 */
public final class EntrySearch {

  /** A matching entry with its score (higher is better) and a snippet around the first match. */
  public record Hit(ControlEntryCode code, double score, String snippet) {}

  private final List<ControlEntry> entries;
  private final List<String> normalisedTexts;
  private final Map<String, int[]> postings;

  EntrySearch(Collection<ControlEntry> all) {
    this.entries = List.copyOf(all);
    this.normalisedTexts = new ArrayList<>(entries.size());
    Map<String, List<Integer>> build = new HashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      String norm = normalise(entries.get(i).code().value() + " " + entries.get(i).fullText());
      normalisedTexts.add(norm);
      for (String t : tokens(norm)) {
        List<Integer> list = build.computeIfAbsent(t, k -> new ArrayList<>());
        if (list.isEmpty() || list.get(list.size() - 1) != i) {
          list.add(i);
        }
      }
    }
    this.postings = new HashMap<>();
    build.forEach((k, v) -> postings.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
  }

  static String normalise(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    return s.toLowerCase(Locale.ROOT)
        .replaceAll("[\u2018\u2019\u201c\u201d\"']", "")
        .replaceAll("[^\\p{L}\\p{N}.]+", " ")
        .replaceAll("(?<![\\p{N}])\\.|\\.(?![\\p{N}])", " ")
        .strip();
  }

  static String[] tokens(String normalised) {
    return normalised.isEmpty() ? new String[0] : normalised.split(" ");
  }

  /**
   * Entries containing every word of the query, best first: an exact phrase counts more than
   * scattered words, and a short entry more than a long one.
   */
  public List<Hit> find(String query, int limit) {
    String q = normalise(query == null ? "" : query);
    String[] words = tokens(q);
    if (words.length == 0) {
      return List.of();
    }
    int[] candidates = null;
    for (String w : words) {
      int[] p = postings.get(w);
      if (p == null) {
        return List.of();
      }
      candidates = candidates == null ? p : intersect(candidates, p);
    }
    List<Hit> hits = new ArrayList<>();
    for (int i : candidates) {
      String text = normalisedTexts.get(i);
      int phrase = text.indexOf(q);
      double score =
          words.length + (phrase >= 0 ? words.length : 0) + 1.0 / (1 + text.length() / 200.0);
      hits.add(new Hit(entries.get(i).code(), score, snippet(entries.get(i).fullText(), words[0])));
    }
    hits.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparing(Hit::code));
    return hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : hits;
  }

  private static String snippet(String text, String word) {
    int at = text.toLowerCase(Locale.ROOT).indexOf(word);
    int from = Math.max(0, at - 60);
    int to = Math.min(text.length(), (at < 0 ? 0 : at) + 100);
    return (from > 0 ? "…" : "")
        + text.substring(from, to).replace('\n', ' ')
        + (to < text.length() ? "…" : "");
  }

  private static int[] intersect(int[] a, int[] b) {
    int[] out = new int[Math.min(a.length, b.length)];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        out[n++] = a[i];
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }
}

package org.openstc.screening.matching;

/** Bounded optimal-string-alignment distance (Levenshtein plus adjacent transpositions). */
final class EditDistance {

  static final int MAX = NameNormaliser.MAX_TOKEN_CHARS * 2 + 2;

  private EditDistance() {}

  /**
   * A set of the characters of a string (one bit per character class of 64). One edit changes at
   * most two bits, so strings whose signatures differ in more than {@code 2k} bits are more than k
   * edits apart: a cheap test before the dynamic programme.
   */
  static long letterSignature(CharSequence s) {
    long sig = 0;
    for (int i = 0; i < s.length(); i++) {
      sig |= 1L << (s.charAt(i) & 63);
    }
    return sig;
  }

  /**
   * The OSA distance of two strings, or {@code limit + 1} as soon as it is certain to exceed {@code
   * limit}.
   */
  static int osa(CharSequence a, CharSequence b, int limit) {
    return osa(a, b, limit, null);
  }

  /**
   * As {@link #osa(CharSequence, CharSequence, int)} in the caller's rows ({@code new int[3][MAX +
   * 1]}).
   */
  static int osa(CharSequence a, CharSequence b, int limit, int[][] buffer) {
    int n = a.length();
    int m = b.length();
    if (Math.abs(n - m) > limit) {
      return limit + 1;
    }
    if (n == 0 || m == 0) {
      return Math.max(n, m);
    }
    if (n > MAX || m > MAX) {
      return limit + 1;
    }
    int[][] rows = buffer != null ? buffer : new int[3][m + 1];
    int[] prev2 = rows[0];
    int[] prev = rows[1];
    int[] cur = rows[2];
    for (int j = 0; j <= m; j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= n; i++) {
      cur[0] = i;
      int rowMin = cur[0];
      char ca = a.charAt(i - 1);
      for (int j = 1; j <= m; j++) {
        char cb = b.charAt(j - 1);
        int cost = ca == cb ? 0 : 1;
        int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
        if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
          v = Math.min(v, prev2[j - 2] + 1);
        }
        cur[j] = v;
        if (v < rowMin) {
          rowMin = v;
        }
      }
      if (rowMin > limit) {
        return limit + 1;
      }
      int[] t = prev2;
      prev2 = prev;
      prev = cur;
      cur = t;
    }
    return prev[m];
  }
}

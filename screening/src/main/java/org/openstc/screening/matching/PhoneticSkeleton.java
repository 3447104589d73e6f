package org.openstc.screening.matching;

/**
 * A phonetic key for Latin name tokens that folds the usual romanisation variants together
 * (Mohammed/Muhammad/Mohamad, Abdul/Abdel, Yevgeny/Evgeniy, -ov/-off, kh/h, w/v, q/k ...):
 * consonant digraphs are simplified, every vowel run becomes one "a" and doubled letters collapse.
 */
final class PhoneticSkeleton {

  /** Tokens shorter than this have no skeleton: vowel folding makes short words collide. */
  static final int MIN_LENGTH = 5;

  private PhoneticSkeleton() {}

  static String of(String token) {
    int n = token.length();
    if (n < MIN_LENGTH) {
      return null;
    }
    StringBuilder out = new StringBuilder(n);
    char last = 0;
    for (int i = 0; i < n; i++) {
      char c = token.charAt(i);
      char next = i + 1 < n ? token.charAt(i + 1) : 0;
      char mapped;
      if (c < 'a' || c > 'z') {
        mapped = c;
      } else if (isVowel(c)) {
        mapped = 'a';
      } else {
        switch (c) {
          case 'k', 'g', 'd', 't', 'p' -> {
            // kh, gh, dh, th, ph: the h only marks aspiration or a fricative in romanisations.
            if (next == 'h') {
              i++;
            }
            mapped = c == 'p' && next == 'h' ? 'f' : c;
            if (c == 'd' && (next == 'j' || next == 'z')) {
              mapped = 'j';
              i++;
            }
          }
          case 'c' -> {
            if (next == 'k' || next == 'q') {
              i++;
              mapped = 'k';
            } else if (next == 'h') {
              i++;
              mapped = 'c';
            } else {
              mapped = 'k';
            }
          }
          case 's' -> {
            if (next == 'c' && i + 2 < n && token.charAt(i + 2) == 'h') {
              i += 2;
              mapped = 'c';
            } else if (next == 'h') {
              i++;
              mapped = 'c';
            } else {
              mapped = 's';
            }
          }
          case 'z' -> {
            if (next == 'h') {
              i++;
              mapped = 'j';
            } else {
              mapped = 's';
            }
          }
          case 'q' -> mapped = 'k';
          case 'w' -> mapped = 'v';
          case 'j' -> mapped = i == 0 ? 'a' : 'j';
          case 'f' -> mapped = i >= n - 2 ? 'v' : 'f';
          case 'x' -> mapped = 'k';
          default -> mapped = c;
        }
      }
      if (mapped != last) {
        out.append(mapped);
        last = mapped;
      }
    }
    return out.toString();
  }

  private static boolean isVowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
  }
}

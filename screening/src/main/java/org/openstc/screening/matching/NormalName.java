package org.openstc.screening.matching;

import java.util.Arrays;

/**
 * A name in its comparison form: folded, transliterated tokens with kinds, weights and phonetic
 * skeletons, computed once (at index time for list names) so that scoring does no text work.
 */
public final class NormalName {

  /** The name with no tokens: the normal form of empty or unusable input. */
  public static final NormalName EMPTY =
      new NormalName("", "Zyyy", new String[0], new TokenKind[0], false);

  final String raw;
  final String script;
  final String[] tokens;
  final TokenKind[] kinds;
  final float[] weights;
  final String[] skeletons;

  /** Letter signatures of the tokens ({@link EditDistance#letterSignature}). */
  final long[] signatures;

  /** Concatenation of token i and i+1 when both are words, else null (for split/join matching). */
  final String[] pairJoins;

  /** Phonetic skeletons of {@link #pairJoins}. */
  final String[] pairJoinSkeletons;

  /** First letters of the significant tokens, when there are at least two, else null. */
  final String acronym;

  /** Whether the tokens are in their original (non-Latin) script rather than transliterated. */
  final boolean originalScript;

  final int significantCount;

  /** Bits of the tokens that must align for a hit (significant tokens, or all original words). */
  final int significantMask;

  /** Per token, a bit for its first ASCII letter (all bits otherwise). */
  final int[] firstLetterBits;

  /** Per two-letter token, a bit for its second letter; 0 for other tokens. */
  final int[] secondLetterBits;

  NormalName(
      String raw, String script, String[] tokens, TokenKind[] kinds, boolean originalScript) {
    this.raw = raw;
    this.script = script;
    this.tokens = tokens;
    this.kinds = kinds;
    this.originalScript = originalScript;
    int n = tokens.length;
    this.weights = new float[n];
    this.skeletons = new String[n];
    this.signatures = new long[n];
    this.pairJoins = new String[Math.max(0, n - 1)];
    this.pairJoinSkeletons = new String[Math.max(0, n - 1)];
    StringBuilder acro = new StringBuilder();
    int significant = 0;
    for (int i = 0; i < n; i++) {
      weights[i] = kinds[i].weight();
      signatures[i] = EditDistance.letterSignature(tokens[i]);
      if (kinds[i] == TokenKind.WORD && !originalScript && NameVocabulary.isPatronymic(tokens[i])) {
        // A patronymic is a middle name: lists often omit it.
        weights[i] = 0.5f;
      }
      if (kinds[i] == TokenKind.WORD) {
        skeletons[i] = originalScript ? null : PhoneticSkeleton.of(tokens[i]);
      }
      if (kinds[i].significant()) {
        significant++;
        acro.appendCodePoint(tokens[i].codePointAt(0));
      }
      if (i + 1 < n && kinds[i] == TokenKind.WORD && kinds[i + 1] == TokenKind.WORD) {
        pairJoins[i] = tokens[i] + tokens[i + 1];
        pairJoinSkeletons[i] = originalScript ? null : PhoneticSkeleton.of(pairJoins[i]);
      }
    }
    this.significantCount = significant;
    int sigMask = 0;
    this.firstLetterBits = new int[n];
    this.secondLetterBits = new int[n];
    for (int i = 0; i < n; i++) {
      boolean sig = kinds[i].significant() || originalScript && kinds[i] == TokenKind.WORD;
      if (sig && i < 30) {
        sigMask |= 1 << i;
      }
      firstLetterBits[i] = letterBit(tokens[i].charAt(0));
      if (tokens[i].length() == 2) {
        secondLetterBits[i] = letterBit(tokens[i].charAt(1));
      }
    }
    this.significantMask = sigMask;
    this.acronym = significant >= 2 && !originalScript ? acro.toString() : null;
  }

  /** Weight of a family-name token on a list name (the family name identifies a person most). */
  static final float FAMILY_WEIGHT = 1.2f;

  /**
   * This name with its family-name tokens weighted up: the tokens equal to one of {@code family}
   * (the list's family-name part, or what stands before the comma of "SURNAME, Given").
   */
  NormalName withFamily(java.util.Set<String> family) {
    if (family.isEmpty() || originalScript) {
      return this;
    }
    NormalName copy = new NormalName(raw, script, tokens, kinds, originalScript);
    boolean changed = false;
    for (int i = 0; i < tokens.length; i++) {
      if (kinds[i] == TokenKind.WORD && family.contains(tokens[i])) {
        copy.weights[i] = weights[i] * FAMILY_WEIGHT;
        changed = true;
      }
    }
    return changed ? copy : this;
  }

  /** A bit for an ASCII letter, or all bits for anything else. */
  static int letterBit(char c) {
    return c >= 'a' && c <= 'z' ? 1 << (c - 'a') : -1;
  }

  /** The text this form was made from. */
  public String raw() {
    return raw;
  }

  /** ISO 15924 code of the tokens' script: "Latn" for transliterated forms, else the original. */
  public String script() {
    return script;
  }

  /** Whether this is an original-script form (compared only with names in the same script). */
  public boolean isOriginalScript() {
    return originalScript;
  }

  /** Number of tokens. */
  public int size() {
    return tokens.length;
  }

  /** The token at a position. */
  public String token(int i) {
    return tokens[i];
  }

  /** The kind of the token at a position. */
  public TokenKind kind(int i) {
    return kinds[i];
  }

  /** Whether the name has no token at all. */
  public boolean isEmpty() {
    return tokens.length == 0;
  }

  /** The tokens joined by single spaces: the folded comparison text. */
  public String text() {
    return String.join(" ", tokens);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NormalName other
        && originalScript == other.originalScript
        && Arrays.equals(tokens, other.tokens);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(tokens) * 31 + (originalScript ? 1 : 0);
  }

  @Override
  public String toString() {
    return text();
  }
}

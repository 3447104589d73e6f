package org.openstc.screening.matching;

import java.util.ArrayList;
import java.util.List;

/**
 * Graded, order-independent name similarity in [0,1]. Tokens are aligned one-to-one (greedy on
 * similarity, with two adjacent tokens allowed to join so that "Gazprom Bank" meets "Gazprombank");
 * each aligned pair contributes its similarity times its weight; unmatched query tokens cost their
 * full weight and unmatched list tokens half of it, so a single-token query never reaches 1.0
 * against a longer name. Short tokens get a strict edit budget, numbers must be equal, initials
 * stand for words with the same first letter, legal forms compare by class. Thread-safe and
 * allocation-free unless an explanation is asked for.
 */
public final class NameScorer {

  /** Share of an unmatched list token's weight charged to the score. */
  static final float LIST_GAP_COST = 0.35f;

  /** Share of an unmatched query token's weight charged to the score. */
  static final float QUERY_GAP_COST = 0.85f;

  /**
   * Extra charge when both sides keep unmatched words: a different surname is a contradiction, not
   * a missing middle name.
   */
  static final float CONFLICT_COST = 1.0f;

  /** How steeply edits lower a word's similarity: 1 - steepness * edits / length. */
  static final float EDIT_STEEPNESS = 1.0f;

  /**
   * Similarity of a two-letter token and two words with those initials ("U.S." / "United States").
   */
  static final float PAIR_ACRONYM_SIMILARITY = 0.85f;

  /** Aligned pairs below this similarity are treated as unmatched. */
  static final float MIN_TOKEN_SIMILARITY = 0.5f;

  /** Score ceiling when no significant token (word or number) is matched. */
  static final float INSIGNIFICANT_CEILING = 0.5f;

  /** Similarity given to a phonetic-skeleton match whose spelling is beyond the edit budget. */
  static final float SKELETON_SIMILARITY = 0.88f;

  /** Similarity of an initial and a word it may stand for. */
  static final float INITIAL_SIMILARITY = 0.9f;

  /** Score of a query that is exactly the acronym of the list name (or the reverse). */
  static final float ACRONYM_SCORE = 0.88f;

  /** The largest number of edits allowed between two tokens of this (longer) length. */
  static int editBudget(int length) {
    if (length <= 3) {
      return 0;
    }
    if (length <= 4) {
      return 1;
    }
    return 2;
  }

  private static final int MAX_UNITS = 4096;

  private static final ScratchPool<Scratch> SCRATCH = new ScratchPool<>(Scratch::new);

  /** The similarity of two names. */
  public double score(NormalName query, NormalName list) {
    Scratch s = SCRATCH.acquire();
    try {
      return compute(query, list, null, s);
    } finally {
      SCRATCH.release(s);
    }
  }

  /** The similarity of two names with the alignment that explains it. */
  public NameMatch match(NormalName query, NormalName list) {
    Scratch s = SCRATCH.acquire();
    try {
      return match(query, list, s);
    } finally {
      SCRATCH.release(s);
    }
  }

  /** As {@link #match(NormalName, NormalName)} with the caller's working memory. */
  NameMatch match(NormalName query, NormalName list, Scratch s) {
    List<TokenAlignment> alignment = new ArrayList<>();
    double score = compute(query, list, alignment, s);
    List<String> uq = new ArrayList<>();
    List<String> ul = new ArrayList<>();
    for (int i = 0; i < query.size(); i++) {
      if (!s.qUsed[i]) {
        uq.add(query.tokens[i]);
      }
    }
    for (int j = 0; j < list.size(); j++) {
      if (!s.cUsed[j]) {
        ul.add(list.tokens[j]);
      }
    }
    return new NameMatch(score, alignment, uq, ul);
  }

  /**
   * The best similarity over all pairs of comparison forms: original-script forms are compared with
   * each other only when both sides have one in the same script (script-to-script first); otherwise
   * the Latin forms are compared.
   */
  public double score(List<NormalName> queryForms, List<NormalName> listForms) {
    Scratch s = SCRATCH.acquire();
    try {
      return score(queryForms, listForms, s);
    } finally {
      SCRATCH.release(s);
    }
  }

  /** As {@link #score(List, List)} with the caller's working memory. */
  double score(List<NormalName> queryForms, List<NormalName> listForms, Scratch s) {
    return score(
        queryForms,
        originalOf(queryForms),
        listForms.toArray(new NormalName[0]),
        originalOf(listForms),
        s);
  }

  /**
   * As {@link #score(List, List)} with each side's original-script form already found (null when it
   * has none), for the screener's hot loop: no list view, no search per scored name.
   */
  double score(
      List<NormalName> queryForms,
      NormalName queryOriginal,
      NormalName[] listForms,
      NormalName listOriginal,
      Scratch s) {
    if (queryOriginal != null
        && listOriginal != null
        && queryOriginal.script.equals(listOriginal.script)) {
      return compute(queryOriginal, listOriginal, null, s);
    }
    double best = 0;
    for (int i = 0; i < queryForms.size(); i++) {
      NormalName q = queryForms.get(i);
      if (q.originalScript) {
        continue;
      }
      for (NormalName l : listForms) {
        if (!l.originalScript) {
          best = Math.max(best, compute(q, l, null, s));
        }
      }
    }
    return best;
  }

  static NormalName originalOf(List<NormalName> forms) {
    for (NormalName f : forms) {
      if (f.originalScript) {
        return f;
      }
    }
    return null;
  }

  private double compute(NormalName q, NormalName c, List<TokenAlignment> explain, Scratch s) {
    int n = q.tokens.length;
    int m = c.tokens.length;
    s.reset(n, m);
    if (n == 0 || m == 0) {
      return 0;
    }
    int units = 0;
    // Single token pairs.
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        float sim = tokenSimilarity(q, i, c, j, s);
        if (sim >= MIN_TOKEN_SIMILARITY && units < MAX_UNITS) {
          s.set(units++, i, 1, j, 1, sim, s.lastRule);
        }
      }
    }
    // Two query tokens joined against one list token, and the reverse.
    for (int i = 0; i + 1 < n; i++) {
      String joined = q.pairJoins[i];
      if (joined == null) {
        continue;
      }
      for (int j = 0; j < m; j++) {
        if (c.kinds[j] != TokenKind.WORD) {
          continue;
        }
        float sim = joinSimilarity(joined, q.pairJoinSkeletons[i], c.tokens[j], c.skeletons[j], s);
        if (sim > 0 && units < MAX_UNITS) {
          s.set(units++, i, 2, j, 1, sim, Scratch.RULE_JOIN);
        }
      }
    }
    for (int j = 0; j + 1 < m; j++) {
      String joined = c.pairJoins[j];
      if (joined == null) {
        continue;
      }
      for (int i = 0; i < n; i++) {
        if (q.kinds[i] != TokenKind.WORD) {
          continue;
        }
        float sim = joinSimilarity(q.tokens[i], q.skeletons[i], joined, c.pairJoinSkeletons[j], s);
        if (sim > 0 && units < MAX_UNITS) {
          s.set(units++, i, 1, j, 2, sim, Scratch.RULE_JOIN);
        }
      }
    }
    // A two-letter query token for two list words with those initials ("us" / "united states").
    // Only that way round: a two-letter list word is usually a name (Korean "Il", Chinese "Li").
    for (int i = 0; i < n; i++) {
      if (q.kinds[i] != TokenKind.WORD || q.tokens[i].length() != 2) {
        continue;
      }
      for (int j = 0; j + 1 < m; j++) {
        if (c.pairJoins[j] != null
            && c.tokens[j].charAt(0) == q.tokens[i].charAt(0)
            && c.tokens[j + 1].charAt(0) == q.tokens[i].charAt(1)
            && units < MAX_UNITS) {
          s.set(units++, i, 1, j, 2, PAIR_ACRONYM_SIMILARITY, Scratch.RULE_INITIAL);
        }
      }
    }
    // Greedy one-to-one alignment, best similarity (then most weight, then position) first.
    float num = 0;
    float den = 0;
    boolean significant = false;
    while (true) {
      int best = -1;
      float bestKey = -1;
      for (int u = 0; u < units; u++) {
        if (s.taken[u]) {
          continue;
        }
        int qi = s.qi[u];
        int cj = s.cj[u];
        if (s.qUsed[qi]
            || s.cUsed[cj]
            || s.qLen[u] == 2 && s.qUsed[qi + 1]
            || s.cLen[u] == 2 && s.cUsed[cj + 1]) {
          s.taken[u] = true;
          continue;
        }
        float key = s.sim[u] * 4 + s.qLen[u] + s.cLen[u] - 2 + unitWeight(q, c, s, u) * 0.01f;
        if (key > bestKey) {
          bestKey = key;
          best = u;
        }
      }
      if (best < 0) {
        break;
      }
      s.taken[best] = true;
      int qi = s.qi[best];
      int cj = s.cj[best];
      s.qPartner[qi] = cj;
      s.cPartner[cj] = qi;
      float wq = 0;
      float wc = 0;
      for (int k = 0; k < s.qLen[best]; k++) {
        s.qUsed[qi + k] = true;
        wq += q.weights[qi + k];
        significant |= q.kinds[qi + k].significant() && s.rule[best] != Scratch.RULE_INITIAL;
      }
      for (int k = 0; k < s.cLen[best]; k++) {
        s.cUsed[cj + k] = true;
        wc += c.weights[cj + k];
      }
      float w = (wq + wc) * 0.5f;
      num += s.sim[best] * w;
      den += w;
      if (explain != null) {
        explain.add(
            new TokenAlignment(
                joinTokens(q.tokens, qi, s.qLen[best]),
                joinTokens(c.tokens, cj, s.cLen[best]),
                Math.min(1.0, s.sim[best]),
                Scratch.RULE_NAMES[s.rule[best]]));
      }
    }
    boolean qNumberLeft = false;
    boolean cNumberLeft = false;
    float qWordsLeft = 0;
    float cWordsLeft = 0;
    for (int i = 0; i < n; i++) {
      if (!s.qUsed[i]) {
        den += q.weights[i] * QUERY_GAP_COST;
        qNumberLeft |= q.kinds[i] == TokenKind.NUMBER;
        if (q.kinds[i] == TokenKind.WORD) {
          qWordsLeft += q.weights[i];
        }
      }
    }
    for (int j = 0; j < m; j++) {
      if (!s.cUsed[j]) {
        den += c.weights[j] * LIST_GAP_COST;
        cNumberLeft |= c.kinds[j] == TokenKind.NUMBER;
        if (c.kinds[j] == TokenKind.WORD) {
          cWordsLeft += c.weights[j];
        }
      }
    }
    if (qNumberLeft && cNumberLeft) {
      // Different numbers on both sides are a contradiction, not just a gap.
      den += 1.0f;
    }
    den += Math.min(qWordsLeft, cWordsLeft) * CONFLICT_COST;
    // "X bin Y" names a father: the word after a matched "bin" must match its counterpart.
    for (int i = 0; i + 1 < n; i++) {
      if (q.kinds[i] == TokenKind.PARTICLE
          && s.qUsed[i]
          && (q.tokens[i].equals("bin") || q.tokens[i].equals("abu"))) {
        int j = s.qPartner[i];
        if (j >= 0 && j + 1 < m && s.qUsed[i + 1] && s.cUsed[j + 1] && s.qPartner[i + 1] != j + 1) {
          den += 1.0f;
        }
      }
    }
    float score = den > 0 ? num / den : 0;
    if (!significant) {
      score = Math.min(score, INSIGNIFICANT_CEILING);
    }
    float acronym = acronymScore(q, c);
    if (acronym > score) {
      score = acronym;
      if (explain != null) {
        explain.clear();
        explain.add(new TokenAlignment(q.text(), c.text(), acronym, "acronym"));
        java.util.Arrays.fill(s.qUsed, 0, n, true);
        java.util.Arrays.fill(s.cUsed, 0, m, true);
      }
    }
    return Math.max(0, Math.min(1, score));
  }

  private static float unitWeight(NormalName q, NormalName c, Scratch s, int u) {
    float w = 0;
    for (int k = 0; k < s.qLen[u]; k++) {
      w += q.weights[s.qi[u] + k];
    }
    for (int k = 0; k < s.cLen[u]; k++) {
      w += c.weights[s.cj[u] + k];
    }
    return w;
  }

  private static String joinTokens(String[] tokens, int from, int len) {
    return len == 1 ? tokens[from] : tokens[from] + " " + tokens[from + 1];
  }

  /** Acronym match: one side a single token of 3+ letters, the other's initials. */
  static float acronymScore(NormalName q, NormalName c) {
    if (q.originalScript || c.originalScript) {
      return 0;
    }
    if (q.tokens.length == 1 && c.acronym != null && c.acronym.length() >= 3) {
      String t = onlySignificant(q);
      if (t != null && t.equals(c.acronym)) {
        return ACRONYM_SCORE;
      }
    }
    if (c.tokens.length == 1 && q.acronym != null && q.acronym.length() >= 3) {
      String t = onlySignificant(c);
      if (t != null && t.equals(q.acronym)) {
        return ACRONYM_SCORE;
      }
    }
    return 0;
  }

  private static String onlySignificant(NormalName name) {
    for (int i = 0; i < name.tokens.length; i++) {
      if (name.kinds[i].significant()) {
        return name.kinds[i] == TokenKind.WORD ? name.tokens[i] : null;
      }
    }
    return null;
  }

  private static float tokenSimilarity(NormalName q, int i, NormalName c, int j, Scratch s) {
    TokenKind a = q.kinds[i];
    TokenKind b = c.kinds[j];
    String x = q.tokens[i];
    String y = c.tokens[j];
    s.lastRule = Scratch.RULE_EXACT;
    if (a == TokenKind.LEGAL_FORM || b == TokenKind.LEGAL_FORM) {
      s.lastRule = Scratch.RULE_LEGAL;
      return a == b && x.equals(y) ? 1f : 0f;
    }
    if (a == TokenKind.NUMBER || b == TokenKind.NUMBER) {
      return a == b && x.equals(y) ? 1f : 0f;
    }
    if (a == TokenKind.INITIAL || b == TokenKind.INITIAL) {
      if (x.equals(y)) {
        return 1f;
      }
      s.lastRule = Scratch.RULE_INITIAL;
      return x.charAt(0) == y.charAt(0) ? INITIAL_SIMILARITY : 0f;
    }
    if (x.equals(y)) {
      return 1f;
    }
    if (a == TokenKind.PARTICLE
        || b == TokenKind.PARTICLE
        || a == TokenKind.TITLE
        || b == TokenKind.TITLE) {
      // Particles and titles match only themselves (their spelling variants share a class).
      return 0f;
    }
    return wordSimilarity(
        x, q.skeletons[i], q.signatures[i], y, c.skeletons[j], c.signatures[j], s);
  }

  /** Least similarity for two joined tokens to stand for one token. */
  static final float JOIN_SIMILARITY = 0.8f;

  /**
   * Similarity of two joined tokens and one token: equal or one edit apart (a join is already a
   * liberty, so it gets a single edit and no phonetic folding), else 0.
   */
  static float joinSimilarity(String x, String skx, String y, String sky, Scratch s) {
    s.lastRule = Scratch.RULE_JOIN;
    if (x.equals(y)) {
      return 1f;
    }
    int longer = Math.max(x.length(), y.length());
    float sim = 0f;
    if (Math.abs(x.length() - y.length()) <= 1 && EditDistance.osa(x, y, 1, s.rows) <= 1) {
      sim = 1f - 1f / longer;
    }
    return sim >= JOIN_SIMILARITY ? sim : 0f;
  }

  /** Similarity of two words: 1 - edits/length within the edit budget, else skeleton equality. */
  static float wordSimilarity(String x, String skx, String y, String sky, Scratch s) {
    return wordSimilarity(
        x, skx, EditDistance.letterSignature(x), y, sky, EditDistance.letterSignature(y), s);
  }

  /** As {@link #wordSimilarity(String, String, String, String, Scratch)} with known signatures. */
  static float wordSimilarity(
      String x, String skx, long sigx, String y, String sky, long sigy, Scratch s) {
    if (x.equals(y)) {
      s.lastRule = Scratch.RULE_EXACT;
      return 1f;
    }
    int lx = x.length();
    int ly = y.length();
    int longer = Math.max(lx, ly);
    int budget = editBudget(longer);
    float sim = 0f;
    if (Math.abs(lx - ly) <= budget && Long.bitCount(sigx ^ sigy) <= 2 * budget) {
      int d = EditDistance.osa(x, y, budget, s.rows);
      if (d <= budget) {
        sim = Math.max(0f, 1f - EDIT_STEEPNESS * d / longer);
        s.lastRule = Scratch.RULE_EDIT;
      }
    }
    if (sim < SKELETON_SIMILARITY) {
      if (skx != null && skx.length() >= 3 && skx.equals(sky)) {
        sim = SKELETON_SIMILARITY;
        s.lastRule = Scratch.RULE_PHONETIC;
      }
    }
    return sim;
  }

  /** Per-thread working memory, so that scoring allocates nothing. */
  static final class Scratch {
    static final byte RULE_EXACT = 0;
    static final byte RULE_EDIT = 1;
    static final byte RULE_PHONETIC = 2;
    static final byte RULE_INITIAL = 3;
    static final byte RULE_JOIN = 4;
    static final byte RULE_LEGAL = 5;
    static final String[] RULE_NAMES = {
      "exact", "edit", "phonetic", "initial", "join", "legal-form"
    };

    final int[][] rows = new int[3][EditDistance.MAX + 1];
    final int[] qi = new int[MAX_UNITS];
    final int[] cj = new int[MAX_UNITS];
    final byte[] qLen = new byte[MAX_UNITS];
    final byte[] cLen = new byte[MAX_UNITS];
    final float[] sim = new float[MAX_UNITS];
    final byte[] rule = new byte[MAX_UNITS];
    final boolean[] taken = new boolean[MAX_UNITS];
    final boolean[] qUsed = new boolean[NameNormaliser.MAX_TOKENS + 1];
    final boolean[] cUsed = new boolean[NameNormaliser.MAX_TOKENS + 1];
    final int[] qPartner = new int[NameNormaliser.MAX_TOKENS + 1];
    final int[] cPartner = new int[NameNormaliser.MAX_TOKENS + 1];
    byte lastRule;
    int used;

    void reset(int n, int m) {
      java.util.Arrays.fill(taken, 0, Math.max(used, 0), false);
      used = 0;
      java.util.Arrays.fill(qUsed, false);
      java.util.Arrays.fill(cUsed, false);
      java.util.Arrays.fill(qPartner, -1);
      java.util.Arrays.fill(cPartner, -1);
    }

    void set(int u, int i, int ql, int j, int cl, float s, byte r) {
      qi[u] = i;
      qLen[u] = (byte) ql;
      cj[u] = j;
      cLen[u] = (byte) cl;
      sim[u] = s;
      rule[u] = r;
      taken[u] = false;
      used = Math.max(used, u + 1);
    }
  }
}

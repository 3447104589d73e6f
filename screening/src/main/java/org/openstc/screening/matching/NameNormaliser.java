package org.openstc.screening.matching;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a raw name into its comparison forms: Unicode NFKC with case folding, marks stripped,
 * punctuation and whitespace handled, dotted acronyms joined, per-token script detection, ICU
 * transliteration of non-Latin tokens (two Cyrillic romanisations, pinyin with traditional to
 * simplified folding, Arabic, Persian, Greek, Hebrew, Hangul, kana ...), and token classification
 * into words, numbers, initials, particles, titles and canonical legal forms. Thread-safe.
 */
public final class NameNormaliser {

  /** Input beyond this many characters is ignored: no real name is longer, hostile input is. */
  static final int MAX_INPUT_CHARS = 600;

  /** At most this many tokens are kept; the rest of an absurd name cannot change a decision. */
  static final int MAX_TOKENS = 24;

  /** Tokens are cut to this length. */
  static final int MAX_TOKEN_CHARS = 48;

  private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
  private static final Normalizer2 NFD = Normalizer2.getNFDInstance();

  private static final NameNormaliser SHARED = new NameNormaliser();

  /** Transliterated tokens, keyed by transliterator id and token; bounded by clearing. */
  private final Map<String, String> transliterationCache = new ConcurrentHashMap<>();

  private final ScratchPool<Transliterators> transliterators =
      new ScratchPool<>(Transliterators::new);

  /** The shared normaliser (it holds only caches, so one per JVM is enough). */
  public static NameNormaliser shared() {
    return SHARED;
  }

  /**
   * The comparison forms of a name: first the Latin form, then alternative Latin forms where the
   * romanisation is ambiguous (Cyrillic), then the original-script form when the name is written
   * entirely in one non-Latin script. Empty or unusable input gives a single empty form.
   */
  public List<NormalName> forms(String raw) {
    return forms(raw, false);
  }

  /**
   * As {@link #forms(String)}; for a person's name ({@code person}) no token is read as a legal
   * form, so that surnames like "Pao" or "Sa" stay names.
   */
  public List<NormalName> forms(String raw, boolean person) {
    if (raw == null) {
      return List.of(NormalName.EMPTY);
    }
    String input = raw.length() > MAX_INPUT_CHARS ? raw.substring(0, MAX_INPUT_CHARS) : raw;
    String folded = NFKC_CASEFOLD.normalize(input);
    List<String> rawTokens = new ArrayList<>();
    tokenise(folded, rawTokens);
    if (rawTokens.isEmpty()) {
      return List.of(NormalName.EMPTY);
    }
    int nameScript = UScript.COMMON;
    boolean mixed = false;
    int[] tokenScripts = new int[rawTokens.size()];
    for (int i = 0; i < rawTokens.size(); i++) {
      int s = scriptOf(rawTokens.get(i));
      tokenScripts[i] = s;
      if (s == UScript.COMMON) {
        continue;
      }
      if (nameScript == UScript.COMMON) {
        nameScript = s;
      } else if (nameScript != s) {
        mixed = true;
      }
    }
    List<NormalName> forms = new ArrayList<>(3);
    forms.add(latinForm(input, rawTokens, tokenScripts, false, person));
    if (nameScript == UScript.CYRILLIC || mixed && containsScript(tokenScripts, UScript.CYRILLIC)) {
      NormalName alternative = latinForm(input, rawTokens, tokenScripts, true, person);
      if (!alternative.equals(forms.get(0)) && !alternative.isEmpty()) {
        forms.add(alternative);
      }
    }
    if (!mixed && nameScript != UScript.COMMON && nameScript != UScript.LATIN) {
      forms.add(originalScriptForm(input, rawTokens, nameScript, person));
    }
    return forms;
  }

  /** The primary (Latin) comparison form of a name. */
  public NormalName normalise(String raw) {
    return forms(raw).get(0);
  }

  private static boolean containsScript(int[] scripts, int script) {
    for (int s : scripts) {
      if (s == script) {
        return true;
      }
    }
    return false;
  }

  /**
   * Splits folded text into raw tokens: letters, marks and digits form tokens; apostrophes join;
   * dotted single letters ("a.b.c.", "l.l.c.") join into one token; "&" becomes "and"; anything
   * else (punctuation, symbols, controls, unassigned code points) separates.
   */
  static void tokenise(String s, List<String> out) {
    StringBuilder cur = new StringBuilder();
    int letters = 0;
    boolean dotted = false;
    int n = s.length();
    for (int i = 0; i < n && out.size() < MAX_TOKENS; ) {
      int cp = s.codePointAt(i);
      int len = Character.charCount(cp);
      int type = Character.getType(cp);
      if (Character.isLetter(cp)
          || type == Character.NON_SPACING_MARK
          || type == Character.COMBINING_SPACING_MARK
          || type == Character.ENCLOSING_MARK) {
        if (cur.length() < MAX_TOKEN_CHARS * 2) {
          cur.appendCodePoint(cp);
        }
        if (Character.isLetter(cp)) {
          letters++;
        }
      } else if (Character.isDigit(cp)) {
        if (cur.length() < MAX_TOKEN_CHARS * 2) {
          cur.append((char) ('0' + Character.digit(cp, 10)));
        }
        letters += 2;
      } else if (cp == '\''
          || cp == '\u2019'
          || cp == '\u02bc'
          || cp == '\u02bb'
          || cp == '`'
          || cp == '\u00b4'
          || cp == '\u2018') {
        // Apostrophes join: Qa'ida, O'Brien, 'Abd.
      } else if (cp == '.' && (letters == 1 || dotted) && dottedLetterFollows(s, i + 1)) {
        dotted = true;
      } else {
        if (cur.length() > 0) {
          out.add(cur.toString());
          cur.setLength(0);
        }
        letters = 0;
        dotted = false;
        if (cp == '&' && out.size() < MAX_TOKENS) {
          out.add("and");
        }
      }
      i += len;
    }
    if (cur.length() > 0 && out.size() < MAX_TOKENS) {
      out.add(cur.toString());
    }
  }

  /** Whether position i starts "x." or "x" at the end / before a space: a dotted-acronym letter. */
  private static boolean dottedLetterFollows(String s, int i) {
    if (i >= s.length()) {
      return false;
    }
    int cp = s.codePointAt(i);
    if (!Character.isLetter(cp)) {
      return false;
    }
    int j = i + Character.charCount(cp);
    if (j >= s.length()) {
      return true;
    }
    int after = s.codePointAt(j);
    return after == '.' || Character.isWhitespace(after) || after == ',';
  }

  private static int scriptOf(String token) {
    for (int i = 0; i < token.length(); ) {
      int cp = token.codePointAt(i);
      int s = UScript.getScript(cp);
      if (s != UScript.COMMON && s != UScript.INHERITED && s != UScript.UNKNOWN) {
        return s;
      }
      i += Character.charCount(cp);
    }
    return UScript.COMMON;
  }

  private NormalName latinForm(
      String raw, List<String> rawTokens, int[] scripts, boolean alternative, boolean person) {
    List<String> tokens = new ArrayList<>(rawTokens.size() + 2);
    for (int i = 0; i < rawTokens.size(); i++) {
      String t = rawTokens.get(i);
      String latin;
      if (scripts[i] == UScript.LATIN || scripts[i] == UScript.COMMON) {
        latin = asciiFold(t);
      } else {
        latin = asciiFold(transliterate(t, scripts[i], alternative));
      }
      // Transliteration may produce several words (Han syllables) or punctuation: re-tokenise.
      if (isPlainAsciiWord(latin)) {
        if (!latin.isEmpty()) {
          tokens.add(cut(latin));
        }
      } else {
        List<String> parts = new ArrayList<>();
        tokenise(NFKC_CASEFOLD.normalize(latin), parts);
        for (String p : parts) {
          String f = asciiFold(p);
          if (!f.isEmpty()) {
            tokens.add(cut(f));
          }
        }
      }
      if (tokens.size() >= MAX_TOKENS) {
        break;
      }
    }
    return classify(raw, "Latn", tokens, tokens, false, person);
  }

  private NormalName originalScriptForm(
      String raw, List<String> rawTokens, int script, boolean person) {
    List<String> display = new ArrayList<>(rawTokens.size());
    List<String> keys = new ArrayList<>(rawTokens.size());
    for (String t : rawTokens) {
      String o = stripMarksUnlessEssential(t, script);
      if (script == UScript.HAN) {
        o = cached("Traditional-Simplified", o);
      }
      display.add(cut(o));
      keys.add(asciiFold(transliterate(t, script, false)).replace(" ", ""));
    }
    return classify(raw, UScript.getShortName(script), display, keys, true, person);
  }

  /** Marks are stripped for comparison except in scripts whose vowels are written as marks. */
  private static String stripMarksUnlessEssential(String token, int script) {
    if (script == UScript.CYRILLIC
        || script == UScript.GREEK
        || script == UScript.HEBREW
        || script == UScript.ARABIC
        || script == UScript.ARMENIAN
        || script == UScript.GEORGIAN) {
      return stripMarks(token);
    }
    return token;
  }

  private static String cut(String t) {
    return t.length() > MAX_TOKEN_CHARS ? t.substring(0, MAX_TOKEN_CHARS) : t;
  }

  private static boolean isPlainAsciiWord(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
        return false;
      }
    }
    return true;
  }

  private static String stripMarks(String s) {
    String d = NFD.normalize(s);
    StringBuilder sb = new StringBuilder(d.length());
    for (int i = 0; i < d.length(); ) {
      int cp = d.codePointAt(i);
      int type = Character.getType(cp);
      if (type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK) {
        sb.appendCodePoint(cp);
      }
      i += Character.charCount(cp);
    }
    return sb.toString();
  }

  /** Lower-case ASCII: marks stripped, then ICU Latin-ASCII for letters like ø, ł, đ, æ. */
  String asciiFold(String s) {
    if (isPlainAsciiWord(s)) {
      return s;
    }
    String stripped = stripMarks(s);
    if (!isAscii(stripped)) {
      stripped = cached("Latin-ASCII", stripped);
    }
    StringBuilder sb = new StringBuilder(stripped.length());
    for (int i = 0; i < stripped.length(); i++) {
      char c = Character.toLowerCase(stripped.charAt(i));
      if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == ' ') {
        sb.append(c);
      } else if (c == '-' || c == '\'' || c == '.') {
        sb.append(c == '-' ? ' ' : '\0');
      } else if (c > 127 || c < 32) {
        // Letters no transliterator knows (unknown scripts) are dropped rather than guessed.
      } else {
        sb.append(' ');
      }
    }
    return sb.toString().replace("\0", "").trim();
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 127) {
        return false;
      }
    }
    return true;
  }

  private String transliterate(String token, int script, boolean alternative) {
    String id;
    if (script == UScript.CYRILLIC) {
      id = alternative ? "Cyrillic-Latin" : "Russian-Latin/BGN";
    } else if (script == UScript.HAN) {
      id = "Traditional-Simplified; Han-Latin";
    } else if (script == UScript.ARABIC) {
      id = "Arabic-Latin";
    } else {
      id = "Any-Latin";
    }
    return cached(id, token);
  }

  private String cached(String id, String text) {
    String key = id + '\u0000' + text;
    String hit = transliterationCache.get(key);
    if (hit != null) {
      return hit;
    }
    Transliterators t = transliterators.acquire();
    String result;
    try {
      result = t.get(id).transliterate(text);
    } finally {
      transliterators.release(t);
    }
    if (transliterationCache.size() > 200_000) {
      transliterationCache.clear();
    }
    transliterationCache.put(key, result);
    return result;
  }

  /**
   * Classifies tokens: legal-form phrases (greedy, longest first) become one canonical class token,
   * then particles, titles, numbers and initials. Keys are the Latin spellings used for
   * classification; display tokens are what is compared (they differ for original-script forms).
   */
  static NormalName classify(
      String raw,
      String script,
      List<String> display,
      List<String> keys,
      boolean original,
      boolean person) {
    int n = display.size();
    List<String> tokens = new ArrayList<>(n);
    List<TokenKind> kinds = new ArrayList<>(n);
    for (int i = 0; i < n; ) {
      int matched = 0;
      String legal = null;
      int longest = person ? 0 : Math.min(NameVocabulary.MAX_LEGAL_PHRASE, n - i);
      for (int len = longest; len >= 1; len--) {
        String cls = NameVocabulary.legalClass(keys, i, len);
        if (cls != null) {
          boolean edge = i == 0 || i + len == n;
          if (edge
              || !NameVocabulary.EDGE_ONLY_LEGAL.contains(
                  String.join(" ", keys.subList(i, i + len)))) {
            // A legal form cannot be the whole name: "Limited" alone stays a word.
            if (len < n) {
              legal = cls;
              matched = len;
              break;
            }
          }
        }
      }
      if (legal == null && !original && !person) {
        legal = NameVocabulary.fuzzyLegalClass(keys.get(i));
        matched = 1;
      }
      if (legal != null) {
        tokens.add(legal);
        kinds.add(TokenKind.LEGAL_FORM);
        i += matched;
        continue;
      }
      String key = keys.get(i);
      String shown = display.get(i);
      TokenKind kind;
      if (key.isEmpty() && shown.isEmpty()) {
        i++;
        continue;
      } else if (isDigits(shown)) {
        kind = TokenKind.NUMBER;
      } else if (!original && NameVocabulary.numberWord(key) != null) {
        kind = TokenKind.NUMBER;
        shown = NameVocabulary.numberWord(key);
      } else if (!original && i > 0 && NameVocabulary.romanNumeral(key) != null) {
        kind = TokenKind.NUMBER;
        shown = NameVocabulary.romanNumeral(key);
      } else if (NameVocabulary.PARTICLES.contains(key) && n > 1) {
        kind = TokenKind.PARTICLE;
      } else if (NameVocabulary.TITLES.contains(key) && n > 1) {
        kind = TokenKind.TITLE;
      } else if (shown.codePointCount(0, shown.length()) == 1 && !original) {
        kind = TokenKind.INITIAL;
      } else {
        kind = TokenKind.WORD;
      }
      tokens.add(
          kind == TokenKind.PARTICLE && !original ? NameVocabulary.canonicalParticle(key) : shown);
      kinds.add(kind);
      i++;
    }
    return new NormalName(
        raw, script, tokens.toArray(new String[0]), kinds.toArray(new TokenKind[0]), original);
  }

  private static boolean isDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * Transliterator instances for one thread at a time (ICU transliterators are not safe to share).
   */
  private static final class Transliterators {
    private final Map<String, Transliterator> byId = new java.util.HashMap<>();

    Transliterator get(String id) {
      return byId.computeIfAbsent(id, Transliterator::getInstance);
    }
  }
}

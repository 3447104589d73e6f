package org.openstc.screening.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The word lists that classify tokens: particles, titles and organisation legal forms (each phrase,
 * in any of its spellings and transliterations, mapped to one canonical class).
 */
final class NameVocabulary {

  private NameVocabulary() {}

  static final Set<String> PARTICLES =
      Set.of(
          "al", "el", "ul", "ud", "ur", "bin", "ben", "ibn", "bint", "binti", "abu", "abou", "bou",
          "van", "der", "den", "de", "del", "della", "la", "le", "da", "das", "du", "des", "di",
          "dos", "do", "von", "zu", "of", "the", "and", "et", "und", "ter", "na", "ould", "ag",
          "bte", "st");

  private static final Map<String, String> PARTICLE_CLASSES =
      Map.ofEntries(
          Map.entry("el", "al"),
          Map.entry("ul", "al"),
          Map.entry("ben", "bin"),
          Map.entry("ibn", "bin"),
          Map.entry("bint", "bin"),
          Map.entry("binti", "bin"),
          Map.entry("bte", "bin"),
          Map.entry("abou", "abu"),
          Map.entry("bou", "abu"),
          Map.entry("da", "de"),
          Map.entry("di", "de"),
          Map.entry("du", "de"),
          Map.entry("del", "de"),
          Map.entry("della", "de"),
          Map.entry("das", "de"),
          Map.entry("dos", "de"),
          Map.entry("do", "de"),
          Map.entry("des", "de"),
          Map.entry("von", "van"),
          Map.entry("den", "der"),
          Map.entry("ter", "der"),
          Map.entry("ud", "al"),
          Map.entry("ur", "al"));

  /** Spelling variants of one particle share a class: al/el/ul, bin/ben/ibn, de/da/di ... */
  static String canonicalParticle(String particle) {
    return PARTICLE_CLASSES.getOrDefault(particle, particle);
  }

  static final Set<String> TITLES =
      Set.of(
          "mr",
          "mrs",
          "ms",
          "miss",
          "dr",
          "prof",
          "sir",
          "lord",
          "lady",
          "president",
          "praesident",
          "prasident",
          "presidente",
          "sheikh",
          "shaikh",
          "sheik",
          "shaykh",
          "cheikh",
          "mullah",
          "mulla",
          "maulvi",
          "mawlawi",
          "maulavi",
          "haji",
          "hajji",
          "alhaji",
          "qari",
          "monsieur",
          "madame",
          "mme",
          "herr",
          "frau",
          "general",
          "gen",
          "colonel",
          "col",
          "captain",
          "capt",
          "major",
          "maj",
          "lt",
          "brigadier",
          "admiral",
          "sayyid",
          "sayed",
          "syed",
          "imam",
          "emir",
          "amir",
          "hon",
          "honourable",
          "senator",
          "minister");

  /** Canonical legal-form class of each phrase (tokens separated by single spaces). */
  private static final Map<String, String> LEGAL_PHRASES = new HashMap<>();

  /** Longest legal phrase in tokens, for the greedy matcher. */
  static final int MAX_LEGAL_PHRASE;

  static {
    legal(
        "~llc",
        "llc",
        "l l c",
        "limited liability company",
        "limited liability co",
        "ooo",
        "o o o",
        "obshchestvo s ogranichennoy otvetstvennostyu",
        "obshchestvo s ogranichennoi otvetstvennostiu",
        "obshhestvo s ogranichennoj otvetstvennostju",
        "obscestvo s ogranicennoj otvetstvennostu",
        "tov",
        "tovarystvo z obmezhenoyu vidpovidalnistyu",
        "gmbh",
        "g m b h",
        "gesellschaft mit beschrankter haftung",
        "gesellschaft mit beschraenkter haftung",
        "srl",
        "s r l",
        "sarl",
        "s a r l",
        "societatea cu raspundere limitata",
        "societe a responsabilite limitee",
        "sp z oo",
        "sp z o o",
        "spolka z ograniczona odpowiedzialnoscia",
        "ltd",
        "limited",
        "pty ltd",
        "pte ltd",
        "private limited",
        "private limited company",
        "bv",
        "b v",
        "besloten vennootschap",
        "kft",
        "sro",
        "s r o",
        "doo",
        "d o o",
        "too",
        "mchj",
        "llp",
        "l l p",
        "limited liability partnership");
    legal(
        "~jsc",
        "jsc",
        "joint stock company",
        "joint-stock company",
        "ojsc",
        "open joint stock company",
        "cjsc",
        "closed joint stock company",
        "pjsc",
        "public joint stock company",
        "ao",
        "oao",
        "zao",
        "pao",
        "aktsionernoe obshchestvo",
        "aktsionernoye obshchestvo",
        "aktsionernoe obshhestvo",
        "otkrytoe aktsionernoe obshchestvo",
        "zakrytoe aktsionernoe obshchestvo",
        "publichnoe aktsionernoe obshchestvo",
        "ag",
        "aktiengesellschaft",
        "sa",
        "s a",
        "societe anonyme",
        "sociedad anonima",
        "spa",
        "s p a",
        "societa per azioni",
        "nv",
        "n v",
        "naamloze vennootschap",
        "plc",
        "p l c",
        "public limited company",
        "ab",
        "as",
        "asa",
        "a s",
        "ad",
        "pt",
        "p t",
        "tbk",
        "kk",
        "kabushiki kaisha",
        "sae",
        "saog",
        "psc",
        "bhd",
        "berhad",
        "sdn bhd");
    legal(
        "~corp",
        "corp",
        "corporation",
        "inc",
        "incorporated",
        "co",
        "company",
        "cie",
        "compania",
        "compagnie",
        "kompaniya");
    legal("~lp", "lp", "l p", "limited partnership", "kg", "gmbh co kg", "gmbh and co kg");
    legal("~npo", "ano", "avtonomnaya nekommercheskaya organizatsiya", "ngo", "npo", "ev", "e v");
    legal("~coop", "cooperative", "co op", "coop", "kooperativ");
    int max = 0;
    for (String phrase : LEGAL_PHRASES.keySet()) {
      max = Math.max(max, phrase.split(" ").length);
    }
    MAX_LEGAL_PHRASE = max;
  }

  private static void legal(String canonical, String... phrases) {
    for (String phrase : phrases) {
      LEGAL_PHRASES.put(phrase, canonical);
    }
  }

  /** First words of the legal phrases, so that most tokens are rejected with one lookup. */
  private static final Set<String> LEGAL_FIRST_WORDS = new java.util.HashSet<>();

  /** One-word legal forms long enough to be recognised with a typo. */
  private static final List<Map.Entry<String, String>> LONG_ONE_WORD_FORMS = new ArrayList<>();

  static {
    for (Map.Entry<String, String> e : LEGAL_PHRASES.entrySet()) {
      String phrase = e.getKey();
      int space = phrase.indexOf(' ');
      LEGAL_FIRST_WORDS.add(space < 0 ? phrase : phrase.substring(0, space));
      if (space < 0 && phrase.length() >= 9) {
        LONG_ONE_WORD_FORMS.add(e);
      }
    }
  }

  /** Whether a legal phrase can start with this token. */
  static boolean startsLegalPhrase(String token) {
    return LEGAL_FIRST_WORDS.contains(token);
  }

  /** The legal class of a phrase of tokens, or null when it is not a legal form. */
  static String legalClass(List<String> tokens, int from, int length) {
    if (!LEGAL_FIRST_WORDS.contains(tokens.get(from))) {
      return null;
    }
    if (length == 1) {
      return LEGAL_PHRASES.get(tokens.get(from));
    }
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < from + length; i++) {
      if (i > from) {
        sb.append(' ');
      }
      sb.append(tokens.get(i));
    }
    return LEGAL_PHRASES.get(sb.toString());
  }

  /**
   * Short legal codes that are also ordinary words or name parts ("as", "sa", "co", "pt" ...): they
   * count as legal forms only at the start or end of a name.
   */
  static final Set<String> EDGE_ONLY_LEGAL =
      Set.of(
          "as", "ad", "ab", "pt", "sa", "s a", "co", "ao", "ag", "kk", "kg", "ev", "e v", "a s",
          "p t", "nv", "n v", "bv", "b v", "too", "doo", "tov", "sae", "psc", "lp", "l p", "ano",
          "asa", "coop");

  private static final String[] ROMAN = {
    "ii", "iii", "iv", "vi", "vii", "viii", "ix", "xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii",
    "xviii", "xix", "xx"
  };
  private static final int[] ROMAN_VALUES = {
    2, 3, 4, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20
  };

  /** The Arabic digits of a Roman numeral II..XX (single letters are initials), else null. */
  static String romanNumeral(String token) {
    for (int i = 0; i < ROMAN.length; i++) {
      if (ROMAN[i].equals(token)) {
        return Integer.toString(ROMAN_VALUES[i]);
      }
    }
    return null;
  }

  private static final Map<String, String> NUMBER_WORDS =
      Map.ofEntries(
          Map.entry("one", "1"),
          Map.entry("first", "1"),
          Map.entry("1st", "1"),
          Map.entry("two", "2"),
          Map.entry("second", "2"),
          Map.entry("2nd", "2"),
          Map.entry("three", "3"),
          Map.entry("third", "3"),
          Map.entry("3rd", "3"),
          Map.entry("four", "4"),
          Map.entry("fourth", "4"),
          Map.entry("4th", "4"),
          Map.entry("five", "5"),
          Map.entry("fifth", "5"),
          Map.entry("5th", "5"),
          Map.entry("six", "6"),
          Map.entry("seven", "7"),
          Map.entry("eight", "8"),
          Map.entry("nine", "9"),
          Map.entry("ten", "10"));

  /** Digits for a spelled-out small number or ordinal ("first", "1st", "three"), else null. */
  static String numberWord(String token) {
    return NUMBER_WORDS.get(token);
  }

  private static final String[] PATRONYMIC_ENDINGS = {
    "ovich", "evich", "ovych", "evych", "ovna", "evna", "ivna", "ogly", "oglu", "kyzy", "ovitch"
  };

  /** Whether a word is an East Slavic or Turkic patronymic, which weighs like a middle name. */
  static boolean isPatronymic(String token) {
    if (token.length() < 7) {
      return false;
    }
    for (String e : PATRONYMIC_ENDINGS) {
      if (token.endsWith(e)) {
        return true;
      }
    }
    return false;
  }

  /** One-word legal forms long enough to be recognised with a typo ("aktiengeselschaft"). */
  static String fuzzyLegalClass(String token) {
    if (token.length() < 9) {
      return null;
    }
    for (Map.Entry<String, String> e : LONG_ONE_WORD_FORMS) {
      String phrase = e.getKey();
      if (Math.abs(phrase.length() - token.length()) <= 2
          && EditDistance.osa(token, phrase, 2) <= 2) {
        return e.getValue();
      }
    }
    return null;
  }

  /** All legal phrases (for tests and documentation). */
  static List<String> legalPhrases() {
    return new ArrayList<>(LEGAL_PHRASES.keySet());
  }
}

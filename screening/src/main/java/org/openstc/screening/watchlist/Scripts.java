package org.openstc.screening.watchlist;

/** Guesses the ISO 15924 script of a name from its letters, so original-script names carry one. */
final class Scripts {

  private Scripts() {}

  /** The script of the first non-Latin letter, "Latn" when all letters are Latin, else null. */
  static String detect(String text) {
    if (text == null) {
      return null;
    }
    boolean latin = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (!Character.isLetter(cp)) {
        continue;
      }
      Character.UnicodeScript script = Character.UnicodeScript.of(cp);
      switch (script) {
        case LATIN -> latin = true;
        case COMMON, INHERITED -> {}
        default -> {
          return iso15924(script);
        }
      }
    }
    return latin ? "Latn" : null;
  }

  private static String iso15924(Character.UnicodeScript script) {
    return switch (script) {
      case ARABIC -> "Arab";
      case CYRILLIC -> "Cyrl";
      case HAN -> "Hani";
      case HANGUL -> "Hang";
      case HIRAGANA, KATAKANA -> "Jpan";
      case GREEK -> "Grek";
      case HEBREW -> "Hebr";
      case THAI -> "Thai";
      case GEORGIAN -> "Geor";
      case ARMENIAN -> "Armn";
      case DEVANAGARI -> "Deva";
      case ETHIOPIC -> "Ethi";
      case MYANMAR -> "Mymr";
      case KHMER -> "Khmr";
      case TAMIL -> "Taml";
      case BENGALI -> "Beng";
      default -> {
        String name = script.name();
        yield name.charAt(0) + name.substring(1, Math.min(4, name.length())).toLowerCase();
      }
    };
  }
}

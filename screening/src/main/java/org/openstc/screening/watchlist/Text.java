package org.openstc.screening.watchlist;

import java.util.List;

/** Small normalisations shared by the model's constructors: blank means absent. */
final class Text {

  private Text() {}

  static String clean(String value) {
    if (value == null) {
      return null;
    }
    String stripped = value.strip();
    return stripped.isEmpty() ? null : stripped;
  }

  /** Whether the text is exactly two ASCII letters (an alpha-2 country code). */
  static boolean isAlpha2(String text) {
    return text != null
        && text.length() == 2
        && isAsciiLetter(text.charAt(0))
        && isAsciiLetter(text.charAt(1));
  }

  static boolean isUpperAlpha2(String text) {
    return isAlpha2(text)
        && Character.isUpperCase(text.charAt(0))
        && Character.isUpperCase(text.charAt(1));
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** Whether the text is a non-empty run of ASCII digits. */
  static boolean isDigits(String text) {
    if (text == null || text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  static <T> List<T> copy(List<T> values) {
    return values == null ? List.of() : List.copyOf(values);
  }

  static List<String> cleanCopy(List<String> values) {
    if (values == null) {
      return List.of();
    }
    return values.stream().map(Text::clean).filter(v -> v != null).distinct().toList();
  }
}

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

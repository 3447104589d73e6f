package org.openstc.screening.watchlist;

/**
 * A country as a list names it: the ISO 3166-1 alpha-2 code where the text could be resolved, and
 * always the raw text (lists write "Iran", "Iran (Islamic Republic of)", "IR" or "Iranian").
 *
 * @param code upper-case ISO alpha-2 code (also "XK" Kosovo), or {@code null} when unresolved
 * @param raw the text as printed on the list (never null; the code itself when only a code is
 *     given)
 */
public record CountryRef(String code, String raw) {

  public CountryRef {
    code = Text.clean(code);
    raw = Text.clean(raw);
    if (code != null) {
      if (!Text.isAlpha2(code)) {
        throw new IllegalArgumentException("not an alpha-2 country code: " + code);
      }
      code = code.toUpperCase(java.util.Locale.ROOT);
    }
    if (raw == null) {
      if (code == null) {
        throw new IllegalArgumentException("country needs a code or a text");
      }
      raw = code;
    }
  }

  /** Resolves a country name, demonym or code; keeps the text either way. */
  public static CountryRef of(String text) {
    return new CountryRef(Countries.resolve(text), text);
  }

  /** A country given by code; the raw text is the code. */
  public static CountryRef ofCode(String code, String name) {
    String clean = Text.clean(code);
    // Only codes ISO still assigns (and XK) are taken as given; others resolve from the name.
    if (Text.isAlpha2(clean) && Countries.resolve(clean) != null) {
      return new CountryRef(clean, name == null ? clean : name);
    }
    return of(name != null ? name : code);
  }

  public boolean isResolved() {
    return code != null;
  }

  String canonical() {
    return code != null ? code : "?" + raw;
  }
}

package org.openstc.controls.list;

import java.util.Locale;

/**
 * The code of a control list entry or sub-paragraph, such as {@code 3A001.a.5.a.1}, {@code ML10.b}
 * or an authority's own national code; normalised so that {@code "3a001.a.3."} and {@code
 * "3A001.a.3"} are the same entry.
 */
public record ControlEntryCode(String value) implements Comparable<ControlEntryCode> {

  public ControlEntryCode {
    if (value == null) {
      throw new IllegalArgumentException("control entry code is null");
    }
    value = normalise(value);
    if (!wellFormed(value)) {
      throw new IllegalArgumentException("not a control entry code: '" + value + "'");
    }
  }

  public static ControlEntryCode of(String value) {
    return new ControlEntryCode(value);
  }

  // Hand-written checks instead of regular expressions: codes are built on the determination hot
  // path (headings, parents), where a regex per construction showed up in profiles.
  private static boolean wellFormed(String v) {
    int n = v.length();
    if (n == 0 || n > 80 || !Character.isLetterOrDigit(v.charAt(0)) || v.charAt(0) > 127) {
      return false;
    }
    for (int i = 1; i < n; i++) {
      char c = v.charAt(i);
      boolean ok =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '-'
              || c == '/'
              || c == '_';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean isNormalised(String s) {
    int dot = s.indexOf('.');
    int end = dot < 0 ? s.length() : dot;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (i < end ? (c >= 'a' && c <= 'z') : (c >= 'A' && c <= 'Z')) {
        return false;
      }
    }
    return !s.isEmpty()
        && s.charAt(s.length() - 1) != '.'
        && !Character.isWhitespace(s.charAt(0))
        && !Character.isWhitespace(s.charAt(s.length() - 1));
  }

  private static String normalise(String raw) {
    if (isNormalised(raw)) {
      return raw;
    }
    String s = raw.strip();
    while (s.endsWith(".")) {
      s = s.substring(0, s.length() - 1);
    }
    int dot = s.indexOf('.');
    // The heading part is upper case (3A001, ML10); paragraph letters stay lower case as printed.
    String head = (dot < 0 ? s : s.substring(0, dot)).toUpperCase(Locale.ROOT);
    String tail = dot < 0 ? "" : s.substring(dot).toLowerCase(Locale.ROOT);
    return head + tail;
  }

  /** The heading, i.e. the part before the first dot ({@code 3A001} for {@code 3A001.a.1}). */
  public ControlEntryCode heading() {
    int dot = value.indexOf('.');
    return dot < 0 ? this : new ControlEntryCode(value.substring(0, dot));
  }

  /** Whether this is a heading rather than a sub-paragraph. */
  public boolean isHeading() {
    return value.indexOf('.') < 0;
  }

  /** The enclosing paragraph, or null for a heading. */
  public ControlEntryCode parent() {
    int dot = value.lastIndexOf('.');
    return dot < 0 ? null : new ControlEntryCode(value.substring(0, dot));
  }

  /** Whether {@code other} is this code or one of its sub-paragraphs. */
  public boolean covers(ControlEntryCode other) {
    String o = other.value;
    return o.equals(value) || (o.startsWith(value) && o.charAt(value.length()) == '.');
  }

  /** Whether the heading follows the dual-use numbering (category, product group, number). */
  public boolean isDualUseNumbered() {
    String v = value;
    return v.length() >= 5
        && isDigit(v.charAt(0))
        && v.charAt(1) >= 'A'
        && v.charAt(1) <= 'E'
        && isDigit(v.charAt(2))
        && isDigit(v.charAt(3))
        && isDigit(v.charAt(4))
        && (v.length() == 5 || v.charAt(5) == '.');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Whether the code is a munitions list heading (ML1 to ML22). */
  public boolean isMunitions() {
    return value.startsWith("ML") && value.length() > 2 && Character.isDigit(value.charAt(2));
  }

  /** The product group letter (A systems … E technology), or 0 when not dual-use numbered. */
  public char productGroup() {
    return isDualUseNumbered() ? value.charAt(1) : 0;
  }

  @Override
  public int compareTo(ControlEntryCode o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}

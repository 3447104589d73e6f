package org.openstc.controls.list;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The code of a control list entry or sub-paragraph, such as {@code 3A001.a.5.a.1}, {@code ML10.b}
 * or an authority's own national code; normalised so that {@code "3a001.a.3."} and {@code
 * "3A001.a.3"} are the same entry.
 */
public record ControlEntryCode(String value) implements Comparable<ControlEntryCode> {

  private static final Pattern DUAL_USE_HEADING = Pattern.compile("\\d[A-E]\\d{3}");
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.\\-/_]{0,79}");

  public ControlEntryCode {
    if (value == null) {
      throw new IllegalArgumentException("control entry code is null");
    }
    value = normalise(value);
    if (!SHAPE.matcher(value).matches()) {
      throw new IllegalArgumentException("not a control entry code: '" + value + "'");
    }
  }

  public static ControlEntryCode of(String value) {
    return new ControlEntryCode(value);
  }

  private static String normalise(String raw) {
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
    return DUAL_USE_HEADING.matcher(heading().value).matches();
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

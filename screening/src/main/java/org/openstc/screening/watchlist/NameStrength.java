package org.openstc.screening.watchlist;

/**
 * How much weight a name carries: lists flag some aliases as weak or low quality (OFAC "weak
 * a.k.a.", UN {@code QUALITY=Low}, EU {@code strong=false}) so matchers can demand an exact hit.
 */
public enum NameStrength {
  STRONG,
  WEAK
}

package org.openstc.screening.watchlist;

/** The role a name plays on the list entry. */
public enum NameKind {
  PRIMARY,
  ALIAS,
  FORMERLY_KNOWN_AS,
  ORIGINAL_SCRIPT
}

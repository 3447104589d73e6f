package org.openstc.screening.watchlist;

/** What kind of thing a listed entity is; mirrors the FollowTheMoney schemata used on lists. */
public enum EntityType {
  PERSON,
  ORGANISATION,
  VESSEL,
  AIRCRAFT,
  UNKNOWN
}

package org.openstc.controls.determination;

/** The screening status of the transaction's parties, as decided in the screening module. */
public enum PartyScreening {
  CLEAR,
  /** A potential match nobody has decided yet. */
  UNRESOLVED_HIT,
  /** A party is designated under a UN or EU asset freeze. */
  EU_UN_ASSET_FREEZE,
  /** A party is on OFAC's SDN list (blocked). */
  US_SDN,
  /** A party is on the BIS Entity List (Supplement No. 4 to Part 744). */
  US_ENTITY_LIST,
  /** A party is on the BIS Denied Persons List. */
  US_DENIED_PERSON
}

package org.openstc.controls.authorisation;

/**
 * Facts about a transaction that general authorisations and licence exceptions depend on, beyond
 * item, destination and end use.
 */
public enum TransactionFact {
  /** Return to the original end user after maintenance, repair or replacement (EU003). */
  RETURN_AFTER_REPAIR,
  /** Temporary export for an exhibition or fair (EU004). */
  TEMPORARY_EXHIBITION,
  /** Software or technology to a wholly owned subsidiary or sister company (EU007). */
  INTRA_GROUP_TRANSFER,
  /** The items use only published or commercial cryptographic standards (EU008 Part 1(2)). */
  PUBLISHED_CRYPTO_STANDARDS,
  /**
   * The consignee or end user is a government body (excludes EU007/EU008; non-governmental
   * embargoes).
   */
  GOVERNMENT_END_USER,
  /** The items go to a customs-free zone or free warehouse (excluded from all EU GAs). */
  CUSTOMS_FREE_ZONE,
  /**
   * The unlisted item is a cyber-surveillance item (Art. 2(20), Art. 5 Regulation (EU) 2021/821).
   */
  CYBER_SURVEILLANCE_ITEM
}

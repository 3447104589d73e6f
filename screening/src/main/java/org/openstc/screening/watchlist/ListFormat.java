package org.openstc.screening.watchlist;

/** The published file formats OpenSTC reads; detected from content by {@link WatchlistReaders}. */
public enum ListFormat {
  /** UN Security Council Consolidated List XML ({@code CONSOLIDATED_LIST}). */
  UN_XML,
  /**
   * OFAC legacy CSV set: {@code sdn.csv}+{@code add.csv}+{@code alt.csv}+{@code sdn_comments.csv}
   * or the {@code cons_*} set.
   */
  OFAC_LEGACY_CSV,
  /** OFAC Sanctions List Service advanced XML ({@code Sanctions}, the sdn_advanced.xsd schema). */
  OFAC_ADVANCED_XML,
  /** OFAC classic XML ({@code sdnList}, the SDN.XML schema). */
  OFAC_CLASSIC_XML,
  /** OFAC enhanced XML ({@code sanctionsData}), usually zipped as published. */
  OFAC_ENHANCED_XML,
  /** trade.gov Consolidated Screening List CSV (current 29-column schema or the older one). */
  CSL_CSV,
  /**
   * trade.gov Consolidated Screening List JSON ({@code results} array, as the API publishes it).
   */
  CSL_JSON,
  /** US BIS Denied Persons List, tab-separated with header. */
  BIS_DPL_TSV,
  /** EU Financial Sanctions Files XML 1.1 ({@code export}/{@code sanctionEntity}). */
  EU_FSF_XML,
  /** UK FCDO sanctions list XML ({@code Designations}/{@code Designation}). */
  UK_FCDO_XML,
  /** FollowTheMoney entities as JSON lines (OpenSanctions exports). */
  FTM_JSON,
  /** OpenSTC's simple header-driven CSV for an organisation's own lists (see docs/LISTS.md). */
  PRIVATE_CSV
}

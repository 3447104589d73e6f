package org.openstc.controls.measure;

/** Which items a restrictive measure reaches. */
public enum ItemScope {
  /** Arms and related materiel: munitions list items (ML1–ML22, US 600 series). */
  MILITARY_ITEMS,
  /** Every item on the jurisdiction's dual-use list (EU Annex I; for the US any CCL entry). */
  DUAL_USE_ITEMS,
  /** Only the item codes the measure lists (e.g. Annex VII to Regulation (EU) 833/2014). */
  LISTED_ITEMS,
  /** Listed sectors described in words that the engine cannot match by code; shown as a check. */
  LISTED_SECTORS,
  /** Only items on no list (EU: not listed; US: EAR99), e.g. the US Syria rule for EAR99 items. */
  UNLISTED_ITEMS,
  /** Every item, listed or not (e.g. the US embargo on Cuba, 15 CFR 746.2). */
  ALL_ITEMS
}

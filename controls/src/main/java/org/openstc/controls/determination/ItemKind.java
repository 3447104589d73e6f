package org.openstc.controls.determination;

/** What the classification makes the item in a jurisdiction. */
public enum ItemKind {
  /** On a munitions list (EU Common Military List; US 600 series). */
  MILITARY,
  /** On the dual-use list (EU Annex I; any other ECCN on the CCL). */
  DUAL_USE,
  /** Not listed (EU) or EAR99 (US). */
  UNLISTED
}

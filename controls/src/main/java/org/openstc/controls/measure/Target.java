package org.openstc.controls.measure;

/** Whom in the country a measure targets. */
public enum Target {
  /** Any person in, or for use in, the country. */
  WHOLE_COUNTRY,
  /** Non-governmental forces only (e.g. UNSCR 1701 Lebanon, 1546 Iraq, 1807 DR Congo). */
  NON_GOVERNMENTAL,
  /** Only when the end use is military (e.g. Art. 3a Regulation (EU) 401/2013, 15 CFR 744.21). */
  MILITARY_END_USE
}

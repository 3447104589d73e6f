package org.openstc.controls.measure;

/** The activities a restrictive measure covers besides export to the country. */
public enum MeasureActivity {
  EXPORT,
  BROKERING,
  TECHNICAL_ASSISTANCE,
  /** Transit through the country of goods bound elsewhere (e.g. via Russia, Art. 2 833/2014). */
  TRANSIT_VIA
}

package org.openstc.controls.determination;

/** The export control law a determination applies: EU (Regulation (EU) 2021/821) or US (EAR). */
public enum Jurisdiction {
  EU,
  US
}

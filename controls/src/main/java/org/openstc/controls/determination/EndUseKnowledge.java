package org.openstc.controls.determination;

/**
 * How the exporter knows the end use: being informed by the competent authority triggers the
 * catch-all directly (Art. 4(1)); own awareness obliges a notification (Art. 4(2)).
 */
public enum EndUseKnowledge {
  EXPORTER_AWARE,
  INFORMED_BY_AUTHORITY
}

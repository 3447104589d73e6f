package org.openstc.controls.list;

/** Who issues a control list: the EU, the US, a regime, or a national authority. */
public enum ListJurisdiction {
  EU,
  US,
  REGIME,
  NATIONAL
}

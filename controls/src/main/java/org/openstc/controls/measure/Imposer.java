package org.openstc.controls.measure;

/** Who imposes a restrictive measure. */
public enum Imposer {
  UN("United Nations Security Council"),
  EU("European Union"),
  US("United States");

  private final String title;

  Imposer(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}

package org.openstc.controls.country;

/** The organisations, regimes and treaties whose membership matters for export controls. */
public enum Membership {
  UN("United Nations"),
  EU("European Union"),
  WASSENAAR("Wassenaar Arrangement"),
  NSG("Nuclear Suppliers Group"),
  MTCR("Missile Technology Control Regime"),
  AUSTRALIA_GROUP("Australia Group"),
  CWC("Chemical Weapons Convention"),
  ATT("Arms Trade Treaty");

  private final String title;

  Membership(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}

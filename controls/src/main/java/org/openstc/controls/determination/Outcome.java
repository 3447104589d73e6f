package org.openstc.controls.determination;

/** The answer for one line, ordered from least to most restrictive. */
public enum Outcome {
  NO_LICENCE_REQUIRED,
  GENERAL_AUTHORISATION,
  LICENCE_REQUIRED,
  PROHIBITED;

  public Outcome strictest(Outcome other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}

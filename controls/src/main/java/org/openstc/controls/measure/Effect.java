package org.openstc.controls.measure;

/** What a restrictive measure does to a transaction within its scope. */
public enum Effect {
  /** The transaction is prohibited (exceptions may be authorised case by case). */
  PROHIBITION,
  /** A licence is required (often with a policy of denial). */
  LICENCE_REQUIREMENT
}

package org.openstc.controls.determination;

import org.openstc.controls.list.ControlEntry;
import org.openstc.controls.list.ControlEntryCode;
import org.openstc.controls.list.ControlListVersion;

/**
 * A request seen from one jurisdiction, with the classification resolved against the list version
 * in force: what the policies evaluate.
 */
public record Line(
    DeterminationRequest request,
    Jurisdiction jurisdiction,
    Activity activity,
    ItemKind kind,
    ControlEntryCode code,
    ControlEntry heading,
    ControlListVersion list,
    boolean armsEmbargoedDestination) {

  /** The item label for explanations ("2B001", "NOT_LISTED", "EAR99"). */
  public String item() {
    return code != null ? code.value() : request.classifications().get(jurisdiction).label();
  }

  public String destination() {
    return request.destination().value();
  }

  boolean wmd() {
    return request.endUse() == EndUse.WMD;
  }

  boolean informed() {
    return request.knowledge() == EndUseKnowledge.INFORMED_BY_AUTHORITY;
  }
}

package org.openstc.server.controls;

import java.time.LocalDate;
import java.util.Optional;
import org.openstc.controls.ControlsReferenceData;
import org.openstc.controls.list.ControlList;
import org.openstc.controls.list.ControlListVersion;

/**
 * Published inside the import transaction when a new control list version has been stored, so that
 * classifications relying on a changed or removed entry can be flagged for review. {@code before}
 * is the reference data as it was before the import, to compare against.
 */
public record ControlListVersionImported(
    ImportedVersion record, ControlListVersion version, ControlsReferenceData before) {

  /** The version of the imported list dated {@code validFrom} as it was before this import. */
  public Optional<ControlListVersion> previous(LocalDate validFrom) {
    return before.lists().list(version.listId()).stream()
        .flatMap((ControlList l) -> l.versions().stream())
        .filter(v -> v.source().validFrom().equals(validFrom))
        .findFirst();
  }
}

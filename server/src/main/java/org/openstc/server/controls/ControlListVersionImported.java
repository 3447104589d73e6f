package org.openstc.server.controls;

import org.openstc.controls.list.ControlListVersion;

/**
 * Published inside the import transaction when a new control list version has been stored, so that
 * classifications relying on a changed or removed entry can be flagged for review.
 */
public record ControlListVersionImported(ImportedVersion record, ControlListVersion version) {}

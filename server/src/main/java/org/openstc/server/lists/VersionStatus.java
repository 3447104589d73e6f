package org.openstc.server.lists;

/** Whether an import attempt produced a usable version. */
public enum VersionStatus {
  /** Read completely and stored; may be (or have been) the active version. */
  IMPORTED,
  /** Could not be downloaded or read; holds no entities and can never be activated. */
  FAILED
}

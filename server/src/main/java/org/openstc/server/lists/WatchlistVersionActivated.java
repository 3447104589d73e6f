package org.openstc.server.lists;

/**
 * Published when a version becomes the active version of its source (after an import or when an
 * administrator switches back to an earlier one). Listeners re-screen against the change.
 *
 * @param source source code
 * @param versionId the version now active
 * @param previousVersionId the version active before, or null when the source had none
 * @param delta what changed from the previous active version to this one
 */
public record WatchlistVersionActivated(
    String source, long versionId, Long previousVersionId, DeltaSummary delta) {}

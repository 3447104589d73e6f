package org.openstc.server.identity;

import java.time.Instant;

/** An exporter, licensing authority, monitoring body or the platform operator. */
public record Organisation(
    long id, String name, OrganisationKind kind, String country, Instant createdAt) {}

package org.openstc.server.identity;

/** A token just issued: the secret is shown once and stored only as a hash. */
public record IssuedToken(ApiTokenInfo info, String secret) {}

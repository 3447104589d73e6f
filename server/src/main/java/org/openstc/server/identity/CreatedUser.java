package org.openstc.server.identity;

/** A newly created user and, when it was generated, the one-time password to hand over once. */
public record CreatedUser(UserAccount account, String oneTimePassword) {}

package org.openstc.server.transactions;

/** A partner in a role in a transaction, with its name and country for display. */
public record TransactionParty(TransactionRole role, long partnerId, String name, String country) {}
